import GongwenCore

/// One normalization step: rewrites the current clean text (with its offset map into the source)
/// in place. Steps only delete scalars or replace one scalar by one scalar, so `origin` stays
/// exact; every deletion of content is recorded in the context. A step with nothing to do leaves
/// `text` untouched (no copy), which is the common case for most steps and documents.
protocol NormalizeStep: Sendable {
  /// Stable id, used as the `rule` of layout removals and in stats keys.
  static var id: String { get }
  func apply(_ text: inout CleanText, _ ctx: inout NormalizeContext) throws(StageFailure)
}

/// What the steps of one document share: the source, removals, stats, warnings.
struct NormalizeContext {
  let source: [Unicode.Scalar]
  let recordLayout: Bool
  var removed: [Removal] = []
  var stats: [String: Int] = [:]
  var warnings: [DocumentWarning] = []

  init(source: [Unicode.Scalar], recordLayout: Bool) {
    self.source = source
    self.recordLayout = recordLayout
  }

  mutating func count(_ key: String, _ n: Int = 1) {
    if n != 0 { stats[key, default: 0] += n }
  }

  /// Records the removal of clean range `r` of `text` (source span and source text).
  /// Layout removals (whitespace, line breaks) are listed only when the rules ask for them.
  mutating func recordRemoval(_ r: Range<Int>, of text: CleanText, reason: String, rule: String?, layout: Bool) {
    guard !r.isEmpty, !(layout && !recordLayout) else { return }
    let span = text.sourceSpan(of: r)
    let lo = max(0, min(span.start, source.count)), hi = max(lo, min(span.end, source.count))
    removed.append(Removal(span: Span(start: lo, end: hi), reason: reason, stage: "normalize", rule: rule,
                           text: String(scalars: source[lo..<hi])))
  }
}

/// The deletions of one step, collected in ascending order while the step reads the text, then
/// applied in one pass (`apply(to:_:)`) that moves the kept stretches down in place with
/// `memmove`, instead of appending every kept scalar and origin to new arrays.
///
/// Removals are recorded as the old `TextBuilder` did: adjacent deletions with the same reason and
/// rule become one removal, recorded when the next non-adjacent deletion (or the end) comes. The
/// text is not changed before `apply`, so the recorded source spans read the step's input origins.
struct Deletions {
  /// Deleted ranges, ascending and disjoint (touching ranges are merged).
  private(set) var ranges: [Range<Int>] = []
  /// Number of deleted scalars.
  private(set) var deleted = 0
  private var pending: (range: Range<Int>, reason: String, rule: String?, layout: Bool)? = nil

  /// Deletes `r`, which must start at or after the end of every range deleted before.
  mutating func delete(_ r: Range<Int>, of text: CleanText, reason: String, rule: String?, layout: Bool,
                       _ ctx: inout NormalizeContext) {
    guard !r.isEmpty else { return }
    deleted += r.count
    if let last = ranges.last, last.upperBound == r.lowerBound {
      ranges[ranges.count - 1] = last.lowerBound..<r.upperBound
    } else {
      ranges.append(r)
    }
    if let p = pending, p.range.upperBound == r.lowerBound, p.reason == reason, p.rule == rule {
      pending = (p.range.lowerBound..<r.upperBound, reason, rule, layout)
      return
    }
    flush(text, &ctx)
    pending = (r, reason, rule, layout)
  }

  private mutating func flush(_ text: CleanText, _ ctx: inout NormalizeContext) {
    if let p = pending { ctx.recordRemoval(p.range, of: text, reason: p.reason, rule: p.rule, layout: p.layout) }
    pending = nil
  }

  /// Records the last removal and removes the deleted ranges from `text` (scalars and origins).
  mutating func apply(to text: inout CleanText, _ ctx: inout NormalizeContext) {
    flush(text, &ctx)
    text.remove(sortedRanges: ranges)
  }
}

extension CleanText {
  /// Removes `ranges` (ascending, disjoint, in bounds) in place: each kept stretch is moved down
  /// once. Origins of kept scalars are preserved, as `removing(_:)` does.
  mutating func remove(sortedRanges ranges: [Range<Int>]) {
    guard let first = ranges.first else { return }
    var s = scalars, o = origin
    scalars = []  // s and o are now the only references: mutated without a copy
    origin = []
    let n = s.count
    var w = first.lowerBound
    s.withUnsafeMutableBufferPointer { sb in
      o.withUnsafeMutableBufferPointer { ob in
        let sp = UnsafeMutableRawPointer(sb.baseAddress!), op = UnsafeMutableRawPointer(ob.baseAddress!)
        let ss = MemoryLayout<Unicode.Scalar>.stride, os = MemoryLayout<Int>.stride
        for k in ranges.indices {
          let from = ranges[k].upperBound
          let to = k + 1 < ranges.count ? ranges[k + 1].lowerBound : n
          let len = to - from
          if len > 0 {
            (sp + w * ss).copyMemory(from: sp + from * ss, byteCount: len * ss)
            (op + w * os).copyMemory(from: op + from * os, byteCount: len * os)
          }
          w += len
        }
      }
    }
    s.removeLast(n - w)
    o.removeLast(n - w)
    scalars = s
    origin = o
  }
}

