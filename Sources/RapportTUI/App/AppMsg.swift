import Foundation
import RapportCore

/// Everything that can happen to the inbox: keys, the terminal, the clock, and the
/// results of effects, which the effect runner sends back.
public enum AppMsg: Sendable, Hashable {
    /// The inbox opened: load what the first screen needs.
    case start
    case key(Key)
    case resize(width: Int, height: Int)
    case tick(Date)
    /// The store changed under what is shown: another process committed, or snoozes due were woken.
    case storeChanged
    /// The store's server was lost (false) or is back (true): the status bar says so meanwhile, and
    /// what changed during the outage is read once it is back.
    case storeReachable(Bool)
    case pageLoaded(PageRequest, Page)
    case countsLoaded(InboxCounts)
    case agentsLoaded([Agent])
    /// Open conversations per owner login.
    case agentLoadsLoaded([String: Int])
    /// Every recorded absence (who is away, until when, who covers); `CoverRule` says which are in force.
    case absencesLoaded([Absence])
    case threadLoaded(ThreadData)
    /// The loop has nothing else to do: work that only helps the next key (reading ahead) may start.
    case idle
    /// A thread read ahead (`Effect.readAhead`).
    case threadReadAhead(ThreadData)
    case assigned(Assignment)
    case assignFailed(CustomerID, reason: String)
    case statusSet(ConversationID, ConversationStatus)
    /// An undo was done; the text says what.
    case undone(String)
    case customersFound(String, [Customer])
    /// A referral was recorded; the text says what happens next.
    case referralRecorded(String)
    /// Something done that needs no reload; the text says what (an attachment saved or opened).
    case notice(String)
    /// An effect failed; the reason is shown in the message row.
    case failed(String)
    /// Results for the composer.
    case composer(ComposerMsg)
    /// Results for the customer's page and the search count.
    case customers(CustomersMsg)
    /// The other agents' presence marks in force.
    case presenceLoaded([PresenceMark])
}
