import Foundation
import GRDB
import RapportCore
import Testing
import TestSupport
@testable import RapportMail
@testable import RapportStore

/// The index's tokenizer (`rapport_unquoted`, Sources/SearchTokenizer) leaves quoted lines out
/// (`QuotedLine`'s rule) and hands the rest to unicode61 in runs of lines. Whatever it indexes must be exactly what unicode61 with the
/// same options indexes of the text without its quoted lines: compared term by term on the corpus
/// (parsed and raw) and on generated mixes of scripts, marks, punctuation and quoted lines.
@Suite("The search tokenizer indexes what unicode61 indexes")
struct SearchTokenizerTests {
    static let options = "unicode61 remove_diacritics 2"

    /// "term document" pairs of `texts` indexed with `tokenizer`, in a temporary table of a store's connection.
    static func pairs(_ store: SQLiteStore, tokenizer: String, texts: [String]) throws -> [String] {
        try store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.tokens USING fts5(text, tokenize = '\(tokenizer)', detail = none)")
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.tokens_vocab USING fts5vocab(temp, tokens, instance)")
            defer { try? db.execute(sql: "DROP TABLE temp.tokens_vocab; DROP TABLE temp.tokens") }
            for (i, text) in texts.enumerated() {
                try db.execute(sql: "INSERT INTO temp.tokens(rowid, text) VALUES (?, ?)", arguments: [i + 1, text])
            }
            try db.execute(sql: "INSERT INTO temp.tokens(tokens) VALUES ('integrity-check')")
            return try String.fetchAll(db, sql: "SELECT term || ' ' || doc FROM temp.tokens_vocab ORDER BY term, doc")
        }
    }

    /// The text without the lines Core's rule calls quoted (`QuotedLine`), split at `\n` bytes as the
    /// tokenizer splits it ("\r\n" is one Character, so not split by Characters).
    static func withoutQuotedLines(_ text: String) -> String {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
            .filter { !QuotedLine.isQuoted($0) }
            .joined(separator: "\n")
    }

    static func expectSameTerms(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("store.sqlite"), create: true)
        let ours = try pairs(store, tokenizer: "rapport_unquoted \(options)", texts: texts)
        let theirs = try pairs(store, tokenizer: options, texts: texts.map(withoutQuotedLines))
        #expect(!ours.isEmpty, sourceLocation: sourceLocation)
        let onlyOurs = Set(ours).subtracting(theirs).sorted(), onlyTheirs = Set(theirs).subtracting(ours).sorted()
        #expect(ours.count == theirs.count && onlyOurs.isEmpty && onlyTheirs.isEmpty,
                "\(ours.count) pairs against \(theirs.count); only ours: \(onlyOurs.prefix(5)); only unicode61's: \(onlyTheirs.prefix(5))",
                sourceLocation: sourceLocation)
    }

    @Test("every corpus message: its subject and text, and its raw bytes")
    func corpus() throws {
        var texts: [String] = []
        for file in CorpusTests.messageFiles() {
            let path = TestPaths.corpus.appendingPathComponent(file).path
            if let parsed = try? MessageParser.parse(file: path) {
                texts.append((parsed.subject ?? "") + "\n" + (parsed.text ?? ""))
            }
            texts.append(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
        }
        #expect(texts.count > 150)
        try Self.expectSameTerms(texts)
    }

    @Test("generated mixes: ASCII beside accents, combining marks, other scripts, symbols and quoted lines")
    func generated() throws {
        // No NUL: the text bound ends at it, so it would cut one side short (parsed text holds none).
        let pieces = ["a", "Z", "q", "7", "0", "_", "-", "'", ".", ",", " ", " ", "\t", "\n", "\n> ", "\n  >", ">", "\u{1}",
                      "é", "É", "ß", "ø", "Å", "\u{0301}", "\u{0308}", "\u{00A0}", "—", "“", "”", "€", "½", "²",
                      "ж", "Ж", "中文", "日本", "ا", "ν", "Σ", "ﬁ", "😀", "👍🏽", "Ａ", "ǅ", "İ", "\u{200B}", "\u{FEFF}",
                      "word", "WORD", "Word", "x1y2", "lengthy" + String(repeating: "n", count: 300)]
        var random = SplitMix64(seed: 15)
        var texts: [String] = []
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...60, using: &random)
            texts.append((0..<count).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
        try Self.expectSameTerms(texts)
    }
}
