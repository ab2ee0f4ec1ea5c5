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
