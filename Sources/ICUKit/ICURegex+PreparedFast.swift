extension ICURegex.PreparedText {
  /// The same text as `init(_:)`, written straight into the arrays' storage: `append` per unit
  /// (with its capacity check) cost about 60 instructions per scalar, this about a tenth of that.
  public init(converting scalars: [Unicode.Scalar]) {
    let count = scalars.count
    var astral = 0
    scalars.withUnsafeBufferPointer { buf in
      // (an OR of every value exceeds 0xFFFF exactly when some scalar does; the loop vectorises)
      var bits: UInt32 = 0
      for s in buf { bits |= s.value }
      if bits > 0xFFFF { for s in buf where s.value > 0xFFFF { astral &+= 1 } }
    }
    let length = count + astral
    if astral == 0 {
      // every scalar is one unit: plain copies the compiler vectorises
      self.units = scalars.withUnsafeBufferPointer { buf in
        [UInt16](unsafeUninitializedCapacity: count) { out, initialized in
          for i in 0..<count { out[i] = UInt16(truncatingIfNeeded: buf[i].value) }
          initialized = count
        }
      }
      self.scalarIndexOfUnit = [Int32](unsafeUninitializedCapacity: count + 1) { out, initialized in
        for i in 0...count { out[i] = Int32(truncatingIfNeeded: i) }
        initialized = count + 1
      }
      self.count = count
      return
    }
    let units = scalars.withUnsafeBufferPointer { buf in
      [UInt16](unsafeUninitializedCapacity: length) { out, initialized in
        var u = 0
        for s in buf {
          let v = s.value
          if v > 0xFFFF {
            let w = v - 0x10000
            out[u] = UInt16(truncatingIfNeeded: 0xD800 + (w >> 10))
            out[u + 1] = UInt16(truncatingIfNeeded: 0xDC00 + (w & 0x3FF))
            u += 2
          } else {
            out[u] = UInt16(truncatingIfNeeded: v)
            u += 1
          }
        }
        initialized = u
      }
    }
    let map = scalars.withUnsafeBufferPointer { buf in
      [Int32](unsafeUninitializedCapacity: length + 1) { out, initialized in
        var u = 0
        var i: Int32 = 0
        for s in buf {
          out[u] = i
          u += 1
          if s.value > 0xFFFF {
            out[u] = i
            u += 1
          }
          i += 1
        }
        out[u] = i
        initialized = u + 1
      }
    }
    self.units = units
    self.scalarIndexOfUnit = map
    self.count = count
  }
}
