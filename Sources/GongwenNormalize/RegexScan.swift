import GongwenCore
import ICUKit

/// A rule regex together with the characters its matches can start with (`PatternStarts`, read
/// from the pattern when the rules are loaded), so that ICU is only asked where a match can begin.
struct StartFilteredRegex: Sendable {
  let rule: RuleRegex
  /// Every character a match can start with; nil when the pattern is beyond the analysis (then
  /// every position is tried, as before).
  let starts: ScalarBits?

  /// Per top-level alternative: first characters, second characters (of matches longer than one
  /// character) and whether it can match one character alone; nil when unknown.
  let alternatives: [(first: ScalarBits, second: ScalarBits, single: Bool, lineStart: Bool)]?

  init(_ rule: RuleRegex) {
    self.rule = rule
    starts = PatternStarts.of(rule.pattern).map { ScalarBits($0.members) }
    alternatives = starts == nil ? nil : PatternStarts.alternatives(of: rule.pattern)?.map {
      (ScalarBits($0.first), ScalarBits($0.second), $0.single, $0.lineStart)
    }
  }

  /// ICU's line terminators (`^` in multi-line mode matches after each of them).
  @inline(__always) static func isLineTerminator(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    return (v >= 0x0A && v <= 0x0D) || v == 0x85 || v == 0x2028 || v == 0x2029
  }

  /// Whether a match can start at `p` of `buf`, the matched text ending at or before `end`: some
  /// alternative can start with `buf[p]` and either match that one character alone or continue
  /// with `buf[p + 1]` (always true when the pattern is beyond the analysis).
  @inline(__always) func canStart(_ buf: UnsafeBufferPointer<Unicode.Scalar>, _ p: Int, _ end: Int) -> Bool {
    guard let starts else { return true }
    let c = buf[p]
    guard starts.contains(c) else { return false }
    return continues(buf, p, end)
  }

  /// `canStart` for a position whose scalar is known to be in `starts`.
  @inline(__always) func continues(_ buf: UnsafeBufferPointer<Unicode.Scalar>, _ p: Int, _ end: Int) -> Bool {
    guard let alternatives else { return true }
    let c = buf[p]
    let hasNext = p + 1 < end
    for a in alternatives where a.first.contains(c) {
      if a.lineStart, p > 0, !Self.isLineTerminator(buf[p - 1]) { continue }
      if a.single || hasNext && a.second.contains(buf[p + 1]) { return true }
    }
    return false
  }

  /// All non-overlapping matches of `m` (a matcher of this rule) in `s`, exactly as
  /// `m.matches(in: PreparedText(s))` finds them.
  ///
  /// ICU's `find` tries each position from left to right and reports the first where the pattern
  /// matches, which is what `lookingAt` at that position reports (both reset the matcher, so
  /// look-behind sees the text before the position). A match can only begin at a character in
  /// `starts`, so trying `lookingAt` at those positions alone, continuing after each match, yields
  /// the same matches; ICU itself cannot skip ahead for patterns that open with a look-behind (the
  /// 发文字号 pattern), and walked the whole document.
  func matches(_ m: ICURegex, in s: [Unicode.Scalar]) throws(ICUError) -> [ICURegex.Match] {
    var prepared: ICURegex.PreparedText? = nil
    return try matches(m, in: s, prepared: &prepared)
  }

  /// The same, with the text's UTF-16 form made once (`prepared`, when first needed) for several
  /// rules.
  func matches(_ m: ICURegex, in s: [Unicode.Scalar],
               prepared: inout ICURegex.PreparedText?) throws(ICUError) -> [ICURegex.Match] {
    try matches(m, in: s, at: candidates(s), prepared: &prepared)
  }

  /// The positions of `s` where a match can start (`canStart`), ascending; nil when the pattern is
  /// beyond the analysis (every position then).
  func candidates(_ s: [Unicode.Scalar]) -> [Int]? {
    guard let starts else { return nil }
    return s.withUnsafeBufferPointer { buf in
      let n = buf.count
      return starts.indices(in: buf) { continues(buf, $0, n) }
    }
  }

  /// `matches` trying only `candidates` (from `candidates(s)`; nil: every position).
  func matches(_ m: ICURegex, in s: [Unicode.Scalar], at candidates: [Int]?,
               prepared: inout ICURegex.PreparedText?) throws(ICUError) -> [ICURegex.Match] {
    guard let candidates else {
      let p = prepared ?? ICURegex.PreparedText(bufferOf: s)
      prepared = p
      return try m.matches(in: p)
    }
    guard !candidates.isEmpty else { return [] }
    let p = prepared ?? ICURegex.PreparedText(bufferOf: s)
    prepared = p
    try m.load(p)
    var out: [ICURegex.Match] = []
    var from = 0  // where the last match ended
    for p in candidates where p >= from {
      if let hit = try m.lookingAt(p) {
        out.append(hit)
        from = hit.range.isEmpty ? hit.range.upperBound + 1 : hit.range.upperBound
      }
    }
    return out
  }
}

/// Where a clause marker at the start of `line` ends, if one is there. Only the line's first
/// `markerWindow` scalars are handed to ICU (markers are short), so the cost does not grow with
/// the line; and ICU is not asked at all when the line's first two scalars cannot start a marker.
func markerEnd(_ marker: StartFilteredRegex, _ m: ICURegex, _ s: [Unicode.Scalar],
               _ line: Range<Int>) throws(ICUError) -> Int? {
  guard !line.isEmpty else { return nil }
  let end = min(line.upperBound, line.lowerBound + markerWindow)
  guard s.withUnsafeBufferPointer({ marker.canStart($0, line.lowerBound, end) }) else { return nil }
  guard let hit = try m.match(in: s[line.lowerBound..<end], at: 0), !hit.range.isEmpty else { return nil }
  return line.lowerBound + hit.range.upperBound
}

let markerWindow = 24
