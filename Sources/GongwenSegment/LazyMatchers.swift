import GongwenCore
import ICUKit

/// A rule's matcher for one document, cloned and loaded with the text on first use.
final class LazyMatcher {
  let rule: RuleRegex
  let text: [Unicode.Scalar]
  /// Only `text[0..<limit]` is loaded (rules that look at the preamble only); nil = all of it.
  var limit: Int?
  /// Where matches can start, for `find` (nil: ICU searches every position).
  let search: AnchoredSearch?
  private var matcher: ICURegex?
  /// How much of `text` the matcher holds.
  private var loaded = 0

  init(_ rule: RuleRegex, _ text: [Unicode.Scalar], search: AnchoredSearch? = nil) {
    self.rule = rule
    self.text = text
    self.search = search
  }

  func get() throws(StageFailure) -> ICURegex {
    if let matcher { return matcher }
    let m = try rule.matcher()
    do {
      let hi = limit.map { max(0, min($0, text.count)) } ?? text.count
      try m.load(ICURegex.PreparedText(converting: hi == text.count ? text : Array(text[0..<hi])))
      loaded = hi
    } catch { throw rule.failure(error, stage: "segment") }
    matcher = m
    return m
  }

  /// The first match at or after `p` in the loaded text, as ICU's `find` returns it.
  func find(from p: Int) throws(StageFailure) -> ICURegex.Match? {
    let m = try get()
    guard let search else {
      do { return try m.find(from: p) } catch { throw rule.failure(error, stage: "segment") }
    }
    guard p <= loaded else { return nil }
    return try text.withUnsafeBufferPointer { (all) throws(StageFailure) -> ICURegex.Match? in
      try search.find(in: UnsafeBufferPointer(rebasing: all[0..<loaded]), from: p) { (q) throws(StageFailure) -> ICURegex.Match? in
        do throws(ICUError) { return try m.lookingAt(q) } catch { throw rule.failure(error, stage: "segment") }
      }
    }
  }
}

/// A rule's matcher run on short windows of the text (one line, one bracket group): loading a window
/// is far cheaper than loading the whole document for a handful of anchored matches.
final class WindowMatcher {
  let rule: RuleRegex
  let text: [Unicode.Scalar]
  private var matcher: ICURegex?

  init(_ rule: RuleRegex, _ text: [Unicode.Scalar]) {
    self.rule = rule
    self.text = text
  }

  /// Anchored match at the start of `window`; the range returned is in document offsets.
  func lookingAt(_ window: Range<Int>) throws(StageFailure) -> Range<Int>? {
    let lo = max(0, min(window.lowerBound, text.count)), hi = max(lo, min(window.upperBound, text.count))
    let m: ICURegex
    if let matcher { m = matcher } else {
      m = try rule.matcher()
      matcher = m
    }
    do {
      try m.load(ICURegex.PreparedText(converting: Array(text[lo..<hi])))
      guard let hit = try m.lookingAt(0) else { return nil }
      return (hit.range.lowerBound + lo)..<(hit.range.upperBound + lo)
    } catch { throw rule.failure(error, stage: "segment") }
  }
}

/// Runs `body` over `text[range]` as an `UnsafeBufferPointer`. ICUKit's `load` is generic over the
/// collection and not specialised across modules; iterating a buffer pointer there is about ten times
/// faster than iterating an Array (measured: ~11 ns vs ~150 ns per scalar), and loading is a large
/// part of segmenting a document.
@inline(__always)
func withScalars<R>(_ text: [Unicode.Scalar], _ range: Range<Int>,
                    _ body: (UnsafeBufferPointer<Unicode.Scalar>) throws(ICUError) -> R) throws(ICUError) -> R {
  try text.withUnsafeBufferPointer { (all) throws(ICUError) -> R in
    try body(UnsafeBufferPointer(rebasing: all[range]))
  }
}
