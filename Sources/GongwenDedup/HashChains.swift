/// The hash chains of `RunFinder.parse`: for each 64-bit unit hash, its first and latest item.
///
/// An open-addressing table keyed by the hash itself (already an FNV-1a value, so a multiply and
/// shift spread it): a `Dictionary<UInt64, …>` ran SipHash over every key on every lookup, about
/// half of `parse`. Same contents and answers as the dictionary it replaces (keys compare exactly).
struct HashChains {
  private var keys: [UInt64]
  private var firsts: [Int32]
  private var lasts: [Int32]  // -1: empty slot
  private let shift: UInt64

  /// Room for `count` distinct keys at most half full (the table never grows).
  init(capacity count: Int) {
    var bits = 4
    while (1 << bits) < 2 * max(1, count) { bits += 1 }
    keys = [UInt64](repeating: 0, count: 1 << bits)
    firsts = [Int32](repeating: -1, count: 1 << bits)
    lasts = [Int32](repeating: -1, count: 1 << bits)
    shift = UInt64(64 - bits)
  }

  @inline(__always) private func slot(_ key: UInt64) -> Int {
    let mask = keys.count - 1
    var i = Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> shift)
    while lasts[i] >= 0 && keys[i] != key { i = (i &+ 1) & mask }
    return i
  }

  /// The chain of `key`: (first, latest) item, or nil.
  @inline(__always) func chain(_ key: UInt64) -> (first: Int32, last: Int32)? {
    let i = slot(key)
    return lasts[i] >= 0 ? (firsts[i], lasts[i]) : nil
  }

  /// Sets the chain of `key` (adding the key if new).
  @inline(__always) mutating func set(_ key: UInt64, first: Int32, last: Int32) {
    let i = slot(key)
    keys[i] = key
    firsts[i] = first
    lasts[i] = last
  }
}

/// A set of 64-bit keys with open addressing (multiply-shift), for hot membership tests where
/// `Set<UInt64>` would run SipHash over every key. Sized once for at most `capacity` keys.
struct UInt64Set {
  private var keys: [UInt64]
  private var used: [Bool]
  private let shift: UInt64

  init(capacity count: Int) {
    var bits = 4
    while (1 << bits) < 2 * max(1, count) { bits += 1 }
    keys = [UInt64](repeating: 0, count: 1 << bits)
    used = [Bool](repeating: false, count: 1 << bits)
    shift = UInt64(64 - bits)
  }

  @inline(__always) private func slot(_ key: UInt64) -> Int {
    let mask = keys.count - 1
    var i = Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> shift)
    while used[i] && keys[i] != key { i = (i &+ 1) & mask }
    return i
  }

  @inline(__always) func contains(_ key: UInt64) -> Bool { used[slot(key)] }

  @inline(__always) mutating func insert(_ key: UInt64) {
    let i = slot(key)
    keys[i] = key
    used[i] = true
  }
}
