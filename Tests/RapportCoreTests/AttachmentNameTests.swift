import Foundation
import RapportCore
import Testing

@Suite("AttachmentName: the sender's file name made safe to save")
struct AttachmentNameTests {
    @Test("no path separators, control characters, leading dots or dashes; an empty name gets a number")
    func safeNames() {
        #expect(AttachmentName.safe("invoice.pdf", number: 1) == "invoice.pdf")
        #expect(AttachmentName.safe("../../.ssh/authorized_keys", number: 1) == "ssh_authorized_keys")
        #expect(AttachmentName.safe("/etc/passwd", number: 1) == "etc_passwd")
        #expect(AttachmentName.safe("..\\..\\boot.ini", number: 1) == "boot.ini")
        #expect(AttachmentName.safe(".bashrc", number: 2) == "bashrc")
        #expect(AttachmentName.safe("-rf", number: 2) == "rf")
        #expect(AttachmentName.safe("--", number: 3) == "attachment-3")
        #expect(AttachmentName.safe(nil, number: 4) == "attachment-4")
        #expect(AttachmentName.safe("a\u{1B}[2Jb\u{202E}fdp.exe", number: 1) == "a_[2Jb_fdp.exe")
        #expect(AttachmentName.safe("ciële.txt", number: 1) == "ciële.txt")
        let long = String(repeating: "é", count: 300) + ".pdf"
        let cut = AttachmentName.safe(long, number: 1)
        #expect(cut.utf8.count <= AttachmentName.maxBytes && cut.hasSuffix(".pdf"))
    }

    @Test("numbered candidates keep the extension")
    func candidates() {
        #expect(AttachmentName.candidate("a.pdf", attempt: 1) == "a.pdf")
        #expect(AttachmentName.candidate("a.pdf", attempt: 2) == "a (2).pdf")
        #expect(AttachmentName.candidate("README", attempt: 3) == "README (3)")
    }
}
