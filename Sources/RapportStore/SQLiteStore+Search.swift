import Foundation
import GRDB

/// How a full-text filter narrows a conversation list, chosen per query from what the index holds.
///
/// Both plans give the same rows; they differ in cost. Collecting the conversations of every
/// matching message costs about a microsecond per match, which is fine for a rare word and far
/// too slow for one in most messages ("thanks"). Walking conversations newest first and testing
/// each against the index costs tens of microseconds per conversation tested, which is fine when
/// matches are dense (the first page fills quickly) and slow when they are rare.
enum TextFilter {
    /// No matching message can exist (the last word completes to nothing).
    case nothing
    /// Few matching messages: collect their conversations, then order those.
    case selective(match: String)
    /// Many matching messages: walk conversations in list order and test each.
    case dense(match: String)

    /// Completions of the last word used instead of an FTS5 prefix query; beyond this many, the
    /// prefix query stays (and the plan is `selective`, since testing one message would be slow).
    static let maxCompletions = 64

    /// A plan to use whatever the index holds (tests compare the two).
    enum Strategy { case selective, dense }

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
        case nil: break
        }
        // Testing one message against many alternatives costs as much as a search: keep it for few.
        guard expanded, completions.count <= 4 else { return .selective(match: match) }
        // Collecting M matches costs ~M µs; walking costs ~3 ms × conversations / matching ones.
        // They cross near M = √(2,200 × conversations): ~7,000 at 100k messages, ~22,000 at 1M.
        let conversations = try Int.fetchOne(db, sql: "SELECT max(id) FROM conversation") ?? 0
        let threshold = max(1_000, Int((2_200 * Double(conversations)).squareRoot()))
        let matches = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM (SELECT 1 FROM message_fts WHERE message_fts MATCH ? LIMIT ?)
            """), arguments: [match, threshold]) ?? 0
        return matches < threshold ? .selective(match: match) : .dense(match: match)
    }
}
