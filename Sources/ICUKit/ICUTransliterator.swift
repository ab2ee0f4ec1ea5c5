internal import CICU

/// An ICU transliterator such as `Traditional-Simplified`. Not thread-safe: one per task.
public final class ICUTransliterator: @unchecked Sendable {
  public let id: String
  private let handle: OpaquePointer

  public init(id: String) throws(ICUError) {
    self.id = id
    let units = Array(id.utf16)
    var st: Int32 = 0
    let h = units.withUnsafeBufferPointer { cicu_trans_open($0.baseAddress, Int32($0.count), &st) }
    guard let h, !failed(st) else { throw ICUError(st, "utrans_open(\(id))") }
    handle = h
  }

  deinit { cicu_trans_close(handle) }

  /// Transliterates a whole string.
  public func transliterate(_ s: String) throws(ICUError) -> String {
    String(decoding: try run(Array(s.utf16)), as: UTF16.self)
  }

  /// The same as `Array(transliterate(String(String.UnicodeScalarView(scalars))).unicodeScalars)`,
  /// without the two Strings: the scalars are encoded to UTF-16 and the result decoded from it
  /// directly (an unpaired surrogate, which ICU should never return, becomes U+FFFD as
  /// `String(decoding:as:)` makes it).
  public func transliterate(scalars: some Collection<Unicode.Scalar>) throws(ICUError) -> [Unicode.Scalar] {
    var units: [UInt16] = []
    units.reserveCapacity(scalars.count &* 2)
    for c in scalars {
      let v = c.value
      if v > 0xFFFF {
        let w = v &- 0x10000
        units.append(UInt16(truncatingIfNeeded: 0xD800 &+ (w >> 10)))
        units.append(UInt16(truncatingIfNeeded: 0xDC00 &+ (w & 0x3FF)))
      } else {
        units.append(UInt16(truncatingIfNeeded: v))
      }
    }
    let out = try run(units)
    var result: [Unicode.Scalar] = []
    result.reserveCapacity(out.count)
    let n = out.count
    var i = 0
    while i < n {
      let u = UInt32(out[i])
      if u < 0xD800 || u > 0xDFFF {
        result.append(Unicode.Scalar(UInt16(truncatingIfNeeded: u))!)
        i &+= 1
      } else if u <= 0xDBFF, i &+ 1 < n, out[i &+ 1] >= 0xDC00, out[i &+ 1] <= 0xDFFF {
        let v = 0x10000 &+ ((u &- 0xD800) << 10) &+ (UInt32(out[i &+ 1]) &- 0xDC00)
        result.append(Unicode.Scalar(v)!)
        i &+= 2
      } else {
        result.append("\u{FFFD}")
        i &+= 1
      }
    }
    return result
  }

  /// The transliterator's rules as ICU writes them (`utrans_toRules`): for a rule-based one such as
  /// `Traditional-Simplified`, lines `源 > 目标;`.
  public func rules() throws(ICUError) -> String {
    var st: Int32 = 0
    let n = cicu_trans_rules(handle, nil, 0, &st)
    if failed(st), cicu_is_buffer_overflow(st) == 0 { throw ICUError(st, "utrans_toRules") }
    var buf = [UInt16](repeating: 0, count: Int(n) + 1)
    st = 0
    let m = buf.withUnsafeMutableBufferPointer { cicu_trans_rules(handle, $0.baseAddress, Int32($0.count), &st) }
    if failed(st) { throw ICUError(st, "utrans_toRules") }
    return String(decoding: buf[0..<Int(m)], as: UTF16.self)
  }

  /// ICU over UTF-16 units: the transliterated units.
  private func run(_ input: [UInt16]) throws(ICUError) -> [UInt16] {
    var units = input
    let originalCount = units.count
    var capacity = max(16, originalCount * 2 + 16)
    while true {
      var buf = units
      buf.append(contentsOf: repeatElement(0, count: capacity - originalCount))
      var length = Int32(originalCount)
      var st: Int32 = 0
      buf.withUnsafeMutableBufferPointer { p in
        cicu_trans_run(handle, p.baseAddress, &length, Int32(capacity), &st)
      }
      if cicu_is_buffer_overflow(st) != 0 {
        capacity = Int(length) + 16
        continue
      }
      if failed(st) { throw ICUError(st, "utrans_transUChars") }
      return Array(buf[0..<Int(length)])
    }
  }
}
