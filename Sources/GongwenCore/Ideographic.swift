/// `properties.isIdeographic` (Unicode Ideographic), without the property lookup for everything
/// below U+3006, the first ideograph (ASCII, Latin, CJK punctuation up to 〆), and for the CJK
/// Unified Ideographs block U+4E00–U+9FFF, all ideographs (most of a notice). Called per character
/// by Normalize's line joining, Dedup's unit splitting and Attribute's name tests.
@inlinable @inline(__always) public func isIdeographic(_ c: Unicode.Scalar) -> Bool {
  let v = c.value
  if v < 0x3006 { return false }
  if v >= 0x4E00 && v <= 0x9FFF { return true }
  return c.properties.isIdeographic
}
