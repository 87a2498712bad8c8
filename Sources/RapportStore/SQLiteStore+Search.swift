import Foundation
import GRDB

/// How a full-text filter narrows a conversation list, chosen per query from what the index holds.
///
/// All plans give the same rows; they differ in cost, which depends on M, the number of matching
/// messages, against C, the number of conversations (measured at 1M messages, 220k conversations):
/// - collecting the conversations of every match, then sorting them, costs ~1.5 µs per match:
///   right for a rare word, far too slow for one in most messages ("thanks");
/// - walking conversations newest first and asking the index about each message costs ~40 µs per
///   message tested (the index keeps no positions, so a seek scans a page of ids): right when
///   matches are so dense that a page fills after a few dozen conversations;
/// - in between, the matching message ids are read once (~0.2 µs each) and the walk tests each
///   message against that set in memory (~1 µs), which also serves words with many completions.
enum TextFilter {
    /// No matching message can exist (the last word completes to nothing).
    case nothing
    /// Few matching messages: collect their conversations, then order those.
    case selective(match: String)
    /// Very many matching messages: walk conversations in list order and ask the index about each.
    case dense(match: String)
    /// Many matching messages: walk conversations in list order, testing against these message ids.
    case marked(Set<Int64>)

    /// Completions of the last word used instead of an FTS5 prefix query; beyond this many, the
    /// prefix query stays (and the plan is `selective`, since testing one message would be slow).
    static let maxCompletions = 64

    /// A plan to use whatever the index holds (tests compare them).
    enum Strategy { case selective, dense, marked }

    static func plan(_ db: Database, text: String, forcing strategy: Strategy? = nil) throws -> TextFilter? {
        guard let prefixMatch = FullTextQuery.match(for: text) else { return nil }
        var match = prefixMatch
        var expanded = false
        var completions: [String] = []
        if let prefix = FullTextQuery.completablePrefix(of: text) {
            // Word by word: each step seeks to the first word after the previous one (`|| char(1)`:
            // a strict `>` would walk every occurrence of the previous word first).
            completions = try String.fetchAll(db.cachedStatement(sql: """
                WITH RECURSIVE word(term, n) AS (
                    SELECT (SELECT term FROM message_fts_vocab WHERE term >= :prefix LIMIT 1), 1
                    UNION ALL
                    SELECT (SELECT term FROM message_fts_vocab WHERE term >= word.term || char(1) LIMIT 1), n + 1
                    FROM word WHERE n <= :max AND word.term < :prefix || char(1114111))
                SELECT term FROM word WHERE term < :prefix || char(1114111)
                """), arguments: ["prefix": prefix, "max": maxCompletions])
            if completions.isEmpty { return .nothing }
            if completions.count <= maxCompletions,
               let completed = FullTextQuery.match(for: text, completions: completions) {
                match = completed
                expanded = true
            }
        }
        switch strategy {
        case .selective?: return .selective(match: match)
        case .dense?: return .dense(match: match)
        case .marked?: return .marked(try matchingMessages(db, match))
        case nil: break
        }
        // Where the costs cross (see the type's comment): collecting vs the in-memory walk near
        // M = √(370 × C), ~9,000 at 220k conversations; the in-memory walk vs asking the index near
        // M = √(66,000 × C), ~120,000.
        let conversations = Double(try Int.fetchOne(db, sql: "SELECT max(id) FROM conversation") ?? 0)
        let few = max(1_000, Int((370 * conversations).squareRoot()))
        let many = max(few, Int((66_000 * conversations).squareRoot()))
        let matches = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM (SELECT 1 FROM message_fts WHERE message_fts MATCH ? LIMIT ?)
            """), arguments: [match, many]) ?? 0
        if matches < few { return .selective(match: match) }
        // Asking the index about one message is cheap only for a few plain words.
        if matches >= many, expanded, completions.count <= 4 { return .dense(match: match) }
        return .marked(try matchingMessages(db, match))
    }

    /// The ids of every message the expression matches.
    static func matchingMessages(_ db: Database, _ match: String) throws -> Set<Int64> {
        var ids = Set<Int64>()
        let rows = try Int64.fetchCursor(db.cachedStatement(sql: "SELECT rowid FROM message_fts WHERE message_fts MATCH ?"),
                                         arguments: [match])
        while let id = try rows.next() { ids.insert(id) }
        return ids
    }
}
