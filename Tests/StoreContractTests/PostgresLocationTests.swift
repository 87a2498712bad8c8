import Foundation
@testable import RapportPostgres
import RapportCore
import Testing

/// Reading a `postgres://` address and finding its password, without a server.
@Suite struct PostgresLocationTests {
    @Test func anAddressIsReadWithItsOptions() throws {
        let location = try PostgresLocation("postgres://sam@db.example.org:6543/team?sslmode=require&passfile=/x/pass")
        #expect(location.user == "sam" && location.host == "db.example.org" && location.port == 6543)
        #expect(location.database == "team" && location.sslMode == .require && location.passfile == "/x/pass")
        #expect(location.description == "postgres://sam@db.example.org:6543/team")
        #expect(try PostgresLocation("postgresql://sam@db/team").port == 5432)
        #expect(try PostgresLocation("postgres://sam@db/team").sslMode == .prefer)
    }

    @Test func aPasswordInTheAddressIsRefusedAndNotRepeated() {
        for address in ["postgres://sam:s3cret@db/team", "postgres://sam@db/team?password=s3cret"] {
            do {
                _ = try PostgresLocation(address)
                Issue.record("accepted \(address)")
            } catch {
                #expect("\(error)".contains("PGPASSWORD") && !"\(error)".contains("s3cret"))
            }
        }
        #expect(throws: RapportError.self) { try PostgresLocation("postgres://sam@db/team?sslmode=verify-ca") }
        #expect(throws: RapportError.self) { try PostgresLocation("postgres://sam@db/team?application_name=x") }
    }

    @Test func thePasswordComesFromPGPASSWORDElseThePasswordFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try """
            # comment
            other:5432:team:sam:wrong
            db:5432:*:sam:a\\:b\\\\c
            *:*:*:*:fallback
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let location = try PostgresLocation("postgres://sam@db/team?passfile=\(file)")
        #expect(location.password(environment: [:]) == "a:b\\c")
        #expect(location.password(environment: ["PGPASSWORD": "env"]) == "env")
        #expect(try PostgresLocation("postgres://lee@elsewhere/x?passfile=\(file)").password(environment: [:]) == "fallback")
        #expect(try PostgresLocation("postgres://lee@elsewhere/x").password(environment: ["HOME": "/nonexistent"]) == nil)
    }
}
