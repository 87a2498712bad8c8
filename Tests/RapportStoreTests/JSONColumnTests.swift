import Foundation
import RapportCore
import Testing
@testable import RapportStore

@Suite struct JSONColumnTests {
    @Test func stringListsReadBackAsWritten() {
        let lists: [[String]] = [[], [""], ["dana@example.org"], ["<a@b>", "<c@d>"],
                                 ["quote \" backslash \\ slash /", "line\nbreak\r\ttab", "bell \u{7} nul \u{0}",
                                  "Zoë 日本 👍🏽", "[\"not\",\"json\"]"]]
        for list in lists {
            let text = JSONColumn.encode(list)
            let read: [String]? = JSONColumn.decode(text)
            #expect(read == list, "\(text)")
            // Whatever the hand reader takes, Foundation reads the same way.
            #expect(read == (try? JSONDecoder().decode([String].self, from: Data(text.utf8))))
        }
    }

    @Test func plainStringsAreWrittenWholeAndOthersEscaped() {
        #expect(JSONColumn.encode(["dana@example.org", "Zoë <z@x>", "q\"b\\n\u{1}"])
                == "[\"dana@example.org\",\"Zoë <z@x>\",\"q\\\"b\\\\n\\u0001\"]")
    }

    @Test func otherJSONStillReads() {
        let spaced: [String]? = JSONColumn.decode("[ \"a\" , \"b\" ]")
        #expect(spaced == ["a", "b"])
        let unicodeEscape: [String]? = JSONColumn.decode("[\"\\u00e9\"]")
        #expect(unicodeEscape == ["é"])
        let broken: [String]? = JSONColumn.decode("[\"a\"")
        #expect(broken == nil)
        let trailing: [String]? = JSONColumn.decode("[\"a\"]x")
        #expect(trailing == nil)
    }

    @Test func attachmentsReadBackAsWritten() {
        let attachments = [AttachmentInfo(filename: "Rechnung \"März\".pdf", contentType: "application/pdf", size: 1234),
                           AttachmentInfo(filename: nil, contentType: "image/png", size: 0)]
        let read: [AttachmentInfo]? = JSONColumn.decode(JSONColumn.encode(attachments))
        #expect(read == attachments)
        let none: [AttachmentInfo]? = JSONColumn.decode("[]")
        #expect(none == [])
    }
}
