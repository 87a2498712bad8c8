import Foundation
import GRDB
import RapportCore
import Testing
@testable import RapportStore

/// The list and search queries are planned by hand for speed at a million messages (see
/// SQLiteStore+Search.swift); these tests check that the plans return the same rows and that
/// SQLite really walks the index instead of sorting.
@Suite struct SearchPlanTests {
    /// Twelve conversations over two owners and three statuses, with words that repeat across them.
    func seeded() throws -> TemporaryStore {
        let t = try TemporaryStore()
        let texts = [
            "Invoice for the Zürich office", "Thanks for the quick refund", "Müller asked about the invoice",
            "Delivery was late again", "The straße address is wrong", "Warranty for the broken screen",
            "Thanks, the warranty repair worked", "Café order for Friday", "Refund still missing",
            "Invoice paid, thanks", "Later delivery is fine", "Warrant officer Müller called",
        ]
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        for (i, text) in texts.enumerated() {
            let customer = try t.customer("C\(i)", email: "c\(i)@example.org", owner: i % 3 == 0 ? nil : (i % 2 == 0 ? "sam" : "priya"))
            let c = try t.store.startConversation(customer: customer.id, subject: "Question \(i)", at: start)
            try t.store.appendMessage(NewMessage(conversationID: c.id, direction: .inbound, from: "c\(i)@example.org",
                                                 subject: "Question \(i)", text: text,
                                                 date: start.addingTimeInterval(Double(i % 5) * 60)))
            if i % 4 == 0 { try t.store.setStatus(.closed, conversation: c.id) }
        }
        return t
    }

    func page(_ t: TemporaryStore, _ query: ConversationQuery, cursor: PageCursor? = nil,
              strategy: TextFilter.Strategy?) throws -> [ConversationID] {
        try t.store.pool.read { db in
            guard let list = try SQLiteStore.listQuery(db, query, from: cursor, direction: .after, limit: 4,
                                                      agent: "sam", strategy: strategy) else { return [] }
            return try list.fetchAll(db).map { $0["id"] as ConversationID }
        }
    }

    @Test func bothFullTextPlansReturnTheSameRows() throws {
        let t = try seeded()
        let owners: [OwnerFilter] = [.anyone, .agent("sam"), .unassigned]
        let statuses: [Set<ConversationStatus>?] = [nil, [.open, .pending]]
        for text in ["invoice", "thanks", "warr", "zür", "mül", "straß", "café", "late", "refund thanks", "nothingatall"] {
            for owner in owners {
                for status in statuses {
                    let query = ConversationQuery(owner: owner, statuses: status, text: text)
                    let selective = try page(t, query, strategy: .selective)
                    let dense = try page(t, query, strategy: .dense)
                    let marked = try page(t, query, strategy: .marked)
                    #expect(selective == dense, "\(text) \(owner) \(String(describing: status))")
                    #expect(selective == marked, "\(text) \(owner) \(String(describing: status))")
                    #expect(try page(t, query, strategy: nil) == selective)
                    // The second page too, from the first page's last row.
                    if let last = selective.last, let summary = try t.store.conversation(id: last) {
                        let cursor = PageCursor(lastActivity: summary.lastActivity, id: last)
                        let second = try page(t, query, cursor: cursor, strategy: .selective)
                        #expect(try second == page(t, query, cursor: cursor, strategy: .dense))
                        #expect(try second == page(t, query, cursor: cursor, strategy: .marked))
                    }
                }
            }
        }
    }

    @Test func lastWordCompletesLikeThePrefixQuery() throws {
        let t = try seeded()
        func texts(_ text: String) throws -> Int {
            try t.store.conversations(ConversationQuery(text: text), from: nil, direction: .after, limit: 50, agent: "sam").count
        }
        #expect(try texts("zür") == 1)      // folded to "zur", completed to "zurich"
        #expect(try texts("ZÜRICH") == 1)
        #expect(try texts("mül") == 2)
        #expect(try texts("warr") == 3)     // warranty ×2, warrant
        #expect(try texts("straß") == 1)    // ß is not folded here: FTS5's own prefix query
        #expect(try texts("invoice thanks") == 1)
        #expect(try texts("zzz") == 0)
        // The index keeps no positions: words joined by punctuation are searched as separate words.
        #expect(try texts("straße-address") == 1)
        #expect(try texts("thanks,the") == 2)
        #expect(try texts("\"invoice\"* (paid") == 1)   // quotes, stars and brackets typed are not operators
    }

    @Test func queryWordsAreTheTokenizersWords() throws {
        let t = try TemporaryStore()
        let samples = ["o'brien@example.com", "Rechnung #4821 – Frage", "e-mail: café/crème", "Łódź, 2024-05-01",
                       "日本 東京", "İstanbul…Ελλάδα", "x\u{301}y z\u{200B}w", "tab\there", "ß_ü.ø"]
        let tokens = try t.store.pool.write { db -> [[String]] in
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.words USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.words_vocab USING fts5vocab(temp, words, instance)")
            return try samples.enumerated().map { i, sample in
                try db.execute(sql: "INSERT INTO temp.words(rowid, x) VALUES (?, ?)", arguments: [i + 1, sample])
                return try String.fetchAll(db, sql: "SELECT term FROM temp.words_vocab WHERE doc = ? ORDER BY offset",
                                           arguments: [i + 1])
            }
        }
        for (sample, indexed) in zip(samples, tokens) {
            #expect(FullTextQuery.words(in: sample).count == indexed.count, "\(sample): \(indexed)")
        }
    }

