import GongwenCore

/// One normalization step: takes the current clean text (with its offset map into the source)
/// and returns the next one. Steps only delete scalars or replace one scalar by one scalar, so
/// `origin` stays exact; every deletion of content is recorded in the context.
protocol NormalizeStep: Sendable {
  /// Stable id, used as the `rule` of layout removals and in stats keys.
  static var id: String { get }
  func apply(_ text: CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) -> CleanText
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
                           text: String(String.UnicodeScalarView(source[lo..<hi]))))
  }
}

/// Builds the next `CleanText` scalar by scalar, keeping origins, and coalesces deleted runs
/// into removals.
struct TextBuilder {
  var scalars: [Unicode.Scalar] = []
  var origin: [Int] = []
  private var pending: (range: Range<Int>, reason: String, rule: String?, layout: Bool)? = nil

  init(capacity: Int) {
    scalars.reserveCapacity(capacity)
    origin.reserveCapacity(capacity)
  }

  @inline(__always) mutating func keep(_ text: CleanText, _ i: Int) {
    scalars.append(text.scalars[i])
    origin.append(text.origin[i])
  }

  @inline(__always) mutating func replace(_ text: CleanText, _ i: Int, with s: Unicode.Scalar) {
    scalars.append(s)
    origin.append(text.origin[i])
  }

  /// Marks `i` deleted; adjacent deletions with the same reason become one removal.
  mutating func delete(_ i: Int, of text: CleanText, reason: String, rule: String?, layout: Bool,
                       ctx: inout NormalizeContext) {
    if let p = pending, p.range.upperBound == i, p.reason == reason, p.rule == rule {
      pending = (p.range.lowerBound..<(i + 1), reason, rule, layout)
      return
    }
    flush(text, &ctx)
    pending = (i..<(i + 1), reason, rule, layout)
  }

  mutating func flush(_ text: CleanText, _ ctx: inout NormalizeContext) {
    if let p = pending { ctx.recordRemoval(p.range, of: text, reason: p.reason, rule: p.rule, layout: p.layout) }
    pending = nil
  }

  mutating func finish(_ text: CleanText, _ ctx: inout NormalizeContext) -> CleanText {
    flush(text, &ctx)
    return CleanText(scalars: scalars, origin: origin, sourceLength: text.sourceLength)
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
