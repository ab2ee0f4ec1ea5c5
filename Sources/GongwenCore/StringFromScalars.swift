extension String {
  /// A String from Unicode scalars, encoded to UTF-8 straight into the string's own buffer.
  /// Appending to a `String.UnicodeScalarView` one scalar at a time is several times slower; every
  /// stage that turns scalar ranges back into text uses this. Inlinable so that it is specialised
  /// for the caller's collection (an unspecialised generic loop costs a witness call per scalar).
  @inlinable
  public init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
    let capacity = scalars.count &* 4
    if capacity == 0 { self = ""; return }
    self.init(unsafeUninitializedCapacity: capacity) { buf in
      var i = 0
      for s in scalars {
        let v = s.value
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
      return i
    }
  }
}
