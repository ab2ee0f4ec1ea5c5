import ICUKit

/// A place in a rules file: 1-based line and column.
public struct RuleLocation: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }
  public var description: String { "\(file):\(line):\(column)" }
}

/// A decoder that knows where in a rules file the value being decoded came from.
/// The YAML loader in GongwenRules provides one; stage modules only see this protocol.
public protocol LocatingDecoder: Decoder {
  var ruleLocation: RuleLocation? { get }
}

/// A rule value together with the place it was written, so compile errors and
/// run-time failures (a regex hitting its time limit) can name file and line.
public struct Located<Value: Decodable & Sendable>: Decodable, Sendable {
  public var value: Value
  public var location: RuleLocation?

  public init(_ value: Value, location: RuleLocation? = nil) {
    self.value = value
    self.location = location
  }

  public init(from decoder: any Decoder) throws {
    value = try Value(from: decoder)
    location = (decoder as? any LocatingDecoder)?.ruleLocation
  }
}

/// One problem found while loading rules.
public struct RuleProblem: Error, Hashable, Sendable, CustomStringConvertible {
  public var location: RuleLocation
  /// Stable code: `R001` invalid YAML, `R002` unknown key, `R003` wrong type / missing key,
  /// `R004` regex does not compile, `R005` invalid value, `R006` missing file or folder; `R010` (a
  /// warning) files that disagree on a fact several stages need.
  public var code: String
  public var message: String
  /// `error` (the rules do not load) or `warning` (`R010`: rules files that disagree; they load).
  public var severity = "error"

  public init(_ location: RuleLocation, code: String, _ message: String) {
    self.location = location
    self.code = code
    self.message = message
  }

  public var description: String { "\(location): \(severity)[\(code)]: \(message)" }
}

/// All the problems found while loading a rules folder (loading reports every one, not the first).
public struct RuleErrors: Error, Sendable, CustomStringConvertible {
  public var problems: [RuleProblem]
  public init(_ problems: [RuleProblem]) { self.problems = problems }
  public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// A stage's compiled rules, built from one YAML file in `Rules/`.
///
/// `Raw` is what the YAML decodes to (unknown keys are rejected by the loader);
/// `init(raw:file:)` validates and compiles it, throwing every problem it finds.
public protocol RuleFile: Sendable {
  associatedtype Raw: Decodable
  /// File name inside the rules folder, e.g. `normalize.yaml`.
  static var fileName: String { get }
  init(raw: Raw, file: String) throws(RuleErrors)
}

/// A regular expression from a rules file: compiled once with ICU, run with a time limit.
///
/// `ICURegex` is not thread-safe, so a `RuleRegex` hands out a fresh copy per use via
/// `matcher()`; stages call it once per document.
public struct RuleRegex: Sendable {
  public let id: String
  public let pattern: String
  public let location: RuleLocation?
  private let compiled: ICURegex

  /// Default match-step limit for rule regexes.
  public static let defaultTimeLimit: Int32 = 2_000

  public init(id: String, pattern: Located<String>, file: String, options: ICURegex.Options = [],
              timeLimit: Int32 = RuleRegex.defaultTimeLimit) throws(RuleProblem) {
    self.id = id
    self.pattern = pattern.value
    let loc = pattern.location ?? RuleLocation(file: file, line: 1, column: 1)
    self.location = loc
    do {
      compiled = try ICURegex(pattern.value, options: options, timeLimit: timeLimit)
    } catch {
      var at = loc
      if let off = error.offset, error.line <= 1 { at.column += off }
      throw RuleProblem(at, code: "R004", "rule '\(id)': pattern does not compile: \(error.name)")
    }
  }

  /// A matcher for one document (cheap clone of the compiled pattern).
  public func matcher() throws(StageFailure) -> ICURegex {
    do { return try compiled.copy() } catch {
      throw StageFailure(stage: "rules", code: "icu_error", message: "rule '\(id)': \(error)")
    }
  }

  /// The failure to report when this rule's regex hits the ICU time limit or fails.
  public func failure(_ error: ICUError, stage: String) -> StageFailure {
    let place = location.map { "\($0.file):\($0.line)" } ?? id
    if error.isTimeout {
      return StageFailure(stage: stage, code: "rule_timeout",
                          message: "rule '\(id)' (\(place)) exceeded the regex time limit; simplify the pattern")
    }
    return StageFailure(stage: stage, code: "icu_error", message: "rule '\(id)' (\(place)): \(error)")
  }
}

