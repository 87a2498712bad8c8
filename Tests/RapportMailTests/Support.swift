import Foundation

/// Paths the tests reach relative to the package root (found from this file's path).
enum TestPaths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `<package root>/../shared/corpus/mail-gem`: CI clones the repo with shared/ beside it.
    static let corpus = packageRoot.appendingPathComponent("../shared/corpus/mail-gem").standardizedFileURL
    static let oracle = packageRoot.appendingPathComponent("../shared/scripts/parse-oracle").standardizedFileURL

    /// Every .eml file of the corpus, sorted, as paths relative to the corpus folder.
    static func corpusFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: corpus.path)
        var files: [String] = []
        while let next = enumerator?.nextObject() as? String {
            if next.hasSuffix(".eml") { files.append(next) }
        }
        return files.sorted()
    }
}

/// Runs a program directly (no shell) and returns its exit status and output.
@discardableResult
func run(_ executable: String, _ arguments: [String], input: Data? = nil,
         environment: [String: String]? = nil) throws -> (status: Int32, stdout: Data, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe(), inp = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inp
    try process.run()
    if let input { inp.fileHandleForWriting.write(input) }
    try inp.fileHandleForWriting.close()
    // Read both pipes to the end before waiting, so a chatty child cannot block on a full pipe.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return (process.terminationStatus, outData, String(decoding: errData, as: UTF8.self))
}

func which(_ program: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(dir)/\(program)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}