    @Test func foldsOnlyWhatTheTokenizerCertainlyFolds() {
        #expect(FullTextQuery.completablePrefix(of: "the Zür") == "zur")
        #expect(FullTextQuery.completablePrefix(of: "ABC12") == "abc12")
        #expect(FullTextQuery.completablePrefix(of: "Ça") == "ca")
        #expect(FullTextQuery.completablePrefix(of: "straße") == nil)
        #expect(FullTextQuery.completablePrefix(of: "e-mail") == "mail")   // "e" and "mail" are two words
        #expect(FullTextQuery.completablePrefix(of: "Łódź") == nil)
        #expect(FullTextQuery.match(for: "late deliv", completions: ["deliver", "delivery"])
                == "\"late\" AND (\"deliver\" OR \"delivery\")")
    }

    @Test func swiftFoldingAgreesWithTheTokenizerForEveryLetterItFolds() throws {
        let t = try TemporaryStore()
        let letters = (0xC0...0x17F).compactMap(Unicode.Scalar.init).map { String($0) }
            .filter { FullTextQuery.completablePrefix(of: "q" + $0) != nil }
        #expect(letters.count > 100)
        let tokens = try t.store.pool.write { db -> [String] in
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.fold USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.fold_vocab USING fts5vocab(temp, fold, instance)")
            for letter in letters {
                try db.execute(sql: "INSERT INTO temp.fold(x) VALUES (?)", arguments: ["q" + letter])
            }
            return try String.fetchAll(db, sql: "SELECT term FROM temp.fold_vocab ORDER BY doc")
        }
        #expect(tokens == letters.map { FullTextQuery.completablePrefix(of: "q" + $0)! })
    }

    @Test func countsReadCustomersThenACoveringIndex() throws {
        let t = try seeded()
        let plan = try t.store.pool.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT count(*) FROM customer cu CROSS JOIN conversation c ON c.customer_id = cu.id
                WHERE cu.owner = 'sam' AND c.status IN ('open','pending') AND c.message_count > 0
                """).map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("COVERING INDEX conversation_customer_status"), "\(plan)")
        // sam: C2, C4, C8, C10 with C4 and C8 closed; no owner: C0, C3, C6, C9 with C0 closed.
        #expect(try t.store.counts(agent: "sam") == InboxCounts(mine: 2, unassigned: 3, pending: 0))
    }

    func plan(_ t: TemporaryStore, _ query: ConversationQuery, cursor: PageCursor? = nil) throws -> String {
        try t.store.pool.read { db -> String in
            let list = try #require(try SQLiteStore.listQuery(db, query, from: cursor, direction: .after,
                                                             limit: 50, agent: "sam"))
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + list.sql, arguments: list.arguments)
                .map { $0["detail"] as String }.joined(separator: "\n")
        }
    }

    @Test func listPagesWalkTheActivityIndexWithoutSorting() throws {
        let t = try seeded()
        // Priya looks after 30 more customers: too many to start from, so her list walks the index too.
        for i in 0..<30 {
            let customer = try t.customer("P\(i)", email: "p\(i)@example.org", owner: "priya")
            try t.store.startConversation(customer: customer.id, subject: "Hello \(i)", at: Date(timeIntervalSince1970: 1_700_000_000))
        }
        let queries = [
            ConversationQuery(),
            ConversationQuery(owner: .agent("priya"), statuses: [.open, .pending]),
            ConversationQuery(statuses: [.pending]),
        ]
        for query in queries {
            for cursor in [nil, PageCursor(lastActivity: Date(timeIntervalSince1970: 1_700_000_100), id: 5)] {
                let plan = try plan(t, query, cursor: cursor)
                #expect(plan.contains("conversation_activity"), "\(plan)")
                #expect(!plan.contains("TEMP B-TREE FOR ORDER BY"), "\(plan)")
            }
        }
    }

    @Test func aRareOwnerIsFoundFromTheirCustomers() throws {
        let t = try seeded()
        for query in [ConversationQuery(owner: .agent("sam"), statuses: [.open, .pending]),
                      ConversationQuery(owner: .unassigned, statuses: [.open, .pending])] {
            let plan = try plan(t, query)
            #expect(plan.contains("customer_owner"), "\(plan)")
            #expect(!plan.contains("conversation_activity"), "\(plan)")
        }
        // Same rows as walking the whole list would give: newest first, only open ones of sam.
        let rows = try t.store.conversations(ConversationQuery(owner: .agent("sam"), statuses: [.open, .pending]),
                                             from: nil, direction: .after, limit: 50, agent: "sam")
        #expect(rows.map(\.customerName) == ["C2 Whitfield", "C10 Whitfield"])
    }

    /// A search also finds customers by the start of a name or address: each arm of that query seeks
    /// an index (v26 for names) instead of reading every customer.
    @Test func customersAreFoundThroughTheirIndexesNotAScan() throws {
        let t = try seeded()
        let plan = try t.store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + SQLiteStore.customersByPrefixSQL,
                             arguments: ["low": "c1", "prefix": "c1%", "limit": 200])
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("INDEX customer_name_prefix") }, "\(plan)")
        #expect(plan.contains { $0.contains("INDEX customer_last_name_prefix") }, "\(plan)")
        #expect(plan.contains { $0.contains("INDEX sqlite_autoindex_customer_address_1") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN") && !$0.hasPrefix("SCAN (subquery") }, "\(plan)")
    }
}
