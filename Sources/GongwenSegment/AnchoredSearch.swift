import GongwenCore

/// Finds the leftmost match of a rule pattern at or after a position — what ICU's `find` returns —
/// by asking ICU only at positions where a match can start, judged from the text near a selective
/// part of the pattern (the anchor).
///
/// `metadata.doc_number` starts with `[\p{Han}]{1,12}`: ICU's `find` tried every Han character of
/// the preamble, each time running up to twelve characters ahead and back, and that was the costliest
/// part of reading the metadata. Every match of it has, one to twelve characters after its start, a
/// bracket followed by a space or digit (`〔2`); such places are rare, and only the starts up to
/// twelve characters before one are worth trying.
///
/// Derived from the pattern (`MatchPrefix` reads it): its top-level sequence of items, each with
/// the shortest and longest text it can match; the anchor is the item from which on the rest of
/// the pattern has the smallest first-character set, among the items before which the pattern can
/// match only a bounded number of characters (`minLead…maxLead`). A match starting at `q` puts the
/// anchor at some `r` with `r - q` in `minLead…maxLead`, and the text at `r` fits the rest's
/// prefix paths. Scanning anchors `r` left to right and trying the untried starts of each window
/// `r - maxLead … r - minLead` in order tries every possible start in increasing order, so the
/// first match found is the leftmost one, and each start is tried at most once. (ICU's time limit
/// now counts per start tried rather than per `find`.)
final class AnchoredSearch: @unchecked Sendable {
  /// One branch: what the text at the anchor looks like.
  let anchor: ScanDispatch
  /// One branch: what the text at a match start looks like (nil: no filter).
  let start: ScanDispatch?
  let minLead: Int
  let maxLead: Int

  /// nil when the pattern is beyond the analysis (then use ICU's `find`). Only for patterns
  /// compiled without options that change what a character matches (case-insensitive, comments).
  init?(pattern: String) {
    let scalars = Array(pattern.unicodeScalars)
    var items: [MatchPrefix.Item]
    var p = MatchPrefix.Parser(scalars)
    if let a = p.atoms(), p.i == scalars.count {
      items = a
    } else {
      var q = MatchPrefix.Parser(scalars)
      guard let whole = q.alternation(), q.i == scalars.count else { return nil }
      items = [whole]
    }
    var best: (size: Int, first: CharSet, rest: [MatchPrefix.Path], min: Int, max: Int)? = nil
    var leadMin = 0
    var leadMax: Int? = 0
    for j in items.indices {
      guard let lm = leadMax else { break }
      let rest = MatchPrefix.Parser.joined(items[j...]).paths
      if !rest.isEmpty, rest.allSatisfy({ !$0.sets.isEmpty }) {
        let first = rest.reduce(CharSet()) { $0.union($1.sets[0]) }
        let size = first.count
        if best.map({ size < $0.size }) ?? true { best = (size, first, rest, leadMin, lm) }
      }
      leadMin += items[j].min
      leadMax = items[j].max.map { lm + $0 }
    }
    guard let best, let anchor = ScanDispatch(firstSets: [best.first], prefixes: [MatchPrefix(paths: best.rest)])
    else { return nil }
    self.anchor = anchor
    self.minLead = best.min
    self.maxLead = best.max
    if let whole = MatchPrefix.of(pattern), whole.paths.allSatisfy({ !$0.sets.isEmpty }) {
      let first = whole.paths.reduce(CharSet()) { $0.union($1.sets[0]) }
      start = ScanDispatch(firstSets: [first], prefixes: [whole])
    } else {
      start = nil
    }
  }

  /// The first match `lookingAt` finds at a start in `from..<s.count`, trying starts in increasing
  /// order and only where a match is possible (see the type's comment).
  func find<M>(in s: UnsafeBufferPointer<Unicode.Scalar>, from: Int,
               _ lookingAt: (Int) throws(StageFailure) -> M?) throws(StageFailure) -> M? {
    let n = s.count
    var tried = max(0, from)  // every start before this one was tried, or is before `from`
    var r = tried + minLead
    while r < n {
      if anchor.canStart(0, s, at: r) {
        let hi = r - minLead
        var q = max(tried, r - maxLead)
        while q <= hi {
          if start?.canStart(0, s, at: q) ?? true, let m = try lookingAt(q) { return m }
          q += 1
        }
        tried = max(tried, hi + 1)
      }
      r += 1
    }
    return nil
  }
}

extension ScanDispatch {
  /// Branch `k` starts with the character at `p` and its prefix fits the text there.
  @inline(__always) func canStart(_ k: Int32, _ s: UnsafeBufferPointer<Unicode.Scalar>, at p: Int) -> Bool {
    let c = classOf(s[p])
    guard c != 0, branches(ofClass: c).contains(k) else { return false }
    return allows(Int(k), s, at: p)
  }
}
