import GongwenCore
import Yams

/// Decodes a `Decodable` from a YAML node tree, remembering positions.
///
/// Two things plain `YAMLDecoder` does not do: every error names the line and column of the
/// offending value, and keys that no type asked for are reported as unknown (typos fail
/// loudly instead of being ignored).
struct RuleDecoding {
  let file: String

  func decode<T: Decodable>(_ type: T.Type, yaml: String) throws(RuleErrors) -> T {
    let node: Node
    do {
      guard let n = try Yams.compose(yaml: yaml) else {
        node = .mapping(Node.Mapping([]))
        return try decode(type, node: node)
      }
      node = n
    } catch let e as YamlError {
      throw RuleErrors([yamlProblem(e)])
    } catch {
      throw RuleErrors([RuleProblem(RuleLocation(file: file, line: 1, column: 1), code: "R001", "\(error)")])
    }
    return try decode(type, node: node)
  }

  func decode<T: Decodable>(_ type: T.Type, node: Node) throws(RuleErrors) -> T {
    let tracker = KeyTracker()
    let decoder = NodeDecoder(node: node, file: file, path: [], tracker: tracker)
    let value: T
    do {
      value = try T(from: decoder)
    } catch let p as RuleProblem {
      throw RuleErrors([p])
    } catch let e as RuleErrors {
      throw e
    } catch {
      throw RuleErrors([RuleProblem(RuleLocation(file: file, line: 1, column: 1), code: "R003", "\(error)")])
    }
    var unknown: [RuleProblem] = []
    collectUnknown(node, tracker: tracker, path: [], into: &unknown)
    if !unknown.isEmpty { throw RuleErrors(unknown) }
    return value
  }

  private func collectUnknown(_ node: Node, tracker: KeyTracker, path: [String], into out: inout [RuleProblem]) {
    switch node {
    case .mapping(let m):
      for (k, v) in m {
        let key = k.string ?? "?"
        if !tracker.used.contains(KeyTracker.id(k)) {
          let loc = location(k.mark)
          let at = (path + [key]).joined(separator: ".")
          out.append(RuleProblem(loc, code: "R002", "unknown key '\(at)'; check the spelling against Documentation/Rules.md"))
        } else {
          collectUnknown(v, tracker: tracker, path: path + [key], into: &out)
        }
      }
    case .sequence(let s):
      for (i, v) in s.enumerated() { collectUnknown(v, tracker: tracker, path: path + ["\(i)"], into: &out) }
    default: break
    }
  }

  func location(_ mark: Mark?) -> RuleLocation {
    RuleLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  private func yamlProblem(_ e: YamlError) -> RuleProblem {
    switch e {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return RuleProblem(location(mark), code: "R001", "invalid YAML: \(problem)")
    case .reader(let problem, _, _, _):
      return RuleProblem(location(nil), code: "R001", "invalid YAML: \(problem)")
    default:
      return RuleProblem(location(nil), code: "R001", "invalid YAML: \(e)")
    }
  }
}

final class KeyTracker {
  var used: Set<String> = []
  static func id(_ key: Node) -> String {
    "\(key.mark?.line ?? 0):\(key.mark?.column ?? 0):\(key.string ?? "")"
  }
}

struct NodeDecoder: LocatingDecoder {
  let node: Node
  let file: String
  var codingPath: [any CodingKey]
  let tracker: KeyTracker
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  init(node: Node, file: String, path: [any CodingKey], tracker: KeyTracker) {
    self.node = node
    self.file = file
    self.codingPath = path
    self.tracker = tracker
  }

  var ruleLocation: RuleLocation? { loc }
  var loc: RuleLocation { RuleLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1) }
  var pathText: String { codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".") }

  func problem(_ message: String, code: String = "R003") -> RuleProblem {
    RuleProblem(loc, code: code, pathText.isEmpty ? message : "'\(pathText)': \(message)")
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .mapping(let m) = node else { throw problem("expected a mapping (key: value lines)") }
    return KeyedDecodingContainer(KeyedNodeContainer<Key>(mapping: m, decoder: self))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .sequence(let s) = node else { throw problem("expected a list (lines starting with '- ')") }
    return UnkeyedNodeContainer(items: Array(s), decoder: self)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleNodeContainer(decoder: self) }

  func child(_ node: Node, key: any CodingKey) -> NodeDecoder {
    NodeDecoder(node: node, file: file, path: codingPath + [key], tracker: tracker)
  }
}

struct IndexKey: CodingKey {
  var intValue: Int?
  var stringValue: String { "\(intValue ?? 0)" }
  init(_ i: Int) { intValue = i }
  init?(stringValue: String) { return nil }
  init?(intValue: Int) { self.intValue = intValue }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let mapping: Node.Mapping
  let decoder: NodeDecoder
  var codingPath: [any CodingKey] { decoder.codingPath }

