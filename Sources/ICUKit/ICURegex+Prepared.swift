internal import CICU

extension ICURegex {
  /// Text converted once to UTF-16 (with its unit → scalar map), to be searched by several
  /// regexes without converting it again for each.
  public struct PreparedText: Sendable {
    let units: [UInt16]
    let scalarIndexOfUnit: [Int32]
    /// Number of scalars.
    public let count: Int

    public init(_ scalars: [Unicode.Scalar]) {
      var units: [UInt16] = []
      var map: [Int32] = []
      units.reserveCapacity(scalars.count + scalars.count / 8)
      map.reserveCapacity(scalars.count + scalars.count / 8 + 1)
      scalars.withUnsafeBufferPointer { buf in
        var i: Int32 = 0
        for s in buf {
          let v = s.value
          if v > 0xFFFF {
            let w = v - 0x10000
            units.append(UInt16(truncatingIfNeeded: 0xD800 + (w >> 10)))
            units.append(UInt16(truncatingIfNeeded: 0xDC00 + (w & 0x3FF)))
            map.append(i)
            map.append(i)
          } else {
            units.append(UInt16(truncatingIfNeeded: v))
            map.append(i)
          }
          i += 1
        }
        map.append(i)
      }
      self.units = units
      self.scalarIndexOfUnit = map
      self.count = scalars.count
    }
  }

  /// All non-overlapping matches in prepared text (offsets in scalars).
  public func matches(in prepared: PreparedText) throws(ICUError) -> [Match] {
    try load(prepared)
    var result: [Match] = []
    var found = try find(from: 0)
    while let m = found {
      result.append(m)
      // continue after the match (or one past an empty match)
      let next = m.range.isEmpty ? m.range.upperBound + 1 : m.range.upperBound
      if next > prepared.count { break }
      found = try find(from: next)
    }
    return result
  }
}
