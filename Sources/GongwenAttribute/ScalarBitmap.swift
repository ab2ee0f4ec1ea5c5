import GongwenCore

/// A `ScalarSet` as a bitmap over the BMP: membership is one load and a bit test, whatever the size
/// of the set. `ScalarSet` searches sets of up to 24 members linearly, which is most of the cost of
/// `parse`'s per-character loops (whitespace, brackets, separators, sentence ends, each tested for
/// every character of every candidate). Owned by an `Engine`, built once per thread.
final class ScalarBitmap: @unchecked Sendable {
  private let words: UnsafeMutablePointer<UInt64>
  /// Members above the BMP (rare).
  private let astral: ScalarSet

  init(_ set: ScalarSet) {
    words = .allocate(capacity: 1024)
    words.initialize(repeating: 0, count: 1024)
    var rest = ScalarSet()
    for v in set.members {
      if v < 0x10000 { words[Int(v >> 6)] |= 1 << UInt64(v & 63) } else { rest.insert(v) }
    }
    astral = rest
  }

  deinit { words.deallocate() }

  @inline(__always) func contains(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x10000 { return words[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
    return astral.contains(v)
  }
}
