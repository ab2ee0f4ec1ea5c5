import GongwenCore

// Near-duplicate detection over character shingles.
//
// A notice's clean text (whitespace dropped, by default) is cut into overlapping character
// n-grams ("shingles"). Each shingle is hashed once (FNV-1a over its scalars, then a 64-bit
// finaliser). The MinHash signature uses one-permutation hashing: the hash picks one of
// `signatureSize` bins and the bin keeps its smallest hash; bins left empty (short texts) are
// filled by optimal densification (each empty bin copies a pseudo-randomly chosen non-empty
// bin), which keeps P(bin values equal) = Jaccard. So the cost is one hash per shingle, not one
// per shingle per permutation. LSH then groups `rows` bins into a band key; notices sharing any
// band key are candidates, and every candidate is verified with the exact Jaccard of the two
// shingle sets.
//
// Texts shorter than the shingle size become one shingle (the whole text), so short texts only
// match texts that are exactly the same, instead of all colliding on an empty set. Texts with
// no scalars at all (after whitespace is dropped) get no fingerprint and are never linked.

/// 64-bit finaliser (from MurmurHash3 / splitmix64): spreads every input bit over the output.
@inline(__always)
func mix64(_ x: UInt64) -> UInt64 {
  var z = x
  z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
  z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
  return z ^ (z >> 33)
}

/// The scalars that shingles are cut from: the clean text, optionally without whitespace.
public func shingleScalars(_ scalars: [Unicode.Scalar], rules: SimilarityRules) -> [Unicode.Scalar] {
  if !rules.skipWhitespace { return scalars }
  // written into an uninitialised buffer through pointers (`filter` appended one scalar at a time,
  // with a capacity check each)
  return [Unicode.Scalar](unsafeUninitializedCapacity: scalars.count) { out, count in
    scalars.withUnsafeBufferPointer { src in
      var j = 0
      for i in 0..<src.count where !isSpace(src[i]) {
        out[j] = src[i]
        j &+= 1
      }
      count = j
    }
  }
}

public func shingleScalars(_ scalars: some Sequence<Unicode.Scalar>, rules: SimilarityRules) -> [Unicode.Scalar] {
  if !rules.skipWhitespace { return Array(scalars) }
  var out: [Unicode.Scalar] = []
  out.reserveCapacity(scalars.underestimatedCount)
  for s in scalars where !isSpace(s) { out.append(s) }
  return out
}

/// `properties.isWhitespace`, with fast answers for ASCII and the CJK blocks (most of a notice).
@inline(__always)
func isSpace(_ s: Unicode.Scalar) -> Bool {
  let v = s.value
  if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
  if v >= 0x3400 && v <= 0x9FFF { return false }
  if v >= 0xFF01 && v <= 0xFFEF { return false }
  if v > 0x3000 && v < 0x3400 { return false }  // CJK punctuation (U+3000 itself is a space)
  if v >= 0x2010 && v <= 0x2027 { return false }  // dashes, quotes, ellipsis
  return s.properties.isWhitespace
}

/// The same for a String, written out for the concrete scalar view (the generic version, called
/// across modules, went through witness tables for every scalar).
public func shingleScalars(_ text: String, rules: SimilarityRules) -> [Unicode.Scalar] {
  var out = [Unicode.Scalar](scalarsOf: text)
  if rules.skipWhitespace {
    // compact in place
    let kept = out.withUnsafeMutableBufferPointer { buf in
      var j = 0
      for i in 0..<buf.count where !isSpace(buf[i]) {
        buf[j] = buf[i]
        j &+= 1
      }
      return j
    }
    out.removeLast(out.count - kept)
  }
  return out
}

/// Calls `body` with the 64-bit hash of every shingle of `scalars` (in text order, repeats included).
/// A text shorter than `k` (but not empty) is one shingle.
@inline(__always)
func forEachShingleHash(_ scalars: [Unicode.Scalar], k: Int, seed: UInt64, _ body: (UInt64) -> Void) {
  let n = scalars.count
  if n == 0 { return }
  let width = min(k, n)
  let basis: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
  let prime: UInt64 = 0x0000_0100_0000_01B3
  scalars.withUnsafeBufferPointer { buf in
    if width == 5 {
      // the default shingle size, unrolled: the window's five scalars are kept in registers and
      // one new scalar is loaded per shingle (the same hashes as the loop below)
      var a = UInt64(buf[0].value), b = UInt64(buf[1].value), c = UInt64(buf[2].value)
      var d = UInt64(buf[3].value)
      for start in 0...(n - 5) {
        let e = UInt64(buf[start &+ 4].value)
        var h = (basis ^ a) &* prime
        h = (h ^ b) &* prime
        h = (h ^ c) &* prime
        h = (h ^ d) &* prime
        h = (h ^ e) &* prime
        body(mix64(h ^ 5))
        (a, b, c, d) = (b, c, d, e)
      }
      return
    }
    for start in 0...(n - width) {
      var h = basis
      for j in start..<(start + width) {
        h = (h ^ UInt64(buf[j].value)) &* prime
      }
      body(mix64(h ^ UInt64(width)))
    }
  }
}

