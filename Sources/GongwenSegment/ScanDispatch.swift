import GongwenCore

/// Which scan branches (`SegmentRules.scanBranches`) can match at a position, decided from a few
/// characters of the text with table look-ups only.
///
/// Built once per rule set from the branches' first-character sets (`PatternFirstCharacters`) and their
/// match prefixes (`MatchPrefix`). Each character set the prefixes use gets a bit; every scalar of
/// the BMP maps to a class holding the bits of the sets it belongs to and the branches (in pattern
/// order) that can start with it. At a position, the class of its character says which branches to
/// look at (none, for almost every character of a notice); a branch is handed to ICU only when one
/// of its prefix paths fits the next characters (and its look-behind the character before), which
/// is a few loads and bit tests per path.
///
/// Everything lives in buffers owned by this immutable object (no reference counting in the loop).
/// Prefixes using more than 64 different sets keep the first 64; a path is cut before a set that
/// got no bit, which only makes the filter weaker. At most 64 branches.
final class ScanDispatch: @unchecked Sendable {
  static let wordsPerPath = 2 + MatchPrefix.depth  // not-before bits, length, bits of each position

  /// Class of each BMP scalar.
  private let table: UnsafeMutablePointer<UInt16>
  /// Classes above the BMP: `astralClass[i]` from `astralStart[i]` up to the next start.
  private let astralStart: [UInt32]
  private let astralClass: [UInt16]
  /// Set bits of each class.
  private let classMask: UnsafeMutablePointer<UInt64>
  /// Branches of class `c`: `classBranch[classStart[c]..<classStart[c + 1]]`.
  private let classStart: UnsafeMutablePointer<Int32>
  private let classBranch: UnsafeMutablePointer<Int32>
  /// Paths of branch `k`: records `branchStart[k]..<branchStart[k + 1]` of `paths`.
  private let branchStart: UnsafeMutablePointer<Int32>
  private let paths: UnsafeMutablePointer<UInt64>
  /// For entry `e` of `classBranch` (a branch at a character of that class): the branch's paths
  /// whose first set holds the character, records `entryStart[e]..<entryStart[e + 1]` of
  /// `entryPaths`. Their first character need not be checked again.
  private let entryStart: UnsafeMutablePointer<Int32>
  private let entryPaths: UnsafeMutablePointer<UInt64>
  /// For entry `e`: the not-before bits all its paths share (0: none or not all the same), tested
  /// once for the entry instead of once per path (`1.` after a digit, in 2014).
  private let entryNotBefore: UnsafeMutablePointer<UInt64>
  /// For entry `e`, `depth` words from `e * depth`: the length every one of its paths has at
  /// least, then for each position from the second on (up to that length) the bits of the union of
  /// the paths' sets there. Text that fails one of these fails every path (a year such as 2014年
  /// against the `[0-9]{4}` dates, at its second digit), so it is tested before the paths.
  private let entryGate: UnsafeMutablePointer<UInt64>
  /// Per class: the bits of every set the second character of one of its entries' paths can be
  /// in; 0 when some path is shorter than two characters (no gate). A character after one of the
  /// class in none of these sets rules out every entry at once (一 in 一些, 进一步).
  private let classNext: UnsafeMutablePointer<UInt64>