  var allKeys: [Key] { mapping.keys.compactMap { $0.string.flatMap(Key.init(stringValue:)) } }

  func find(_ key: Key) -> (Node, Node)? {
    for (k, v) in mapping where k.string == key.stringValue { return (k, v) }
    return nil
  }

  func contains(_ key: Key) -> Bool { find(key) != nil }

  func value(_ key: Key) throws -> NodeDecoder {
    guard let (k, v) = find(key) else {
      throw decoder.problem("missing required key '\(key.stringValue)'")
    }
    decoder.tracker.used.insert(KeyTracker.id(k))
    return decoder.child(v, key: key)
  }

  func decodeNil(forKey key: Key) throws -> Bool {
    guard let (k, v) = find(key) else { return true }
    decoder.tracker.used.insert(KeyTracker.id(k))
    return isNull(v)
  }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try T(from: value(key))
  }

  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    guard let (k, v) = find(key) else { return nil }
    decoder.tracker.used.insert(KeyTracker.id(k))
    if isNull(v) { return nil }
    return try T(from: decoder.child(v, key: key))
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  { try value(key).container(keyedBy: type) }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try value(key).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder { decoder }
  func superDecoder(forKey key: Key) throws -> any Decoder { try value(key) }
}

struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
  let items: [Node]
  let decoder: NodeDecoder
  var currentIndex = 0
  var codingPath: [any CodingKey] { decoder.codingPath }
  var count: Int? { items.count }
  var isAtEnd: Bool { currentIndex >= items.count }

  init(items: [Node], decoder: NodeDecoder) {
    self.items = items
    self.decoder = decoder
  }

  mutating func next() throws -> NodeDecoder {
    guard !isAtEnd else { throw decoder.problem("list is shorter than expected") }
    defer { currentIndex += 1 }
    return decoder.child(items[currentIndex], key: IndexKey(currentIndex))
  }

  mutating func decodeNil() throws -> Bool {
    if !isAtEnd, isNull(items[currentIndex]) { currentIndex += 1; return true }
    return false
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: next()) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  { try next().container(keyedBy: type) }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
  mutating func superDecoder() throws -> any Decoder { try next() }
}

struct SingleNodeContainer: SingleValueDecodingContainer {
  let decoder: NodeDecoder
  var codingPath: [any CodingKey] { decoder.codingPath }
  var node: Node { decoder.node }

  func decodeNil() -> Bool { isNull(node) }

  func scalar(_ what: String) throws -> String {
    guard case .scalar(let s) = node else { throw decoder.problem("expected \(what), found a \(kind(node))") }
    return s.string
  }

  func decode(_ type: Bool.Type) throws -> Bool {
    _ = try scalar("true or false")
    guard let b = node.bool else { throw decoder.problem("expected true or false, found '\(node.string ?? "")'") }
    return b
  }

  func decode(_ type: String.Type) throws -> String { try scalar("a string") }

  func decode(_ type: Double.Type) throws -> Double {
    _ = try scalar("a number")
    guard let d = node.float ?? node.int.map(Double.init) else {
      throw decoder.problem("expected a number, found '\(node.string ?? "")'")
    }
    return d
  }

  func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

  func integer<T: FixedWidthInteger>(_ t: T.Type) throws -> T {
    _ = try scalar("a whole number")
    guard let i = node.int, let v = T(exactly: i) else {
      throw decoder.problem("expected a whole number, found '\(node.string ?? "")'")
    }
    return v
  }

  func decode(_ type: Int.Type) throws -> Int { try integer(Int.self) }
  func decode(_ type: Int8.Type) throws -> Int8 { try integer(Int8.self) }
  func decode(_ type: Int16.Type) throws -> Int16 { try integer(Int16.self) }
  func decode(_ type: Int32.Type) throws -> Int32 { try integer(Int32.self) }
  func decode(_ type: Int64.Type) throws -> Int64 { try integer(Int64.self) }
  func decode(_ type: UInt.Type) throws -> UInt { try integer(UInt.self) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(UInt8.self) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(UInt16.self) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(UInt32.self) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(UInt64.self) }

  func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: decoder) }
}

private func isNull(_ node: Node) -> Bool {
  guard case .scalar(let s) = node else { return false }
  if s.style != .plain { return false }
  return s.string == "~" || s.string == "null" || s.string == "Null" || s.string == "NULL" || s.string.isEmpty
}

private func kind(_ node: Node) -> String {
  switch node {
  case .scalar: return "single value"
  case .mapping: return "mapping"
  case .sequence: return "list"
  case .alias: return "alias"
  }
}
