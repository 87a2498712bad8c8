/// Tab in the attach prompt: what the typed path completes to among a folder's entries, as a shell does.
public enum PathCompletion {
    /// `typed` split at its last `/`: the folder part (kept as typed) and the start of a name.
    public static func split(_ typed: String) -> (folder: String, start: String) {
        guard let slash = typed.lastIndex(of: "/") else { return ("", typed) }
        return (String(typed[...slash]), String(typed[typed.index(after: slash)...]))
    }

    /// `entries` are the folder's names, folders ending in `/`. Hidden names only when `start` begins
    /// with a dot. The text goes as far as every match agrees; the candidates are the matches, sorted.
    public static func complete(_ typed: String, entries: [String]) -> (text: String, candidates: [String]) {
        let (folder, start) = split(typed)
        let matches = entries.filter { $0.hasPrefix(start) && (start.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted()
        guard var common = matches.first else { return (typed, []) }
        for name in matches.dropFirst() {
            while !name.hasPrefix(common) { common.removeLast() }
        }
        return (folder + (common.count > start.count ? common : start), matches)
    }
}
