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
