/// A set of Unicode scalars for the per-character tests of every stage (sentence ends, brackets,
/// separators, whitespace, character classes from the rules).
///
/// Small sets (a handful of punctuation marks, the common case) are a short array searched linearly,
/// which beats hashing and costs no allocation beyond the array; a set that grows past
/// `linearLimit` members switches to a bitmap over the BMP (8 KiB) plus a hash set for the rest, so
/// a range such as `U+4E00-U+9FFF` stays O(1) per test. `Set<Unicode.Scalar>` hashes with SipHash on
/// every test and was a measurable part of Dedup's unit splitting.
public struct ScalarSet: Sendable, Equatable, ExpressibleByArrayLiteral {
  static let linearLimit = 24
  @usableFromInline var small: [UInt32] = []
  @usableFromInline var bmp: [UInt64]? = nil
  @usableFromInline var astral: Set<UInt32> = []

  public init() {}

  public init(_ scalars: some Sequence<Unicode.Scalar>) {
    for s in scalars { insert(s.value) }
  }

  /// Every scalar of `string` is a member.
  public init(_ string: String) { self.init(string.unicodeScalars) }

  /// Every scalar of `literal` is a member.
  public init(literal: String) { self.init(literal.unicodeScalars) }

  public init(arrayLiteral elements: Unicode.Scalar...) { self.init(elements) }

  public struct ParseError: Error, Sendable { public var message: String }

  /// Entries are `U+XXXX`, `U+XXXX-U+YYYY`, or literal characters (each one a member).
  public init(parsing entries: [String]) throws(ParseError) {
    for e in entries {
      if e.hasPrefix("U+") {
        let parts = e.split(separator: "-", maxSplits: 1).map { $0.hasPrefix("U+") ? $0.dropFirst(2) : $0 }
        guard let lo = parts.first.flatMap({ UInt32($0, radix: 16) }),
          let hi = (parts.count > 1 ? parts.last.flatMap { UInt32($0, radix: 16) } : lo), lo <= hi, hi <= 0x10FFFF
        else { throw ParseError(message: "'\(e)' is not U+XXXX or U+XXXX-U+YYYY") }
        for v in lo...hi { insert(v) }
      } else {
        for s in e.unicodeScalars { insert(s.value) }
      }
    }
  }

  public mutating func insert(_ v: UInt32) {
    if bmp == nil {
      if small.contains(v) { return }
      if small.count < Self.linearLimit {
        small.append(v)
        return
      }
      var map = [UInt64](repeating: 0, count: 1024)
      for x in small where x < 0x10000 { map[Int(x >> 6)] |= 1 << UInt64(x & 63) }
      for x in small where x >= 0x10000 { astral.insert(x) }
      small = []
      bmp = map
    }
    if v < 0x10000 { bmp![Int(v >> 6)] |= 1 << UInt64(v & 63) } else { astral.insert(v) }
  }

  // Inlinable: it is called for most characters of a document from every stage, and a
  // cross-module call (with retains of the storage) cost more than the test itself.
  @inlinable @inline(__always) public func contains(_ s: Unicode.Scalar) -> Bool { contains(s.value) }

  @inlinable @inline(__always) public func contains(_ v: UInt32) -> Bool {
    if let bmp {
      if v < 0x10000 { return bmp.withUnsafeBufferPointer { $0[Int(v >> 6)] } & (1 << UInt64(v & 63)) != 0 }
      return astral.contains(v)
    }
    return small.withUnsafeBufferPointer { buf in
      for x in buf where x == v { return true }
      return false
    }
  }

  /// Whether any scalar of `scalars` is a member: one tight loop with the set's storage read once
  /// (a `contains(where:)` over a whole text, testing one scalar per call, cost several times more).
  public func containsAny(of scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
    if bmp != nil { return scalars.contains { contains($0) } }
    return small.withUnsafeBufferPointer { members in
      switch members.count {
      case 0: return false
      case 1:
        let a = members[0]
        for c in scalars where c.value == a { return true }
        return false
      case 2:
        let a = members[0], b = members[1]
        for c in scalars where c.value == a || c.value == b { return true }
        return false
      default:
        for c in scalars where members.contains(c.value) { return true }
        return false
      }
    }
  }

  public var isEmpty: Bool { bmp == nil ? small.isEmpty : members.isEmpty }

  /// All members in ascending order (for validation and messages; slow for large sets).
  public var members: [UInt32] {
    guard let bmp else { return small.sorted() }
    var out: [UInt32] = []
    for (w, bits) in bmp.enumerated() where bits != 0 {
      for b in 0..<64 where bits & (1 << UInt64(b)) != 0 { out.append(UInt32(w * 64 + b)) }
    }
    return out + astral.sorted()
  }

  public static func == (a: ScalarSet, b: ScalarSet) -> Bool { a.members == b.members }
}
