/// The inbox's effect runner is the loop's interpreter as it is.
extension EffectRunner: EffectInterpreter {}
