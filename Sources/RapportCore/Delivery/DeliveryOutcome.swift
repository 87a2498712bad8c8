import Foundation

/// What a delivery attempt tells about the message, and so what happens to the outbox item.
///
/// Only an outcome known to mean "not taken" is retried by the next run. One where the mail system
/// may have taken the message — sendmail killed by a signal, or exiting 0 without reading all of it —
/// waits for a person: retrying it silently sent 9 duplicates in 10 kill tests.
/// `Delivery.run` writes each as a state: sent, failed (retried next run), needs_decision.
public enum DeliveryOutcome: Sendable, Hashable {
    case sent
    /// Not taken (the command could not run, or exited with a failure status): retried.
    case notTaken(String)
    /// May have been taken: never retried without a person's decision.
    case unknown(String)
}
