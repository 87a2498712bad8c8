import Testing
import RapportCore

/// The one rule for a quoted line, shared by drafts and search (the search adapters are compared with
/// it in their own tests).
@Suite struct QuotedLineTests {
    @Test func aLineIsQuotedWhenItsFirstCharacterAfterSpacesAndTabsIsAGreaterThanSign() {
        for line in [">", "> Your parcel", ">> nested", "   > indented", "\t> tabbed", " \t >mixed", ">\u{0301} with a mark"] {
            #expect(QuotedLine.isQuoted(line), "\(line)")
        }
        for line in ["", "   ", "Yes > no", "5 > 3 apples", "\u{00A0}> after a no-break space", "›> a lookalike first", "—>"] {
            #expect(!QuotedLine.isQuoted(line), "\(line)")
        }
    }
}
