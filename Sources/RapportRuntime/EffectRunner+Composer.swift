import Foundation
import RapportApp
import RapportCore
import RapportTUI

/// What the composer's effects need besides the conversation store; set up by `openInbox`.
public struct ComposerServices {
    /// The store replies are queued in (through `Replies`, which reads the conversation too).
    public let outbox: any ConversationStore & OutboxStore
    public let templates: TemplateLibrary
    public let delivery: BackgroundDelivery
    /// The reply policy's limits from the config: the ones the composer shows are the ones sending enforces.
    public var limits: PolicyLimits
    /// What a conversation becomes once answered (`workflows.after_reply`).
    public var afterReply: ConversationStatus
    /// `mail.attachment_limit_mb`: the most a reply's files may weigh together.
    public var attachmentLimitMB = 20
    /// Runs $VISUAL / $EDITOR on the text with the screen suspended (set by the inbox loop).
    public var editExternally: (String) throws -> String = { _ in throw NoTerminal() }

    public init(outbox: any ConversationStore & OutboxStore, templates: TemplateLibrary, delivery: BackgroundDelivery,
                limits: PolicyLimits = .standard, afterReply: ConversationStatus = .pending) {
        self.outbox = outbox
        self.templates = templates
        self.delivery = delivery
        self.limits = limits
        self.afterReply = afterReply
    }

    struct NoTerminal: Error, CustomStringConvertible {
        var description: String { "no terminal to run an editor in" }
    }
}

extension EffectRunner {
    /// Drafts, sending, notes, templates, the external editor and background delivery.
    func runComposer(_ effect: ComposerEffect, _ services: ComposerServices) -> [AppMsg] {
        switch effect {
        case .loadDraft(let id):
            do {
                return [.composer(.draftLoaded(id, try drafts.load(id, agent: agent.login))), recipients(id, services)]
            } catch {
                // The editor stays closed to typing: an empty one would overwrite the stored draft.
                return [.failed("Your draft could not be read: \(describe(error)) (Esc closes the composer)")]
            }

        case .saveDraft(let draft):
            do {
                try drafts.save(draft)
                return [.composer(.draftSaved(draft.conversationID))]
            } catch {
                return [.composer(.draftSaveFailed(draft.conversationID, reason: describe(error)))]
            }

        case .deleteDraft(let id):
            do {
                try drafts.discard(id, agent: agent.login)
                return [.composer(.draftSaved(id))]
            } catch {
                return [.composer(.draftSaveFailed(id, reason: describe(error)))]
            }

        case let .sendReply(id, text, replyAll, attachments):
            do {
                // Permission, policy, recipients and threading are decided by `Replies`; queueing removes the draft with it.
                let item = try replies(services).queue(conversation: id, agent: agent.login, text: text, replyAll: replyAll,
                                                       attachments: attachments)
                return [.composer(.replyQueued(id, item))]
            } catch {
                return [.composer(.sendFailed(id, reason: describe(error)))]
            }


        case .loadRecipients(let id):
            return [recipients(id, services)]

        case let .attachFile(id, path, current):
            do {
                // A relative path is from the home folder, as Tab completes it.
                let home = FileManager.default.homeDirectoryForCurrentUser.path
                let full = path.hasPrefix("/") || path.hasPrefix("~") ? path : home + "/" + path
                return [.composer(.attached(id, try AttachedFiles.attach(full, to: current, limitMB: services.attachmentLimitMB)))]
            } catch {
                return [.failed("Not attached: \(describe(error))")]
            }

        case .completePath(let typed):
            // Relative paths start from the home folder, where a person's files are (the inbox's working
            // folder is wherever it was started from).
            let expanded = ConfigPaths().expandingTilde(typed)
            let folder = PathCompletion.split(expanded).folder
            let base = folder.isEmpty ? FileManager.default.homeDirectoryForCurrentUser.path
                : folder.hasPrefix("/") ? folder : FileManager.default.homeDirectoryForCurrentUser.path + "/" + folder
            let names = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
            let entries = names.map { name -> String in
                var isFolder: ObjCBool = false
                FileManager.default.fileExists(atPath: base + "/" + name, isDirectory: &isFolder)
                return isFolder.boolValue ? name + "/" : name
            }
            let (text, candidates) = PathCompletion.complete(typed, entries: entries)
            return [.composer(.pathCompleted(typed: typed, completed: text, candidates: candidates))]

        case let .remindIfNoReply(id, days):
            do {
                return [.composer(.reminderSet(id, until: try Snoozes(store: store, clock: clock).remind(id, ifNoReplyInDays: days)))]
            } catch {
                return [.failed("The reply is queued, but no reminder was set: \(describe(error))")]
            }

        case let .addNote(id, text):
            do {
                try drafts.addNote(id, by: agent, text: text)
                return [.composer(.noteAdded(id))]
            } catch {
                return [.composer(.sendFailed(id, reason: describe(error)))]
            }

        case .deliverOutbox:
            services.delivery.trigger()
            return []

        case let .decideDelivery(id, decision):
            return decideDelivery(id, decision, services)

        case let .editExternally(id, text):
            do {
                return [.composer(.edited(id, text: try services.editExternally(text)))]
            } catch {
                return [.composer(.externalEditFailed(id, reason: describe(error)))]
            }

        case let .startConversation(customer, subject):
            do {
                // Ownership is checked by `Replies`, as for a reply; the message itself is checked when sent.
                let conversation = try Replies(store: services.outbox, limits: services.limits, afterReply: services.afterReply,
                                               clock: clock).open(customer: customer, agent: agent.login, subject: subject)
                return [.composer(.conversationStarted(conversation.id))]
            } catch {
                return [.failed(describe(error))]
            }

        case .renderTemplates(let id):
            let templates = Templates(store: store, library: services.templates, clock: clock)
            do {
                let choices = try templates.choices(conversation: id, agent: agent)
                return [.composer(.templatesRendered(id, choices, problems: templates.problems))]
            } catch {
                return [.composer(.templatesRendered(id, [], problems: [describe(error)]))]
            }
        }
    }

    private var drafts: Drafts { Drafts(store: store, clock: clock) }

    /// Where a reply would go, read with the draft (a note's composer ignores it).
    private func recipients(_ id: ConversationID, _ services: ComposerServices) -> AppMsg {
        do {
            return .composer(.recipientsLoaded(id, try replies(services).recipients(conversation: id), problem: nil))
        } catch {
            return .composer(.recipientsLoaded(id, nil, problem: describe(error)))
        }
    }

    private func replies(_ services: ComposerServices) -> Replies {
        Replies(store: services.outbox, limits: services.limits, afterReply: services.afterReply,
                attachmentLimitMB: services.attachmentLimitMB, clock: clock)
    }

    func describe(_ error: any Error) -> String {
        InboxStoreEffects.describe(error)
    }
}
