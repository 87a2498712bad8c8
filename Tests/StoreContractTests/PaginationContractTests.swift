import Foundation
import RapportCore
import Testing

/// Keyset pages over (last activity, id): every row exactly once, in list order, both directions,
/// however many rows share a timestamp.
@Suite struct PaginationContractTests {
    /// `count` conversations, `perInstant` of them sharing each timestamp.
    func seed(_ s: ContractStore, count: Int, perInstant: Int) throws -> [ConversationID] {
        let customers = try (0..<5).map { try s.customer("C\($0)", owner: $0 % 2 == 0 ? "sam" : nil) }
        return try (0..<count).map { i in
            let at = ContractStore.t0.addingTimeInterval(Double(i / perInstant) * 60)
            return try s.conversation(with: customers[i % customers.count], subject: "Topic \(i)", at: at).id
        }
    }

    func walkDown(_ store: any StorePort, _ query: ConversationQuery, limit: Int) throws -> [[ConversationSummary]] {
        try walk(store, query, .after, from: nil, limit: limit)
    }

    func walkUp(_ store: any StorePort, _ query: ConversationQuery, from bottom: PageCursor, limit: Int)
        throws -> [[ConversationSummary]] {
        try walk(store, query, .before, from: bottom, limit: limit)
    }

    /// Every page from `start` on, in `direction` (`.after` walks down, `.before` up), in the order walked.
    func walk(_ store: any StorePort, _ query: ConversationQuery, _ direction: PageDirection, from start: PageCursor?,
              limit: Int) throws -> [[ConversationSummary]] {
        var pages: [[ConversationSummary]] = []
        var cursor = start
        while true {
            let page = try store.conversations(query, from: cursor, direction: direction, limit: limit, agent: "sam")
            if page.isEmpty { return pages }
            pages.append(page)
            cursor = (direction == .before ? page.first! : page.last!).cursor
            if pages.count > 1_000 { Issue.record("paging does not end"); return pages }
        }
    }

    func isInListOrder(_ rows: [ConversationSummary]) -> Bool {
        zip(rows, rows.dropFirst()).allSatisfy { a, b in
            a.lastActivity > b.lastActivity || (a.lastActivity == b.lastActivity && a.id != b.id)
        }
    }

    @Test(arguments: StoreFactories.all)
    func pagingDownThroughOneTimestampVisitsEveryRowOnce(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let ids = try seed(s, count: 47, perInstant: 47)
        let pages = try walkDown(s.store, ConversationQuery(), limit: 10)
        let rows = pages.flatMap { $0 }
        #expect(pages.map(\.count) == [10, 10, 10, 10, 7])
        #expect(rows.count == ids.count && Set(rows.map(\.id)) == Set(ids))
        // The same order as one page holding everything.
        let whole = try s.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 500, agent: "sam")
        #expect(rows.map(\.id) == whole.map(\.id))
    }

    @Test(arguments: StoreFactories.all)
    func pagingUpThroughOneTimestampVisitsEveryRowOnceInListOrder(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let ids = try seed(s, count: 47, perInstant: 47)
        let whole = try s.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 500, agent: "sam")
        let bottom = try #require(whole.last)
        let pages = try walkUp(s.store, ConversationQuery(), from: bottom.cursor, limit: 10)
        // Pages come newest first within themselves; walking up, they stack above each other.
        let rows = pages.reversed().flatMap { $0 } + [bottom]
        #expect(rows.map(\.id) == whole.map(\.id))
        #expect(Set(rows.map(\.id)) == Set(ids) && rows.count == ids.count)
    }

    @Test(arguments: StoreFactories.all)
    func pagesOverGroupsOfEqualTimestampsAgreeBothWays(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        _ = try seed(s, count: 60, perInstant: 7)
        let whole = try s.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 500, agent: "sam")
        #expect(whole.count == 60 && isInListOrder(whole))
        #expect(zip(whole, whole.dropFirst()).allSatisfy { $0.lastActivity >= $1.lastActivity })
        for limit in [1, 3, 7, 8] {
            let down = try walkDown(s.store, ConversationQuery(), limit: limit).flatMap { $0 }
            #expect(down.map(\.id) == whole.map(\.id), "limit \(limit)")
            let up = try walkUp(s.store, ConversationQuery(), from: whole.last!.cursor, limit: limit).reversed().flatMap { $0 }
            #expect(up.map(\.id) == whole.dropLast().map(\.id), "limit \(limit)")
        }
    }

    @Test(arguments: StoreFactories.all)
    func aPageFromTheMiddleStartsRightAfterItsCursor(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        _ = try seed(s, count: 30, perInstant: 10)
        let whole = try s.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 500, agent: "sam")
        for i in [0, 9, 10, 17, 28] {
            let after = try s.store.conversations(ConversationQuery(), from: whole[i].cursor, direction: .after, limit: 3, agent: "sam")
            #expect(after.map(\.id) == whole[(i + 1)...].prefix(3).map(\.id), "after row \(i)")
            let before = try s.store.conversations(ConversationQuery(), from: whole[i].cursor, direction: .before, limit: 3, agent: "sam")
            #expect(before.map(\.id) == whole[..<i].suffix(3).map(\.id), "before row \(i)")
        }
    }

    @Test(arguments: StoreFactories.all)
    func filteredPagesKeepEveryMatchingRowOnce(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        _ = try seed(s, count: 40, perInstant: 20)
        let mine = ConversationQuery(owner: .agent("sam"), statuses: [.open, .pending])
        let whole = try s.store.conversations(mine, from: nil, direction: .after, limit: 500, agent: "sam")
        #expect(whole.count == 24)   // customers 0, 2 and 4 of every five are sam's
        #expect(whole.allSatisfy { $0.ownerLogin == "sam" })
        let down = try walkDown(s.store, mine, limit: 5).flatMap { $0 }
        #expect(down.map(\.id) == whole.map(\.id))
        let unassigned = try walkDown(s.store, ConversationQuery(owner: .unassigned), limit: 4).flatMap { $0 }
        #expect(unassigned.count == 16 && unassigned.allSatisfy { $0.ownerLogin == nil })
    }

    @Test(arguments: StoreFactories.all)
    func conversationsWithoutMessagesShowOnlyWhenAskedFor(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let empty = try s.store.startConversation(customer: dana.id, subject: "Prepared", at: ContractStore.t0)
        let full = try s.conversation(with: dana)
        let listed = try s.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 10, agent: "sam")
        #expect(listed.map(\.id) == [full.id])
        let all = try s.store.conversations(ConversationQuery(includeEmpty: true), from: nil, direction: .after,
                                            limit: 10, agent: "sam")
        #expect(Set(all.map(\.id)) == [empty.id, full.id])
    }
}
