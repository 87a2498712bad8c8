/// Migration v22-customer-prefix-indexes (PostgreSQL only): a search also finds the customers whose
/// name or address starts with the text (`matchingCustomerIDs`, `LIKE 'text%'` on lower-cased
/// columns). Under a database collation other than C (C.UTF-8, en_US.UTF-8) a plain b-tree cannot
/// answer a prefix LIKE, so every search read every customer and address: ~18 ms of a search's ~45 at
/// 12,000 customers. These `text_pattern_ops` indexes over the same expressions answer it whatever
/// the collation. SQLite's prefix search has its own indexes (NOCASE columns).
/// Shipped: never edit it; change the schema with a new numbered migration.
enum PGV22CustomerPrefixIndexes: PostgresMigration {
    static let identifier = "v22-customer-prefix-indexes"

    static let statements = [
        "CREATE INDEX customer_first_name_prefix ON customer (lower(first_name) text_pattern_ops)",
        "CREATE INDEX customer_last_name_prefix ON customer (lower(last_name) text_pattern_ops)",
        "CREATE INDEX customer_name_prefix ON customer (lower(first_name || ' ' || last_name) text_pattern_ops)",
        "CREATE INDEX customer_address_prefix ON customer_address (lower(address) text_pattern_ops)",
    ]
}