/// Membership of Unicode scalars as a bitmap over the BMP (plus a set for the rest): one load and
/// a mask per test, whatever the size of the set. `ScalarSet` searches small sets linearly, which
/// costs more in the per-scalar loops of the steps.
struct ScalarBits: Sendable {
  private var words = [UInt64](repeating: 0, count: 1024)
  private var astral: Set<UInt32> = []

  init(_ members: some Sequence<UInt32>) {
    for v in members { insert(v) }
  }

  init(_ sets: ScalarSet...) {
    for set in sets { for v in set.members { insert(v) } }
  }

  mutating func insert(_ v: UInt32) {
    if v < 0x10000 { words[Int(v >> 6)] |= 1 << UInt64(v & 63) } else { astral.insert(v) }
  }

  @inline(__always) func contains(_ v: UInt32) -> Bool {
    if v < 0x10000 { return words.withUnsafeBufferPointer { $0[Int(v >> 6)] } & (1 << UInt64(v & 63)) != 0 }
    return !astral.isEmpty && astral.contains(v)
  }

  @inline(__always) func contains(_ s: Unicode.Scalar) -> Bool { contains(s.value) }

  /// The indices of `buf` whose scalar is in the set and for which `keep` holds, ascending: the
  /// same as testing `contains` at each index, with the bitmap read through one pointer for the
  /// whole loop.
  @inline(__always)
  func indices(in buf: UnsafeBufferPointer<Unicode.Scalar>, where keep: (Int) -> Bool) -> [Int] {
    var out: [Int] = []
    forEachIndex(in: buf) { p in if keep(p) { out.append(p) } }
    return out
  }

  /// Calls `body` with each index of `buf` whose scalar is in the set, ascending.
  @inline(__always)
  func forEachIndex(in buf: UnsafeBufferPointer<Unicode.Scalar>, _ body: (Int) -> Void) {
    let noAstral = astral.isEmpty
    words.withUnsafeBufferPointer { w in
      let n = buf.count
      var p = 0
      while p < n {
        let v = buf[p].value
        let hit = v < 0x10000 ? w[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 : !noAstral && astral.contains(v)
        if hit { body(p) }
        p &+= 1
      }
    }
  }

  /// Adds the members of `other`.
  mutating func formUnion(_ other: ScalarBits) {
    for i in 0..<words.count { words[i] |= other.words[i] }
    astral.formUnion(other.astral)
  }
}

/// Character classes used by several steps.
enum CharClass {
  @inline(__always) static func isHan(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
      || (0x20000...0x3FFFF).contains(v) || v == 0x3007
  }

  /// Chinese punctuation: CJK symbols, full-width forms, curly quotes, dashes, ellipsis.
  @inline(__always) static func isCJKPunct(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (0x3001...0x303F).contains(v) && v != 0x3007 || (0xFF01...0xFF0F).contains(v)
      || (0xFF1A...0xFF20).contains(v) || (0xFF3B...0xFF40).contains(v) || (0xFF5B...0xFF65).contains(v)
      || (0x2018...0x201F).contains(v) || v == 0x2014 || v == 0x2026 || v == 0x00B7 || (0xFE30...0xFE4F).contains(v)
  }

  @inline(__always) static func isCJK(_ s: Unicode.Scalar) -> Bool { isHan(s) || isCJKPunct(s) }

  @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { (0x30...0x39).contains(s.value) }

  @inline(__always) static func isASCIIAlnum(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
  }

  @inline(__always) static func isLatinLetter(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0xC0...0x24F).contains(v) && v != 0xD7 && v != 0xF7
  }

  static let newline: Unicode.Scalar = "\n"
  static let space: Unicode.Scalar = " "
}

/// Does the line hold only one of the `line_join.table_header` words (spaces aside), the first cell of a
/// table flattened to text? (Read the same way by line_join, which joins nothing from there on, and by
/// cjk_spacing, which keeps the spaces between names in its cells.)
func isTableHeaderLine(_ line: ArraySlice<Unicode.Scalar>, words: [[Unicode.Scalar]]) -> Bool {
  // (the longest word found without `words.map(\.count)`, an array per line of the text)
  var longest = -1
  for w in words where w.count > longest { longest = w.count }
  guard longest >= 0, line.count <= 2 * longest + 8 else { return false }
  let content = line.lazy.filter { $0 != CharClass.space }
  return words.contains { $0.elementsEqual(content) }
}

/// The two lines hold only a `table_header` word between them, wrapped after its start (`序` / `号`; spaces aside).
func isWrappedTableHeader(_ line: ArraySlice<Unicode.Scalar>, _ next: ArraySlice<Unicode.Scalar>, words: [[Unicode.Scalar]]) -> Bool {
  guard line.count <= 4, next.count <= 16 else { return false }
  let first = line.filter { $0 != CharClass.space }
  guard !first.isEmpty else { return false }
  let rest = next.filter { $0 != CharClass.space }
  return words.contains { $0.count == first.count + rest.count && $0.starts(with: first) && $0[first.count...].elementsEqual(rest) }
}

/// Line boundaries of a scalar array: `(start, end)` with `end` at the `\n` (or the text end).
func lineRanges(_ s: [Unicode.Scalar]) -> [Range<Int>] {
  var out: [Range<Int>] = []
  var start = 0
  for i in 0..<s.count where s[i] == CharClass.newline {
    out.append(start..<i)
    start = i + 1
  }
  out.append(start..<s.count)
  return out
}
