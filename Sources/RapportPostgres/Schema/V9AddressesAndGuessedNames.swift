/// Migration v9-addresses-and-guessed-names (as SQLite's): a message keeps its Cc and Reply-To apart
/// from To (JSON text like `to_addresses`); a customer's name can be marked as a guess.
/// Shipped: never edit it; change the schema with a new numbered migration.
enum PGV9AddressesAndGuessedNames: PostgresMigration {
    static let identifier = "v9-addresses-and-guessed-names"

    static let statements = [
        "ALTER TABLE message ADD COLUMN cc_addresses text NOT NULL DEFAULT '[]'",
        "ALTER TABLE message ADD COLUMN reply_to_addresses text NOT NULL DEFAULT '[]'",
        "ALTER TABLE customer ADD COLUMN name_guessed boolean NOT NULL DEFAULT false",
    ]
}
