import Foundation
import GongwenAttribute
import GongwenCore
import GongwenDedup
import GongwenIngest
import GongwenNormalize
import GongwenSegment
import GongwenSimilarity

/// Every stage's compiled rules, loaded from one rules folder and validated together.
///
/// Loading reports every problem in every file (not just the first), each with file,
/// line and column; a folder that loads is ready to run.
public struct RuleSet: Sendable {
  public var ingest: IngestRules
  public var normalize: NormalizeRules
  public var dedup: DedupRules
  public var segment: SegmentRules
  public var attribute: AttributeRules
  /// Near-duplicate detection between notices (`similarity.yaml`).
  public var similarity: SimilarityRules
  /// The folder the rules came from.
  public var directory: String
  /// sha256 prefix (16 hex digits) over the rules files' names and bytes: goes into every record.
  public var hash: String

  /// Loads `directory` (a path to a folder holding the `*.yaml` files).
  public static func load(directory: String) throws(RuleErrors) -> RuleSet {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
      throw RuleErrors([RuleProblem(RuleLocation(file: directory, line: 1, column: 1), code: "R006",
                                    "rules folder not found; pass --rules DIR or run from the project folder")])
    }
    var problems: [RuleProblem] = []
    var contents: [(String, [UInt8])] = []

    func load<R: RuleFile>(_ type: R.Type) -> R? {
      let path = (directory as NSString).appendingPathComponent(R.fileName)
      let display = displayPath(path)
      guard let data = FileManager.default.contents(atPath: path) else {
        problems.append(RuleProblem(RuleLocation(file: display, line: 1, column: 1), code: "R006",
                                    "missing rules file \(R.fileName)"))
        return nil
      }
      contents.append((R.fileName, Array(data)))
      guard let yaml = String(data: data, encoding: .utf8) else {
        problems.append(RuleProblem(RuleLocation(file: display, line: 1, column: 1), code: "R001",
                                    "rules file is not UTF-8 text"))
        return nil
      }
      do {
        let raw = try RuleDecoding(file: display).decode(R.Raw.self, yaml: yaml)
        return try R(raw: raw, file: display)
      } catch {
        problems.append(contentsOf: error.problems)
        return nil
      }
    }

    let ingest = load(IngestRules.self)
    let normalize = load(NormalizeRules.self)
    let dedup = load(DedupRules.self)
    let segment = load(SegmentRules.self)
    let attribute = load(AttributeRules.self)
    let similarity = load(SimilarityRules.self)
    guard problems.isEmpty, let ingest, let normalize, let dedup, let segment, let attribute, let similarity else {
      throw RuleErrors(problems.sorted { ($0.location.file, $0.location.line, $0.location.column) < ($1.location.file, $1.location.line, $1.location.column) })
    }
    var all: [UInt8] = []
    for (name, bytes) in contents.sorted(by: { $0.0 < $1.0 }) {
      all += Array(name.utf8) + [0] + bytes + [0]
    }
    return RuleSet(ingest: ingest, normalize: normalize, dedup: dedup, segment: segment, attribute: attribute, similarity: similarity,
                   directory: directory, hash: String(sha256Hex(all).prefix(16)))
  }

  /// Loads one rule file type from YAML text (for tests and `rules check` of a single file).
  public static func decode<R: RuleFile>(_ type: R.Type, yaml: String, file: String = "<test>") throws(RuleErrors) -> R {
    let raw = try RuleDecoding(file: file).decode(R.Raw.self, yaml: yaml)
    return try R(raw: raw, file: file)
  }

  /// The bundled rules folder: `$GONGWEN_RULES`, else `Rules/` next to the current directory's
  /// Package.swift, else `Rules/` beside the executable's package checkout.
  public static func defaultDirectory() -> String {
    if let env = ProcessInfo.processInfo.environment["GONGWEN_RULES"], !env.isEmpty { return env }
    let fm = FileManager.default
    var candidates = [fm.currentDirectoryPath + "/Rules"]
    // walk up from the executable (…/.build/debug/gongwen) to find the package root
    var dir = (CommandLine.arguments.first.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath() }
      ?? URL(fileURLWithPath: fm.currentDirectoryPath)).deletingLastPathComponent()
    for _ in 0..<6 {
      candidates.append(dir.path + "/Rules")
      dir = dir.deletingLastPathComponent()
    }
    for c in candidates where fm.fileExists(atPath: c + "/segment.yaml") { return c }
    return "Rules"
  }
}

func displayPath(_ path: String) -> String {
  let cwd = FileManager.default.currentDirectoryPath + "/"
  return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
}
