extension String {
  /// A String from Unicode scalars: encoded to UTF-8 in a temporary buffer (on the stack when
  /// small), then copied into the string without validation.
  /// Appending to a `String.UnicodeScalarView` one scalar at a time is several times slower; every
  /// stage that turns scalar ranges back into text uses this. Inlinable so that it is specialised
  /// for the caller's collection (an unspecialised generic loop costs a witness call per scalar).
  /// Scalars always encode to valid UTF-8, so the string is built with `UTF8Span(unchecked:)`:
  /// `String(unsafeUninitializedCapacity:…)` validated (and repaired) every byte again, which was
  /// about half the cost of this initializer.
  @inlinable
  public init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
    let capacity = scalars.count &* 4
    if capacity == 0 { self = ""; return }
    self = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buf in
      var i = 0
      var high: UInt32 = 0
      for s in scalars {
        let v = s.value
        high |= v
        if v < 0x80 {
          buf[i] = UInt8(truncatingIfNeeded: v); i &+= 1
        } else if v < 0x800 {
          buf[i] = UInt8(truncatingIfNeeded: 0xC0 | v >> 6)
          buf[i &+ 1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F); i &+= 2
        } else if v < 0x1_0000 {
          buf[i] = UInt8(truncatingIfNeeded: 0xE0 | v >> 12)
          buf[i &+ 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
          buf[i &+ 2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F); i &+= 3
        } else {
          buf[i] = UInt8(truncatingIfNeeded: 0xF0 | v >> 18)
          buf[i &+ 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 12 & 0x3F)
          buf[i &+ 2] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
          buf[i &+ 3] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F); i &+= 4
        }
      }
      return String(uncheckedUTF8: UnsafeBufferPointer(rebasing: buf[0..<i]), isASCII: high < 0x80)
    }
  }

  /// A String copied from bytes the caller knows are valid UTF-8 (encoded from scalars, or cut from
  /// a String at scalar boundaries), without validating them again. Invalid bytes here are a bug.
  /// `isASCII` nil: measured here (a word at a time), so the string carries the same ASCII flag as
  /// one made by `String(validating:)`.
  @inlinable
  public init(uncheckedUTF8 bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool? = nil) {
    if bytes.isEmpty { self = ""; return }
    let ascii = isASCII ?? Self.allASCII(bytes)
    self = unsafe String(copying: Swift.UTF8Span(unchecked: Swift.Span(_unsafeElements: bytes), isKnownASCII: ascii))
  }

  /// Whether every byte is below 0x80.
  @inlinable
  static func allASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    let n = bytes.count
    var i = 0
    var high: UInt64 = 0
    while i &+ 8 <= n {
      high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      i &+= 8
    }
    while i < n {
      high |= UInt64(bytes[i])
      i &+= 1
    }
    return high & 0x8080_8080_8080_8080 == 0
  }

  /// Whether `bytes` are valid UTF-8 (without building a String).
  @inlinable
  public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    (try? unsafe Swift.UTF8Span(validating: Swift.Span(_unsafeElements: bytes))) != nil
  }
}