/// `values` ascending without repeats. Large arrays are sorted by an LSD radix sort (three passes
/// of 11 bits, linear time; the comparison sort was a tenth of the batch linker's time), small
/// ones by the standard sort. The three digits' counts are taken in one read of the values, and
/// repeats are dropped in place.
func sortedUnique(_ values: [UInt32]) -> [UInt32] {
  var a = values
  let n = a.count
  if n < 256 {
    a.sort()
  } else {
    var b = [UInt32](unsafeUninitializedCapacity: n) { _, count in count = n }  // every slot written by the first pass
    var counts = [Int](repeating: 0, count: 3 * 2048)
    counts.withUnsafeMutableBufferPointer { c in
      a.withUnsafeBufferPointer { src in
        for v in src {
          c[Int(v & 0x7FF)] &+= 1
          c[2048 &+ Int((v >> 11) & 0x7FF)] &+= 1
          c[4096 &+ Int(v >> 22)] &+= 1
        }
      }
      for d in 0..<3 {
        var total = 0
        for i in (d * 2048)..<((d + 1) * 2048) {
          let k = c[i]
          c[i] = total
          total &+= k
        }
      }
    }
    for (d, shift) in [UInt32(0), 11, 22].enumerated() {
      a.withUnsafeBufferPointer { src in
        b.withUnsafeMutableBufferPointer { dst in
          counts.withUnsafeMutableBufferPointer { c in
            let base = d &* 2048
            for v in src {
              let slot = base &+ Int((v >> shift) & 0x7FF)
              dst[c[slot]] = v
              c[slot] &+= 1
            }
          }
        }
      }
      swap(&a, &b)
    }
  }
  // drop repeats in place (sorted: a repeat follows its first copy)
  let kept = a.withUnsafeMutableBufferPointer { buf -> Int in
    guard buf.count > 0 else { return 0 }
    var w = 1
    for i in 1..<buf.count where buf[i] != buf[w &- 1] {
      buf[w] = buf[i]
      w &+= 1
    }
    return w
  }
  a.removeLast(a.count - kept)
  return a
}

/// The set of shingles of a text, as sorted unique 32-bit hashes: what exact Jaccard and
/// containment are computed on.
public struct ShingleSet: Sendable, Equatable {
  public var hashes: [UInt32]
  public var count: Int { hashes.count }

  public init(sortedUnique hashes: [UInt32]) { self.hashes = hashes }

  public init(scalars: [Unicode.Scalar], rules: SimilarityRules) {
    // every shingle's hash written into place (one per position: none for an empty text, one for
    // a text shorter than the shingle size)
    let count = scalars.isEmpty ? 0 : max(1, scalars.count - rules.shingleSize + 1)
    let all = [UInt32](unsafeUninitializedCapacity: count) { buf, written in
      var j = 0
      forEachShingleHash(scalars, k: rules.shingleSize, seed: rules.seed) { h in
        buf[j] = UInt32(truncatingIfNeeded: h >> 32)
        j &+= 1
      }
      written = j
    }
    hashes = sortedUnique(all)
  }

  public init(text: String, rules: SimilarityRules) {
    self.init(scalars: shingleScalars(text, rules: rules), rules: rules)
  }
}

/// A notice's MinHash signature and its LSH band keys.
public struct Signature: Sendable, Equatable {
  /// `signatureSize` MinHash values.
  public var values: [UInt64]
  /// One key per band (band index mixed in, so keys of different bands never coincide).
  public var bandKeys: [Int64]

  public init(values: [UInt64], bandKeys: [Int64]) {
    self.values = values
    self.bandKeys = bandKeys
  }

  /// The signature of `scalars` (already passed through `shingleScalars`), or nil for an empty text.
  public init?(scalars: [Unicode.Scalar], rules: SimilarityRules) {
    let bins = rules.signatureSize
    if scalars.isEmpty || bins <= 0 { return nil }
    let empty = UInt64.max
    var values = [UInt64](repeating: empty, count: bins)
    let binCount = UInt64(bins)
    values.withUnsafeMutableBufferPointer { v in
      forEachShingleHash(scalars, k: rules.shingleSize, seed: rules.seed) { h in
        // multiply-shift onto [0, bins) from the high half; the whole hash orders shingles in a bin
        let bin = Int(((h >> 32) &* binCount) >> 32)
        if h < v[bin] { v[bin] = h }
      }
    }
    Self.densify(&values, seed: rules.seed)
    self.values = values
    self.bandKeys = Self.bandKeys(values, bands: rules.bands, rows: rules.rows, seed: rules.seed)
  }

