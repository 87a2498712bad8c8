import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func saveDraft(_ draft: Draft) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO draft (conversation_id, agent, kind, text, cursor, updated, due, attachments) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (conversation_id, agent) DO UPDATE SET
                    kind = excluded.kind, text = excluded.text, cursor = excluded.cursor,
                    updated = excluded.updated, due = COALESCE(excluded.due, draft.due), attachments = excluded.attachments
                """, arguments: [draft.conversationID, draft.agent, draft.kind.rawValue, draft.text, draft.cursor,
                                 draft.updated.timeIntervalSince1970, draft.due?.timeIntervalSince1970,
                                 DraftAttachments.encode(draft.attachments)])
        }
    }

    public func draft(conversation: ConversationID, agent: String) throws -> Draft? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM draft WHERE conversation_id = ? AND agent = ?",
                             arguments: [conversation, agent]).map(Draft.init(row:))
        }
    }

    public func deleteDraft(conversation: ConversationID, agent: String) throws {
        try pool.write { db in try Self.deleteDraft(db, conversation: conversation, agent: agent) }
    }

    /// The agent's draft of a conversation gone, in the caller's transaction (a note or reply made from it).
    static func deleteDraft(_ db: Database, conversation: ConversationID, agent: String) throws {
        try db.execute(sql: "DELETE FROM draft WHERE conversation_id = ? AND agent = ?", arguments: [conversation, agent])
    }
}

extension Draft {
    init(row: Row) {
        self.init(conversationID: row["conversation_id"], agent: row["agent"],
                  kind: DraftKind(rawValue: row["kind"]) ?? .reply, text: row["text"], cursor: row["cursor"],
                  updated: Date(timeIntervalSince1970: row["updated"]),
                  due: (row["due"] as Double?).map(Date.init(timeIntervalSince1970:)),
                  attachments: DraftAttachments.decode(row["attachments"]))
    }
}
