import GRDB

/// Migration v9-addresses-and-guessed-names: a message keeps its Cc and Reply-To apart from To
/// (`cc_addresses`, `reply_to_addresses`, JSON arrays like `to_addresses`), so a reply can copy the
/// people the customer copied and go where the customer asked; a customer's name can be marked as a
/// guess (`name_guessed`: made from an address, not given by anyone). Messages stored before keep
/// To and Cc together in `to_addresses`, as they were read.
/// Shipped: never edit it; change the schema with a new numbered migration (then `scripts/schema-doc`).
enum V9AddressesAndGuessedNames: StoreMigration {
    static let identifier = "v9-addresses-and-guessed-names"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE message ADD COLUMN cc_addresses TEXT NOT NULL DEFAULT '[]';
            ALTER TABLE message ADD COLUMN reply_to_addresses TEXT NOT NULL DEFAULT '[]';
            ALTER TABLE customer ADD COLUMN name_guessed INTEGER NOT NULL DEFAULT 0;
            """)
    }
}
