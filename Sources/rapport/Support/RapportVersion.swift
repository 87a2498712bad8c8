/// What `rapport --version` prints.
enum RapportVersion {
    static let release = "0.3.0"
    static var current: String { "rapport \(release)" }
}