  public init?(text: String, rules: SimilarityRules) {
    self.init(scalars: shingleScalars(text, rules: rules), rules: rules)
  }

  /// Optimal densification (Shrivastava 2017): each empty bin takes the value of the first
  /// non-empty bin in its own pseudo-random probe sequence. Deterministic for a seed.
  static func densify(_ values: inout [UInt64], seed: UInt64) {
    let empty = UInt64.max
    let n = values.count
    guard values.contains(empty), values.contains(where: { $0 != empty }) else { return }
    let original = values
    let bins = UInt64(n)
    for j in 0..<n where original[j] == empty {
      var filled = false
      var attempt: UInt64 = 1
      while attempt <= 4 * bins {
        let probe = Int(((mix64(seed ^ (UInt64(j) << 32) ^ attempt) >> 32) &* bins) >> 32)
        if original[probe] != empty {
          values[j] = original[probe]
          filled = true
          break
        }
        attempt += 1
      }
      if !filled {
        // astronomically rare: fall back to the next non-empty bin to the right
        var k = (j + 1) % n
        while original[k] == empty { k = (k + 1) % n }
        values[j] = original[k]
      }
    }
  }

  static func bandKeys(_ values: [UInt64], bands: Int, rows: Int, seed: UInt64) -> [Int64] {
    var keys: [Int64] = []
    keys.reserveCapacity(bands)
    for b in 0..<bands {
      var h = mix64(seed ^ (UInt64(b) &* 0x9E37_79B9_7F4A_7C15))
      let lo = b * rows
      for i in lo..<min(lo + rows, values.count) {
        h = mix64(h ^ values[i]) &+ UInt64(i)
      }
      keys.append(Int64(bitPattern: h))
    }
    return keys
  }

  /// Share of equal values: an unbiased estimate of the Jaccard similarity.
  public func estimatedJaccard(_ other: Signature) -> Double {
    let n = min(values.count, other.values.count)
    if n == 0 { return 0 }
    var same = 0
    for i in 0..<n where values[i] == other.values[i] { same += 1 }
    return Double(same) / Double(n)
  }

  /// `estimatedJaccard` against a signature stored as little-endian bytes (`bytes`), read in place
  /// instead of being decoded into an array first; nil when the lengths differ.
  public func estimatedJaccard(storedBytes b: UnsafeRawBufferPointer) -> Double? {
    let n = values.count
    guard n > 0, b.count == n * 8 else { return nil }
    var same = 0
    values.withUnsafeBufferPointer { v in
      for i in 0..<n where UInt64(littleEndian: b.loadUnaligned(fromByteOffset: i &* 8, as: UInt64.self)) == v[i] {
        same += 1
      }
    }
    return Double(same) / Double(n)
  }

  /// The signature as little-endian bytes (for storage).
  public var bytes: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(values.count * 8)
    for v in values { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
    return out
  }

  /// Values from `bytes` (nil when the length is not a multiple of 8).
  public static func values(fromBytes b: [UInt8]) -> [UInt64]? {
    guard b.count % 8 == 0 else { return nil }
    var out: [UInt64] = []
    out.reserveCapacity(b.count / 8)
    var i = 0
    while i < b.count {
      var v: UInt64 = 0
      for j in 0..<8 { v |= UInt64(b[i + j]) << (8 * UInt64(j)) }
      out.append(v)
      i += 8
    }
    return out
  }
}

/// Everything the similarity checks need about one notice.
public struct Fingerprint: Sendable, Equatable {
  public var signature: Signature
  /// Number of shingle positions (scalars after filtering, minus shingle size plus one).
  public var length: Int

  public init(signature: Signature, length: Int) {
    self.signature = signature
    self.length = length
  }

  /// nil when the text has nothing to shingle.
  public init?(text: String, rules: SimilarityRules) {
    let scalars = shingleScalars(text, rules: rules)
    guard let sig = Signature(scalars: scalars, rules: rules) else { return nil }
    self.init(signature: sig, length: max(1, scalars.count - rules.shingleSize + 1))
  }

  public init?(scalars: [Unicode.Scalar], rules: SimilarityRules) {
    let s = shingleScalars(scalars, rules: rules)
    guard let sig = Signature(scalars: s, rules: rules) else { return nil }
    self.init(signature: sig, length: max(1, s.count - rules.shingleSize + 1))
  }
}
