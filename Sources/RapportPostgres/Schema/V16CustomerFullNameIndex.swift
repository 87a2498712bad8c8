/// Migration v16-customer-full-name-index (as SQLite's): customers by their full name, case aside,
/// from an index, for the likely duplicates a thread's sidebar asks before its first frame.
/// Shipped: never edit it; change the schema with a new numbered migration.
enum PGV16CustomerFullNameIndex: PostgresMigration {
    static let identifier = "v16-customer-full-name-index"

    static let statements = [
        "CREATE INDEX customer_full_name ON customer (lower(trim(first_name || ' ' || last_name)))",
    ]
}
