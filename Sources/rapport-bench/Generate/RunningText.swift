/// Words wrapped at 72 columns, the first word of a sentence capitalised: the running text of both
/// shapes. The caller draws the words and decides where sentences and paragraphs end.
struct RunningText {
    private var column = 0
    private var capital = true

    /// Appends `word` to `text`, on a new line when it would pass column 72.
    mutating func append(_ word: [UInt8], to text: inout [UInt8]) {
        var word = word
        if capital, let first = word.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") { word[0] = first - 32 }
        if column + word.count > 72 {
            text.append(UInt8(ascii: "\n"))
            column = 0
        } else if column > 0 {
            text.append(UInt8(ascii: " "))
            column += 1
        }
        text += word
        column += word.count
        capital = false
    }

    /// Ends a sentence with `mark` ("." or "?"); the next word starts with a capital.
    mutating func endSentence(_ mark: UInt8, in text: inout [UInt8]) {
        text.append(mark)
        capital = true
    }

    /// A blank line: the next word starts a paragraph.
    mutating func paragraph(in text: inout [UInt8]) {
        text += [UInt8(ascii: "\n"), UInt8(ascii: "\n")]
        column = 0
    }
}