  /// nil with more than 64 branches.
  init?(firstSets: [CharSet], prefixes: [MatchPrefix]) {
    guard firstSets.count == prefixes.count, firstSets.count <= 64 else { return nil }
    // bits for the sets the prefixes use
    var sets: [CharSet] = []
    var bitOf: [CharSet: UInt64] = [:]
    func bit(_ set: CharSet) -> UInt64? {
      if let b = bitOf[set] { return b }
      guard sets.count < 64 else { return nil }
      let b: UInt64 = 1 << UInt64(sets.count)
      sets.append(set)
      bitOf[set] = b
      return b
    }
    var records: [UInt64] = []
    var branchStart: [Int32] = [0]
    for prefix in prefixes {
      for path in prefix.paths {
        var bits: [UInt64] = []
        for set in path.sets.prefix(MatchPrefix.depth) {
          guard let b = bit(set) else { break }
          bits.append(b)
        }
        let nb = path.notBefore.flatMap { bit($0) } ?? 0
        records += [nb, UInt64(bits.count)] + bits + [UInt64](repeating: 0, count: MatchPrefix.depth - bits.count)
      }
      branchStart.append(Int32(records.count / Self.wordsPerPath))
    }
    // classes: distinct (set bits, branches starting there) pairs
    struct Key: Hashable { var mask: UInt64; var branches: UInt64 }
    var classOf: [Key: UInt16] = [Key(mask: 0, branches: 0): 0]
    var classes: [Key] = [Key(mask: 0, branches: 0)]
    func classFor(_ key: Key) -> UInt16? {
      if let c = classOf[key] { return c }
      guard classes.count < Int(UInt16.max) else { return nil }
      let c = UInt16(classes.count)
      classes.append(key)
      classOf[key] = c
      return c
    }
    var mask = [UInt64](repeating: 0, count: 0x10000)
    var starts = [UInt64](repeating: 0, count: 0x10000)
    for (j, set) in sets.enumerated() {
      for r in set.ranges where r.lowerBound < 0x10000 {
        for v in r.lowerBound...min(r.upperBound, 0xFFFF) { mask[Int(v)] |= 1 << UInt64(j) }
      }
    }
    for (k, set) in firstSets.enumerated() {
      for r in set.ranges where r.lowerBound < 0x10000 {
        for v in r.lowerBound...min(r.upperBound, 0xFFFF) { starts[Int(v)] |= 1 << UInt64(k) }
      }
    }
    var bmp = [UInt16](repeating: 0, count: 0x10000)
    var last = Key(mask: 0, branches: 0), lastClass: UInt16 = 0
    for v in 0..<0x10000 where mask[v] != 0 || starts[v] != 0 {
      let key = Key(mask: mask[v], branches: starts[v])
      if key != last {
        guard let c = classFor(key) else { return nil }
        last = key
        lastClass = c
      }
      bmp[v] = lastClass
    }
    // above the BMP: intervals between the range bounds of every set
    var bounds: Set<UInt32> = []
    for set in sets + firstSets {
      for r in set.ranges where r.upperBound >= 0x10000 {
        bounds.insert(max(r.lowerBound, 0x10000))
        if r.upperBound < 0x10FFFF { bounds.insert(r.upperBound + 1) }
      }
    }
    var astralStart: [UInt32] = []
    var astralClass: [UInt16] = []
    for lo in bounds.sorted() {
      var key = Key(mask: 0, branches: 0)
      for (j, set) in sets.enumerated() where set.contains(lo) { key.mask |= 1 << UInt64(j) }
      for (k, set) in firstSets.enumerated() where set.contains(lo) { key.branches |= 1 << UInt64(k) }
      guard let c = classFor(key) else { return nil }
      astralStart.append(lo)
      astralClass.append(c)
    }
    var classStart: [Int32] = [0]
    var classBranch: [Int32] = []
    var entryStart: [Int32] = [0]
    var entryPaths: [UInt64] = []
    let w = Self.wordsPerPath
    var classNext: [UInt64] = []
    var entryNotBefore: [UInt64] = []
    var entryGate: [UInt64] = []
    for key in classes {
      var next: UInt64 = 0
      var gate = key.branches != 0
      for k in 0..<64 where key.branches & (1 << UInt64(k)) != 0 {
        classBranch.append(Int32(k))
        var shared: UInt64? = nil
        var minLength = UInt64(MatchPrefix.depth)
        var unions = [UInt64](repeating: 0, count: MatchPrefix.depth)
        for r in Int(branchStart[k])..<Int(branchStart[k + 1]) {
          let rec = records[(r * w)..<((r + 1) * w)]
          let nb = rec[rec.startIndex], length = rec[rec.startIndex + 1], first = rec[rec.startIndex + 2]
          if length == 0 || key.mask & first != 0 {
            entryPaths += rec
            if length < 2 { gate = false } else { next |= rec[rec.startIndex + 3] }
            shared = shared.map { $0 == nb ? nb : 0 } ?? nb
            minLength = min(minLength, length)
            for i in stride(from: 1, to: Int(length), by: 1) { unions[i] |= rec[rec.startIndex + 2 + i] }
          }
        }
        entryStart.append(Int32(entryPaths.count / w))
        entryNotBefore.append(shared ?? 0)
        if shared == nil { minLength = 0 }  // no path at all: nothing to gate (no path allows)
        entryGate += [minLength] + unions.dropFirst()
      }
      classStart.append(Int32(classBranch.count))
      classNext.append(gate ? next : 0)
    }
    func buffer<T>(_ a: [T]) -> UnsafeMutablePointer<T> {
      let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, a.count))
      _ = UnsafeMutableBufferPointer(start: p, count: a.count).initialize(from: a)
      return p
    }
    self.table = buffer(bmp)
    self.astralStart = astralStart
    self.astralClass = astralClass
    self.classMask = buffer(classes.map(\.mask))
    self.classStart = buffer(classStart)
    self.classBranch = buffer(classBranch)
    self.branchStart = buffer(branchStart)
    self.paths = buffer(records)
    self.entryStart = buffer(entryStart)
    self.entryPaths = buffer(entryPaths)
    self.classNext = buffer(classNext)
    self.entryNotBefore = buffer(entryNotBefore)
    self.entryGate = buffer(entryGate)
  }

  deinit {
    table.deallocate()
    classMask.deallocate()
    classStart.deallocate()
    classBranch.deallocate()
    branchStart.deallocate()
    paths.deallocate()
    entryStart.deallocate()
    entryPaths.deallocate()
    classNext.deallocate()
    entryNotBefore.deallocate()
    entryGate.deallocate()
  }

  @inline(__always) func classOf(_ c: Unicode.Scalar) -> Int {
    let v = c.value
    return v < 0x10000 ? Int(table[Int(v)]) : astralClassOf(v)
  }

  func astralClassOf(_ v: UInt32) -> Int {
    // the last interval starting at or before v
    var lo = 0, hi = astralStart.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if astralStart[mid] <= v { lo = mid + 1 } else { hi = mid }
    }
    return lo == 0 ? 0 : Int(astralClass[lo - 1])
  }

  /// Branches that can start with a character of class `c`, in pattern order.
  @inline(__always) func branches(ofClass c: Int) -> UnsafeBufferPointer<Int32> {
    let lo = Int(classStart[c]), hi = Int(classStart[c + 1])
    return UnsafeBufferPointer(start: classBranch + lo, count: hi - lo)
  }

  /// Entries (indices into the class's branch list) of class `c`: `branch(ofEntry:)` gives the
  /// branch, in pattern order.
  @inline(__always) func entries(ofClass c: Int) -> Range<Int> {
    Int(classStart[c])..<Int(classStart[c + 1])
  }

  @inline(__always) func branch(ofEntry e: Int) -> Int { Int(classBranch[e]) }

  /// False when no entry of class `c` (the class of the character at `p`) can match at `p`
  /// because of the character after it (see `classNext`); true says nothing.
  @inline(__always) func nextMayFit(_ c: Int, _ s: UnsafeBufferPointer<Unicode.Scalar>, at p: Int) -> Bool {
    let next = classNext[c]
    if next == 0 { return true }
    return p + 1 < s.count && classMask[classOf(s[p + 1])] & next != 0
  }

  /// `allows(branch(ofEntry: e), s, at: p)` where the character at `p` is of the entry's class:
  /// only the paths that start with that character are looked at, from their second character on.
  @inline(__always) func allows(entry e: Int, _ s: UnsafeBufferPointer<Unicode.Scalar>, at p: Int) -> Bool {
    let n = s.count
    let shared = entryNotBefore[e]
    if shared != 0, p > 0, classMask[classOf(s[p - 1])] & shared != 0 { return false }
    let gate = entryGate + e * MatchPrefix.depth
    let minLength = Int(gate[0])
    if p + minLength > n { return false }
    var j = 1
    while j < minLength {
      if classMask[classOf(s[p + j])] & gate[j] == 0 { return false }
      j += 1
    }
    return anyPathFits(entryPaths, Int(entryStart[e])..<Int(entryStart[e + 1]), s, at: p, from: 1)
  }

  /// False only when branch `k` cannot match at `p` in `s` (see `MatchPrefix.allows`).
  @inline(__always) func allows(_ k: Int, _ s: UnsafeBufferPointer<Unicode.Scalar>, at p: Int) -> Bool {
    anyPathFits(paths, Int(branchStart[k])..<Int(branchStart[k + 1]), s, at: p, from: 0)
  }

  /// Whether some path record in `records` (rows `rows`) fits the text at `p`: its not-before
  /// class excludes the character before `p`, and its positions from `first` on admit the text.
  @inline(__always) private func anyPathFits(_ records: UnsafeMutablePointer<UInt64>, _ rows: Range<Int>,
                                             _ s: UnsafeBufferPointer<Unicode.Scalar>, at p: Int, from first: Int) -> Bool {
    let n = s.count
    paths: for r in rows {
      let rec = records + r * Self.wordsPerPath
      let nb = rec[0]
      if nb != 0, p > 0, classMask[classOf(s[p - 1])] & nb != 0 { continue }
      let length = Int(rec[1])
      if p + length > n { continue }
      var i = first
      while i < length {
        if classMask[classOf(s[p + i])] & rec[2 + i] == 0 { continue paths }
        i += 1
      }
      return true
    }
    return false
  }
}
