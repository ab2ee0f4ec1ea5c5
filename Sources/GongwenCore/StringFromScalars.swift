extension String {
  /// A String from Unicode scalars, encoded to UTF-8 in one buffer. Appending to a
  /// `String.UnicodeScalarView` one scalar at a time is several times slower; every stage that
  /// turns scalar ranges back into text uses this.
  public init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(scalars.count * 3)
    for s in scalars {
      let v = s.value
      if v < 0x80 {
        bytes.append(UInt8(v))
      } else if v < 0x800 {
        bytes.append(UInt8(0xC0 | v >> 6)); bytes.append(UInt8(0x80 | v & 0x3F))
      } else if v < 0x1_0000 {
        bytes.append(UInt8(0xE0 | v >> 12)); bytes.append(UInt8(0x80 | v >> 6 & 0x3F)); bytes.append(UInt8(0x80 | v & 0x3F))
      } else {
        bytes.append(UInt8(0xF0 | v >> 18)); bytes.append(UInt8(0x80 | v >> 12 & 0x3F))
        bytes.append(UInt8(0x80 | v >> 6 & 0x3F)); bytes.append(UInt8(0x80 | v & 0x3F))
      }
    }
    self.init(decoding: bytes, as: UTF8.self)
  }
}
