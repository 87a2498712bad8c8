import Foundation
import RapportCore
import Testing

@Suite struct ImportReadingTests {
    @Test func csvHandlesQuotesCommasNewlinesAndCRLF() throws {
        let text = "\u{FEFF}email,kind,effective_date,details\r\n"
            + "a@x.org,fee,2027-01-10,\"Paper statements, 2 a month\"\r\n"
            + "b@x.org,fee,2027-01-10,\"Line one\nline \"\"two\"\"\"\r\n"
        let table = try CSVTable(text: text)
        #expect(table.header == ["email", "kind", "effective_date", "details"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0]["details"] == "Paper statements, 2 a month")
        #expect(table.rows[1]["details"] == "Line one\nline \"two\"")
        #expect(table.rows.map(\.line) == [2, 3])
    }

    @Test func malformedCSVNamesTheLine() {
        #expect(throws: CSVError(line: 3, message: "expected 2 fields, found 3")) {
            try CSVTable(text: "a,b\n1,2\n1,2,3\n")
        }
        #expect(throws: CSVError(line: 2, message: "a quoted field is never closed")) {
            try CSVTable(text: "a,b\n\"1,2\n")
        }
        #expect(throws: CSVError.self) { try CSVTable(text: "") }
        #expect(throws: CSVError(line: 1, message: "missing column(s): kind; the header is email")) {
            try CSVTable(text: "email\nx@y.z\n").require(["email", "kind"])
        }
    }

    @Test func headsUpRowsAreCheckedWithLineNumbers() throws {
        let table = try CSVTable(text: """
            email,kind,effective_date,details
            dana@x.org,rate-increase,2027-03-01,6% more
            ghost@x.org,rate-increase,2027-03-01,
            dana@x.org,lottery,2027-02-30,
            dana@x.org,rate-increase,2027-03-01,duplicate of line 2
            """)
        let (rows, problems) = HeadsUpImport.read(table, leadDays: 7, knownKinds: ["rate-increase", "fee"]) { $0 == "dana@x.org" }
        #expect(rows.count == 1)
        #expect(rows[0].due == ISODate.parse("2027-02-22"))
        #expect(problems.map(\.line) == [3, 4, 5])
        #expect(problems[2].message == "the same customer, kind and date as line 2")
        #expect(problems[0].message.contains("no customer has the address ghost@x.org"))
        #expect(problems[1].message.contains("unknown kind 'lottery'") && problems[1].message.contains("'2027-02-30' is not a date"))
    }

    @Test func customerRowsAreChecked() throws {
        let table = try CSVTable(text: """
            first_name,last_name,email,owner,existing,email2
            Dana,Whitfield,dana@x.org,sam,yes,dana@bakery.example
            ,Lee,marcus@x.org,,no,
            Eve,,eve@x.org,ghost,maybe,dana@x.org
            """)
        let (rows, problems) = CustomerImport.read(table) { $0 == "sam" }
        #expect(rows.count == 1 && rows[0].emails == ["dana@x.org", "dana@bakery.example"] && rows[0].isExisting)
        #expect(problems.map(\.line) == [3, 4])
        #expect(problems[1].message.contains("unknown agent 'ghost'"))
        #expect(problems[1].message.contains("existing must be yes or no"))
        #expect(problems[1].message.contains("dana@x.org is also on line 2"))
    }

    @Test func medianOfEvenAndOddLists() {
        #expect(Median.of([]) == nil)
        #expect(Median.of([3, 1, 2]) == 2)
        #expect(Median.of([4, 1, 3, 2]) == 2.5)
    }
}
