extension Array where Element == Unicode.Scalar {
  /// The scalars of `string`, decoded straight from its UTF-8 bytes into the array's buffer.
  ///
  /// `Array(string.unicodeScalars)` goes through the scalar view's iterator one scalar at a time
  /// (with a capacity check per append); this counts the scalars eight bytes at a time, then
  /// decodes into a buffer of exactly that size. A
  /// String's UTF-8 is valid by construction, so the decoder need not check it.
  public init(scalarsOf string: String) {
    var string = string
    self = string.withUTF8 { bytes in
      // every scalar has one byte that is not a continuation byte (0b10xxxxxx); counted eight
      // bytes at a time: bit 7 of a byte of `w & ~(w << 1)` is set for continuation bytes
      var continuation = 0
      var i = 0
      let end = bytes.count
      if let base = bytes.baseAddress {
        let raw = UnsafeRawPointer(base)
        while i &+ 8 <= end {
          let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
          continuation &+= (w & ~(w &<< 1) & 0x8080_8080_8080_8080).nonzeroBitCount
          i &+= 8
        }
      }
      while i < end {
        if bytes[i] & 0xC0 == 0x80 { continuation &+= 1 }
        i &+= 1
      }
      let scalarCount = end &- continuation
      return [Unicode.Scalar](unsafeUninitializedCapacity: scalarCount) { out, count in
        let n = bytes.count
        var i = 0, j = 0
        while i < n {
          let b0 = UInt32(bytes[i])
          // (lead byte decides the length; the continuation bytes are there in valid UTF-8)
          var v: UInt32
          if b0 < 0x80 {
            v = b0
            i &+= 1
          } else if b0 < 0xE0 {
            v = (b0 & 0x1F) << 6 | UInt32(bytes[i &+ 1]) & 0x3F
            i &+= 2
          } else if b0 < 0xF0 {
            v = (b0 & 0x0F) << 12 | (UInt32(bytes[i &+ 1]) & 0x3F) << 6 | UInt32(bytes[i &+ 2]) & 0x3F
            i &+= 3
          } else {
            v = (b0 & 0x07) << 18 | (UInt32(bytes[i &+ 1]) & 0x3F) << 12
              | (UInt32(bytes[i &+ 2]) & 0x3F) << 6 | UInt32(bytes[i &+ 3]) & 0x3F
            i &+= 4
          }
          // Valid UTF-8 never encodes a surrogate or a value past U+10FFFF, so `v` is a scalar.
          (out.baseAddress.unsafelyUnwrapped + j).initialize(to: unsafeBitCast(v, to: Unicode.Scalar.self))
          j &+= 1
        }
        count = j
      }
    }
  }
}
