import Foundation
import GongwenCore
import GongwenRules

/// Paths and loaders shared by the test targets.
public enum TestSupport {
  /// The package root (found from this source file's location).
  public static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url = url.deletingLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  public static var rulesDirectory: String { packageRoot.appendingPathComponent("Rules").path }
  public static var corpusDirectory: URL { packageRoot.appendingPathComponent("Corpus") }

  /// The bundled rules, loaded once.
  public static let rules: RuleSet = {
    do { return try RuleSet.load(directory: rulesDirectory) } catch {
      fatalError("bundled rules do not load:\n\(error)")
    }
  }()

  /// The seed notices bundled in Corpus/notices, by file name, decoded as UTF-8.
  public static func corpusNotice(_ prefix: String) -> String {
    let dir = corpusDirectory.appendingPathComponent("notices")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    guard let name = names.sorted().first(where: { $0.hasPrefix(prefix) }),
      let data = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path)
    else { fatalError("no corpus notice starting with \(prefix)") }
    return String(decoding: data, as: UTF8.self)
  }
}

/// Runs the built `gongwen` executable.
public enum CLI {
  public struct Result: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// The `gongwen` binary next to the test bundle (swift test builds every product first).
  public static var executable: URL {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gongwen"),
      Bundle.main.bundleURL.appendingPathComponent("gongwen"),
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("gongwen"),
      TestSupport.packageRoot.appendingPathComponent(".build/debug/gongwen"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[3]
  }

  @discardableResult
  public static func run(_ args: [String], stdin: String? = nil, cwd: URL = TestSupport.packageRoot,
                         environment: [String: String] = [:], via launcher: String? = nil) throws -> Result {
    let p = Process()
    p.executableURL = launcher.map { URL(fileURLWithPath: $0) } ?? executable
    p.arguments = args
    p.currentDirectoryURL = cwd
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (k, v) in environment { env[k] = v }
    p.environment = env
    let out = Pipe(), err = Pipe(), inp = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = inp
    try p.run()
    if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
    try inp.fileHandleForWriting.close()
    // read both pipes concurrently to avoid a full-pipe deadlock
    let outBox = DataBox(), errBox = DataBox()
    let g = DispatchGroup()
    DispatchQueue.global().async(group: g) { outBox.data = out.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async(group: g) { errBox.data = err.fileHandleForReading.readDataToEndOfFile() }
    g.wait()
    p.waitUntilExit()
    return Result(status: p.terminationStatus, stdout: String(decoding: outBox.data, as: UTF8.self),
                  stderr: String(decoding: errBox.data, as: UTF8.self))
  }

  /// A fresh temporary folder, inside this test process's own folder, which is removed when the process exits (so
  /// a test run leaves nothing behind in the system's temporary folder, even when a test fails half-way).
  public static func tempDir(_ name: String = "gongwen") -> URL {
    let u = testRoot.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
    return u
  }

  /// `gongwen-tests-<pid>` in the system's temporary folder, made on first use; an exit handler removes it.
  static let testRoot: URL = {
    let root = processRoot()
    try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: CLI.processRoot()) }
    return root
  }()

  static func processRoot() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-tests-\(getpid())")
  }
}

final class DataBox: @unchecked Sendable { var data = Data() }
