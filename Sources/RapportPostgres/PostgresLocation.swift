import Foundation
import RapportCore

/// Where a PostgreSQL store is, read from `postgres://user@host:port/database?sslmode=…&passfile=…`
/// (`postgresql://` too). The password never comes from the address, so it never sits in argv,
/// shell history or a process list: it comes from `PGPASSWORD`, or from a password file
/// (`passfile=` in the address, `PGPASSFILE`, or `~/.pgpass`, in libpq's format), as with psql.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public enum SSLMode: String, Sendable, CaseIterable {
        /// No TLS.
        case disable
        /// TLS when the server offers it (libpq's default), without checking its certificate.
        case prefer
        /// TLS or no connection, without checking the certificate (as libpq's `require`).
        case require
    }

    public var user: String
    public var host: String
    /// A folder holding the server's unix socket, when `host` starts with `/` (as libpq reads it).
    public var socketFolder: String? { host.hasPrefix("/") ? host : nil }
    public var port: Int
    public var database: String
    public var sslMode: SSLMode
    public var passfile: String?

    /// True when `text` names a PostgreSQL store rather than a SQLite file.
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(_ text: String) throws {
        guard Self.isPostgres(text), var parts = URLComponents(string: text) else {
            throw RapportError.invalid("not a PostgreSQL address: expected postgres://user@host:port/database")
        }
        if parts.password != nil {
            throw RapportError.invalid("""
                a PostgreSQL address must not contain a password (it would show in the process list and shell \
                history); give it in PGPASSWORD or in ~/.pgpass (or a file named by passfile=…)
                """)
        }
        let env = ProcessInfo.processInfo.environment
        user = parts.user.flatMap { $0.removingPercentEncoding } ?? env["PGUSER"] ?? env["USER"] ?? "postgres"
        var database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = database.removingPercentEncoding ?? database
        self.database = database.isEmpty ? user : database
        port = parts.port ?? 5432
        var sslMode = SSLMode.prefer
        var passfile: String?
        var host = parts.host.flatMap { $0.removingPercentEncoding } ?? ""
        for item in parts.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value, let mode = SSLMode(rawValue: value) else {
                    throw RapportError.invalid("sslmode must be one of disable, prefer, require (got '\(item.value ?? "")')")
                }
                sslMode = mode
            case "passfile":
                passfile = item.value
            case "host":
                host = item.value ?? host
            case "password":
                throw RapportError.invalid("a PostgreSQL address must not contain a password; give it in PGPASSWORD or in ~/.pgpass")
            default:
                throw RapportError.invalid("unknown PostgreSQL address option '\(item.name)' (known: sslmode, passfile, host)")
            }
        }
        parts.queryItems = nil
        self.host = host.isEmpty ? "localhost" : host
        self.sslMode = sslMode
        self.passfile = passfile
    }

    /// The address without anything secret (there never is a password in it), for messages.
    public var description: String {
        "postgres://\(user)@\(socketFolder == nil ? host : "[\(host)]"):\(port)/\(database)"
    }

    /// The password to send, when one is set: `PGPASSWORD`, else the first matching line of the password file.
    func password(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let file = passfile ?? environment["PGPASSFILE"]
            ?? (environment["HOME"].map { $0 + "/.pgpass" })
        guard let file, let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        return Self.passwordFileEntry(text, host: socketFolder == nil ? host : "localhost", port: port,
                                      database: database, user: user)
    }

    /// libpq's `hostname:port:database:username:password`, `*` matching anything, `\` escaping `:` and `\`.
    static func passwordFileEntry(_ text: String, host: String, port: Int, database: String, user: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = [], current = "", escaped = false
            for character in line {
                if escaped { current.append(character); escaped = false }
                else if character == "\\" { escaped = true }
                else if character == ":" && fields.count < 4 { fields.append(current); current = "" }
                else { current.append(character) }
            }
            fields.append(current)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}
