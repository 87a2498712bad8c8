import Foundation

/// A draft's attachments as the stores keep them: one JSON text column.
public enum DraftAttachments {
    public static func encode(_ attachments: [DraftAttachment]) -> String {
        guard !attachments.isEmpty, let data = try? JSONEncoder().encode(attachments) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    /// An unreadable column reads as no attachments: the draft's text matters more than its files.
    public static func decode(_ text: String?) -> [DraftAttachment] {
        guard let text, text != "[]" else { return [] }
        return (try? JSONDecoder().decode([DraftAttachment].self, from: Data(text.utf8))) ?? []
    }
}
