import RapportTUI

/// Runs the effects `update` asks for that are not the loop's own (`.quit`, `.redraw`, `.suspend`)
/// and answers with messages for `update`. `EffectRunner` is the inbox's; the benchmark and tests
/// may bring their own.
public protocol EffectInterpreter {
    func perform(_ effect: Effect) -> [AppMsg]
}
