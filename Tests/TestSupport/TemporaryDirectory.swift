import Foundation

/// A fresh temporary directory, removed with everything in it when the value goes away,
/// so test runs do not leave thousands of folders in /tmp.
public final class TemporaryDirectory: @unchecked Sendable {
    // @unchecked: `url` never changes after init.
    public let url: URL

    public init(prefix: String = "rapport-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
