import RapportCore

/// `S` / `O` in a thread: save or open an attachment, by its thread-wide number when there are several.
extension AppState {
    mutating func chooseAttachment(open: Bool) -> [Effect] {
        guard let t = thread else { return [] }
        let all = t.attachments
        switch all.count {
        case 0:
            message = StatusMessage("No attachments in this conversation")
            return []
        case 1:
            return attachmentAction(number: 1, open: open)
        default:
            overlay = .prompt(Prompt(.attachment(open: open, count: all.count)))
            return []
        }
    }

    mutating func attachmentAction(number: Int, open: Bool) -> [Effect] {
        guard let all = thread?.attachments, all.indices.contains(number - 1) else { return [] }
        let ref = all[number - 1]
        guard ref.sourcePath != nil else {
            message = StatusMessage("Attachment \(number) was not filed from a mail file; it cannot be read", isError: true)
            return []
        }
        message = StatusMessage(open ? "Opening attachment \(number)…" : "Saving attachment \(number)…")
        return [open ? .openAttachment(ref) : .saveAttachment(ref)]
    }
}
