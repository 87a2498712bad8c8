import GRDB

/// Migration v26-customer-name-prefix-indexes: a search also finds the customers whose name or address
/// starts with the text (`matchingCustomerIDs`). Addresses had an index SQLite's LIKE could use
/// (NOCASE); names were compared as `lower(name) LIKE 'text%'`, which no index answers, so every search
/// read every customer (45% of a search's instructions at 20,000 customers), and SQLite's `lower` left
/// "Öberg" unfound by "öberg". These index the last name and full name lowered in every script
/// (`rapport_lower`, registered on each connection); the query asks for a range on them. A first name
/// that starts with the text starts the full name too.
/// Shipped: never edit it; change the schema with a new numbered migration (then `scripts/schema-doc`).
enum V26CustomerNamePrefixIndexes: StoreMigration {
    static let identifier = "v26-customer-name-prefix-indexes"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX customer_last_name_prefix ON customer(rapport_lower(last_name));
            CREATE INDEX customer_name_prefix ON customer(rapport_lower(first_name || ' ' || last_name));
            """)
    }
}
