/// Fast, exact stand-ins for `String`'s comparisons on the names Attribute handles.
///
/// `String` compares, hashes and splits into `Character`s by canonical equivalence and grapheme
/// clusters, which for Chinese text means a normalising slow path on every `==`, `hasSuffix` and
/// `Set` insertion. For strings made only of *inert* scalars (below) those rules change nothing:
/// no inert scalar has a canonical decomposition or composes with a neighbour, and each one is a
/// grapheme cluster of its own. Two inert strings are therefore equal exactly when their UTF-8
/// bytes are, and one ends with the other exactly when its bytes do. Anything else (a combining
/// mark, a compatibility ideograph, a control character) takes `String`'s own operation, so the
/// results are always those of `String`.
enum ExactText {
  /// ASCII without controls, CJK symbols and punctuation (without the combining tone marks
  /// U+302A–U+302F), CJK ideographs (extension A and the unified block), fullwidth ASCII.
  @inline(__always) static func isInert(_ v: UInt32) -> Bool {
    switch v {
    case 0x20...0x7E, 0x3001...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
    default: return false
    }
  }

  /// Runs `body` on the UTF-8 of `s`: in place for a native string (`withUTF8` on a copy costs
  /// a few hundred instructions more per call), through a contiguous copy otherwise.
  @inline(__always) static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
    var s = s
    return s.withUTF8(body)
  }

  /// Every scalar of `s` is inert (read from its UTF-8: Swift strings are always valid UTF-8).
  static func isInert(_ s: String) -> Bool {
    withBytes(s) { b in
      var i = 0
      while i < b.count {
        let lead = b[i]
        if lead < 0x80 {
          guard isInert(UInt32(lead)) else { return false }
          i += 1
        } else if lead & 0xF0 == 0xE0 {  // three bytes: the whole BMP part of the inert ranges
          guard i + 2 < b.count else { return false }
          let v = UInt32(lead & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
          guard isInert(v) else { return false }
          i += 3
        } else {
          return false
        }
      }
      return true
    }
  }

  /// Every string of `strings` is inert.
  static func allInert(_ strings: some Sequence<String>) -> Bool {
    for s in strings where !isInert(s) { return false }
    return true
  }

  static func sameBytes(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    return withBytes(a) { x in withBytes(b) { y in sameBytes(x, y) } }
  }

  /// Byte equality by index (the generic `elementsEqual` costs several times more per byte).
  @inline(__always) static func sameBytes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
    guard x.count == y.count else { return false }
    for i in 0..<x.count where x[i] != y[i] { return false }
    return true
  }

  /// `a`'s UTF-8 ends with `b`'s (`a.hasSuffix(b)` when both are inert).
  static func bytesHaveSuffix(_ a: String, _ b: String) -> Bool {
    withBytes(a) { x in
      withBytes(b) { y in x.count >= y.count && sameBytes(UnsafeBufferPointer(rebasing: x[(x.count - y.count)...]), y) }
    }
  }

  /// The union of `lists` in order of first appearance, duplicates by `==` (as a `Set<String>`
  /// finds them; by bytes when every string is inert).
  static func union(_ lists: [[String]]) -> [String] {
    var u: [String] = []
    if lists.allSatisfy({ allInert($0) }) {
      var seen: Set<NameKey> = []
      for list in lists { for x in list where seen.insert(NameKey(x)).inserted { u.append(x) } }
    } else {
      var seen: Set<String> = []
      for list in lists { for x in list where seen.insert(x).inserted { u.append(x) } }
    }
    return u
  }
}
