internal import CICU

/// ICU UnicodeSet patterns (`[\p{Han}]`, `[（(]`, `[0-9０-９]`) as code point ranges.
public enum ICUSet {
  /// The ranges of the set `pattern` describes (strings in the set are left out).
  public static func ranges(_ pattern: String) throws(ICUError) -> [ClosedRange<UInt32>] {
    let units = Array(pattern.utf16)
    var capacity: Int32 = 64
    while true {
      var buffer = [UInt32](repeating: 0, count: Int(capacity) * 2)
      var st: Int32 = 0
      let n = units.withUnsafeBufferPointer { u in
        buffer.withUnsafeMutableBufferPointer { b in
          cicu_set_ranges(u.baseAddress, Int32(u.count), b.baseAddress, capacity, &st)
        }
      }
      if n < 0 || failed(st) { throw ICUError(st, "uset_openPattern") }
      if n <= capacity {
        return (0..<Int(n)).map { buffer[2 * $0]...buffer[2 * $0 + 1] }
      }
      capacity = n
    }
  }
}
