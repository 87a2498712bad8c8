import Foundation
import RapportCore
import Testing

@Suite struct AttachmentRuleTests {
    func file(_ size: Int) -> DraftAttachment { DraftAttachment(path: "/f", name: "f", size: size) }

    @Test func theFilesOfAReplyTogetherStayWithinTheLimit() {
        #expect(AttachmentRule.problem(adding: 20_000_000, name: "big.zip", to: [], limitMB: 20) == nil)
        let over = AttachmentRule.problem(adding: 1, name: "one.txt", to: [file(20_000_000)], limitMB: 20)
        #expect(over == "one.txt (1 bytes) would make the attachments 20.0 MB, over the limit of 20 MB (mail.attachment_limit_mb)")
        #expect(AttachmentRule.problem(adding: 3_000_000, name: "b", to: [file(1_000_000)], limitMB: 5) == nil)
        #expect(AttachmentRule.problem(adding: 0, name: "empty.txt", to: [], limitMB: 5) == "empty.txt is empty")
    }

    @Test func aFileGoesOutAsTheTypeItsExtensionSays() {
        #expect(AttachmentRule.contentType(forName: "Quote.PDF") == "application/pdf")
        #expect(AttachmentRule.contentType(forName: "photo.jpeg") == "image/jpeg")
        #expect(AttachmentRule.contentType(forName: "archive.tar.xz") == "application/octet-stream")
        #expect(AttachmentRule.contentType(forName: "README") == "application/octet-stream")
    }

    @Test func tabCompletesAsFarAsTheMatchesAgreeAndListsThem() {
        let entries = ["Documents/", "Downloads/", "quote-2026.pdf", "quote-2025.pdf", ".hidden"]
        #expect(PathCompletion.complete("~/Doc", entries: entries) == ("~/Documents/", ["Documents/"]))
        #expect(PathCompletion.complete("~/Do", entries: entries) == ("~/Do", ["Documents/", "Downloads/"]))
        #expect(PathCompletion.complete("q", entries: entries) == ("quote-202", ["quote-2025.pdf", "quote-2026.pdf"]))
        #expect(PathCompletion.complete("~/", entries: entries).candidates.contains(".hidden") == false)
        #expect(PathCompletion.complete("~/.h", entries: entries) == ("~/.hidden", [".hidden"]))
        #expect(PathCompletion.complete("~/zz", entries: entries) == ("~/zz", []))
    }
}
