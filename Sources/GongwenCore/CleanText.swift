/// Text as a stage sees it: an array of Unicode scalars plus, for every scalar, its
/// offset in the decoded source text (the *offset map*).
///
/// Stages that delete or rewrite characters build a new `CleanText` whose `origin`
/// still points into the original source, so any span of the final text can be
/// shown in the original file. Offsets are Unicode-scalar offsets.
public struct CleanText: Sendable, Equatable {
  public var scalars: [Unicode.Scalar]
  /// `origin[i]` is the source offset of `scalars[i]`. Same count as `scalars`.
  public var origin: [Int]
  /// Length of the source text the origins refer to.
  public var sourceLength: Int

  public init(scalars: [Unicode.Scalar], origin: [Int], sourceLength: Int) {
    precondition(scalars.count == origin.count, "offset map must cover every scalar")
    self.scalars = scalars
    self.origin = origin
    self.sourceLength = sourceLength
  }

  /// The identity map over `source`.
  public init(source: String) {
    let s = [Unicode.Scalar](scalarsOf: source)
    self.init(scalars: s, origin: Array(0..<s.count), sourceLength: s.count)
  }

  public init(sourceScalars s: [Unicode.Scalar]) {
    self.init(scalars: s, origin: Array(0..<s.count), sourceLength: s.count)
  }

  public var count: Int { scalars.count }
  public var string: String { String(scalars: scalars) }

  public func string(_ r: Range<Int>) -> String {
    let lo = max(0, min(r.lowerBound, scalars.count)), hi = max(lo, min(r.upperBound, scalars.count))
    return String(scalars: scalars[lo..<hi])
  }

  /// The source span covered by clean range `r` (from the first scalar's origin to just past
  /// the last scalar's origin). Empty ranges map to an empty span at the next origin.
  public func sourceSpan(of r: Range<Int>) -> Span {
    guard !r.isEmpty, r.lowerBound < origin.count else {
      let at = r.lowerBound < origin.count ? origin[max(0, r.lowerBound)] : sourceLength
      return Span(start: at, end: at)
    }
    let hi = min(r.upperBound, origin.count)
    return Span(start: origin[r.lowerBound], end: origin[hi - 1] + 1)
  }

  /// Keeps only the scalars whose index is not inside any of `ranges` (sorted or not).
  /// Origins of kept scalars are preserved, so the offset map composes.
  public func removing(_ ranges: [Range<Int>]) -> CleanText {
    if ranges.isEmpty { return self }
    // The ranges (clamped, in any order, possibly overlapping) sorted; the kept stretches between
    // them are copied in bulk.
    let n = scalars.count
    let sorted = ranges.compactMap { r -> Range<Int>? in
      let lo = max(0, r.lowerBound), hi = min(n, r.upperBound)
      return lo < hi ? lo..<hi : nil
    }.sorted { $0.lowerBound < $1.lowerBound }
    var s: [Unicode.Scalar] = []
    var o: [Int] = []
    s.reserveCapacity(n)
    o.reserveCapacity(n)
    var at = 0
    for r in sorted {
      if r.lowerBound > at {
        s.append(contentsOf: scalars[at..<r.lowerBound])
        o.append(contentsOf: origin[at..<r.lowerBound])
      }
      at = max(at, r.upperBound)
    }
    if at < n {
      s.append(contentsOf: scalars[at..<n])
      o.append(contentsOf: origin[at..<n])
    }
    return CleanText(scalars: s, origin: o, sourceLength: sourceLength)
  }
}
