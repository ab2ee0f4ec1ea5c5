/// Does any of the eight bytes of `w` need attention in a JSON string: a quote, a backslash or a
/// control character (below U+0020)? One word at a time, so the plain runs of a long text (Chinese
/// UTF-8 has none of these bytes) are stepped over eight bytes at once by the JSON reader of
/// `--stdin` records and the record writer.
@inlinable @inline(__always)
public func jsonSpecialByteIn(_ w: UInt64) -> Bool {
  let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
  let quote = w ^ (ones &* 0x22), slash = w ^ (ones &* 0x5C)
  return ((w &- ones &* 0x20) & ~w & highs) | ((quote &- ones) & ~quote & highs) | ((slash &- ones) & ~slash & highs) != 0
}

/// Reads the JSON string whose opening quote is at `i` in `b` and returns its contents unescaped, as
/// UTF-8; `i` ends after the closing quote. nil for anything malformed: no quote at `i`, no closing
/// quote, a raw control character, an unknown escape, a lone surrogate. `reserve`: bytes to reserve
/// up front (a long text's room). Used by the `--stdin` record reader and to read a text back from
/// `documents.jsonl`.
public func readJSONString(_ b: UnsafeBufferPointer<UInt8>, at i: inout Int, reserve: Int = 0) -> [UInt8]? {
  let n = b.count
  guard i < n, b[i] == 0x22 else { return nil }
  i += 1
  func hex4() -> UInt32? {
    guard i + 4 <= n else { return nil }
    var v: UInt32 = 0
    for k in 0..<4 {
      let c = b[i + k]
      let d: UInt8
      switch c {
      case 0x30...0x39: d = c - 0x30
      case 0x41...0x46: d = c - 0x41 + 10
      case 0x61...0x66: d = c - 0x61 + 10
      default: return nil
      }
      v = v << 4 | UInt32(d)
    }
    i += 4
    return v
  }
  let raw = b.baseAddress.map { UnsafeRawPointer($0) }
  var out: [UInt8] = []
  if reserve > 0 { out.reserveCapacity(reserve) }
  var run = i
  while i < n {
    // 8 bytes at a time while none is a quote, a backslash or a control character
    if let raw, i &+ 8 <= n, !jsonSpecialByteIn(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
      i &+= 8
      continue
    }
    let c = b[i]
    if c == 0x22 {
      out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
      i += 1
      return out
    }
    if c < 0x20 { return nil }  // raw control characters are not allowed in a JSON string
    if c != 0x5C {
      i += 1
      continue
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
    i += 1
    guard i < n else { return nil }
    let e = b[i]
    i += 1
    switch e {
    case 0x22, 0x5C, 0x2F: out.append(e)
    case 0x62: out.append(0x08)
    case 0x66: out.append(0x0C)
    case 0x6E: out.append(0x0A)
    case 0x72: out.append(0x0D)
    case 0x74: out.append(0x09)
    case 0x75:
      guard var v = hex4() else { return nil }
      if v >= 0xDC00 && v <= 0xDFFF { return nil }
      if v >= 0xD800 && v <= 0xDBFF {
        guard i + 2 <= n, b[i] == 0x5C, b[i + 1] == 0x75 else { return nil }
        i += 2
        guard let lo = hex4(), lo >= 0xDC00 && lo <= 0xDFFF else { return nil }
        v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
      }
      guard let scalar = Unicode.Scalar(v) else { return nil }
      out.append(contentsOf: UTF8.encode(scalar)!)
    default: return nil
    }
    run = i
  }
  return nil
}
