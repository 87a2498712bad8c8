import GRDB

/// Migration v16-customer-full-name-index: customers by their full name, case aside, from an index.
/// Opening a conversation asks for the customer's likely duplicates (same name, another record)
/// before its first frame; without the index that was a scan of every customer (~9 ms at 20,000).
/// Shipped: never edit it; change the schema with a new numbered migration (then `scripts/schema-doc`).
enum V16CustomerFullNameIndex: StoreMigration {
    static let identifier = "v16-customer-full-name-index"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX customer_full_name ON customer(lower(trim(first_name || ' ' || last_name)));
            """)
    }
}
