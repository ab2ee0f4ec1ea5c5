extension ICURegex.PreparedText {
  /// The same text as `init(_:)`, converted straight into preallocated buffers (one pass to count
  /// the UTF-16 units, one to fill them) instead of appending unit by unit, which cost about
  /// ten times more per scalar. Added for Normalize, which prepares every document twice.
  public init(bufferOf scalars: [Unicode.Scalar]) {
    let (units, map) = scalars.withUnsafeBufferPointer { buf -> ([UInt16], [Int32]) in
      var astral = 0
      for s in buf where s.value > 0xFFFF { astral &+= 1 }
      let n = buf.count &+ astral
      let map = [Int32](unsafeUninitializedCapacity: n &+ 1) { m, count in
        if astral == 0 {
          for i in 0..<n { m[i] = Int32(truncatingIfNeeded: i) }
        } else {
          var u = 0
          for i in 0..<buf.count {
            m[u] = Int32(truncatingIfNeeded: i); u &+= 1
            if buf[i].value > 0xFFFF { m[u] = Int32(truncatingIfNeeded: i); u &+= 1 }
          }
        }
        m[n] = Int32(truncatingIfNeeded: buf.count)
        count = n &+ 1
      }
      let units = [UInt16](unsafeUninitializedCapacity: n) { out, count in
        if astral == 0 {  // the common case: one unit per scalar, a loop without branches
          for i in 0..<n { out[i] = UInt16(truncatingIfNeeded: buf[i].value) }
          count = n
          return
        }
        var u = 0
        for s in buf {
          let v = s.value
          if v > 0xFFFF {
            let w = v &- 0x10000
            out[u] = UInt16(truncatingIfNeeded: 0xD800 &+ (w >> 10))
            out[u &+ 1] = UInt16(truncatingIfNeeded: 0xDC00 &+ (w & 0x3FF))
            u &+= 2
          } else {
            out[u] = UInt16(truncatingIfNeeded: v)
            u &+= 1
          }
        }
        count = u
      }
      return (units, map)
    }
    self.units = units
    self.scalarIndexOfUnit = map
    self.count = scalars.count
  }
}
