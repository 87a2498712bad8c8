import Foundation
import RapportCore
import RapportRuntime
import RapportTUI

/// Opens the full-screen inbox for `agent` (see `runInbox` in Inbox/), with the composer's
/// services: the outbox, the templates, background delivery and the policy limits from the config.
func openInbox(store: some StorePort, agent: Agent) throws {
    let environment = ProcessInfo.processInfo.environment
    let config = try loadConfig(environment: environment)
    let delivery = DeliverySettings.resolve(environment: environment, config: config).background(outbox: store)
    var services = ComposerServices(outbox: store, templates: TemplateLibrary.load(environment: environment), delivery: delivery,
                                    limits: config.policy, afterReply: config.afterReply)
    services.attachmentLimitMB = config.attachmentLimitMB
    try runInbox(store: store, agent: agent, composer: services, limits: config.policy, quietDays: config.quietDays,
                 legalFooter: config.legalFooter)
}
