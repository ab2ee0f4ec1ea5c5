/// Keys of the attribute memo (`EngineMemo`), hashed and compared by their exact scalars (UTF-8
/// bytes for strings) instead of by `String`'s canonical equivalence: hashing a `String` of Chinese
/// text normalises it (`_normalizedHash`) and comparing two goes through the slow NFC path, which
/// made the memo lookups cost more than many of the tests they saved.
///
/// The memo only caches pure functions of the text, so a key finer than canonical equivalence
/// changes no result: two canonically equivalent but different scalar sequences are simply tested
/// on their own.

/// 64-bit FNV-1a, the cheapest hash that spreads short CJK names well enough for a dictionary.
@usableFromInline let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
@usableFromInline let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

/// A table's bucket hash from a precomputed key hash and the table's seed: the murmur3 64-bit
/// finalizer, several times cheaper than feeding the hash through `Hasher` (SipHash) on every lookup.
@inline(__always) func bucketHash(_ hash: UInt64, seed: Int) -> Int {
  var h = hash ^ UInt64(UInt(bitPattern: seed))
  h ^= h >> 33
  h &*= 0xff51_afd7_ed55_8ccd
  h ^= h >> 33
  h &*= 0xc4ce_b9fe_1a85_ec53
  h ^= h >> 33
  return Int(truncatingIfNeeded: h)
}

/// A run of scalars with its hash computed once. A lookup key may view a slice of a larger buffer;
/// `owned()` copies the scalars out before the key is stored, so the memo never keeps a document's
/// text alive.
struct ScalarKey: Hashable {
  let scalars: ArraySlice<Unicode.Scalar>
  let hash: UInt64

  init(_ scalars: ArraySlice<Unicode.Scalar>) {
    var h = fnvOffset
    scalars.withUnsafeBufferPointer { buf in
      for s in buf { h = (h ^ UInt64(s.value)) &* fnvPrime }
    }
    self.scalars = scalars
    hash = h
  }

  private init(scalars: ArraySlice<Unicode.Scalar>, hash: UInt64) {
    self.scalars = scalars
    self.hash = hash
  }

  /// The same key over its own copy of the scalars.
  func owned() -> ScalarKey { ScalarKey(scalars: ArraySlice(Array(scalars)), hash: hash) }

  func hash(into hasher: inout Hasher) { hasher.combine(hash) }
  func _rawHashValue(seed: Int) -> Int { bucketHash(hash, seed: seed) }

  static func == (a: ScalarKey, b: ScalarKey) -> Bool {
    guard a.hash == b.hash, a.scalars.count == b.scalars.count else { return false }
    return a.scalars.withUnsafeBufferPointer { x in
      b.scalars.withUnsafeBufferPointer { y in
        for i in 0..<x.count where x[i] != y[i] { return false }
        return true
      }
    }
  }
}

/// A name, optionally with the list context it is read in, compared by UTF-8 bytes (the same
/// scalars) and hashed once.
struct NameKey: Hashable {
  let name: String
  let context: String?
  let hash: UInt64

  init(_ name: String, context: String? = nil) {
    var h = fnvOffset
    if let context {
      h = Self.mix(h, context)
      h = (h ^ 0xFF) &* fnvPrime  // 0xFF never occurs in UTF-8: separates context from name
    }
    h = Self.mix(h, name)
    self.name = name
    self.context = context
    hash = h
  }

  @inline(__always) static func mix(_ h: UInt64, _ s: String) -> UInt64 {
    ExactText.withBytes(s) { buf in
      var h = h
      for b in buf { h = (h ^ UInt64(b)) &* fnvPrime }
      return h
    }
  }

  func hash(into hasher: inout Hasher) { hasher.combine(hash) }
  func _rawHashValue(seed: Int) -> Int { bucketHash(hash, seed: seed) }

  static func == (a: NameKey, b: NameKey) -> Bool {
    guard a.hash == b.hash, ExactText.sameBytes(a.name, b.name) else { return false }
    switch (a.context, b.context) {
    case (nil, nil): return true
    case let (x?, y?): return ExactText.sameBytes(x, y)
    default: return false
    }
  }
}
