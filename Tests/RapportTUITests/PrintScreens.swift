import Foundation
import Testing
import RapportCore
@testable import RapportTUI

@Test func printScreens() {
    let rows = [
        row(1, name: "Ada Lovelace", owner: maria, minutesAgo: 1, subject: "Invoice \u{1B}[31mred\u{1B}[0m question", unread: true),
        row(2, name: "Charles Babbage", owner: bob, status: .pending, minutesAgo: 200, subject: "Re: difference engine"),
        row(3, name: "東京 太郎", owner: nil, minutesAgo: 3000, subject: "会議の件について 👍🏽 thanks"),
        row(4, name: "Alan Turing", owner: maria, status: .closed, minutesAgo: 90000, subject: "A very long subject line that will certainly not fit into the row at all"),
    ]
    var s = loadedState(rows, width: 100, height: 12)
    _ = update(&s, .key(.char(" ")))
    for l in screen(s) { print("|" + l + "|") }
    s = loadedState(rows, width: 40, height: 10)
    for l in screen(s) { print("|" + l + "|") }
    s = loadedState(rows, width: 39, height: 10)
    for l in screen(s) { print("|" + l + "|") }
    s = loadedState(rows, width: 80, height: 24)
    _ = update(&s, .key(.char("a")))
    _ = update(&s, .key(.char("m")))
    for l in screen(s) { print("|" + l + "|") }
    _ = update(&s, .key(.escape))
    _ = update(&s, .key(.char("?")))
    for l in screen(s) { print("|" + l + "|") }
}
