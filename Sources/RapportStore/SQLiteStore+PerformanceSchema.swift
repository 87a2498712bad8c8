import Foundation
import GRDB

extension SQLiteStore {
    /// Indexes found missing by the benchmark (scripts/bench), registered after every other migration.
    static func registerPerformanceMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-performance") { db in
            try db.execute(sql: """
                -- Every outbound message marks a thank-you conversation as sent: without this index that
                -- UPDATE scanned the whole customer table once per ingested agent reply.
                CREATE INDEX customer_referral_thanks ON customer(referral_thanks_conversation)
                    WHERE referral_thanks_conversation IS NOT NULL;
                """)
        }
    }
}
