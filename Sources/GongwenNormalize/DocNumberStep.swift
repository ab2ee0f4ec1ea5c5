import GongwenCore
import ICUKit

/// 发文字号 brackets: `X发[2011]18号`, `(2011)`, `［2011］`, `【2011】` → `〔2011〕`. The pattern's
/// named groups `open` and `close` say which scalars to rewrite (one for one).
///
/// The pattern is only tried at the characters its match can start with (the brackets of the
/// `open` group, read from the pattern), and not at all in a text without one.
struct DocNumberStep: NormalizeStep {
  static let id = "doc_number"
  let rule: StartFilteredRegex
  let open: Unicode.Scalar
  let close: Unicode.Scalar

  init(rule: RuleRegex, open: Unicode.Scalar, close: Unicode.Scalar) {
    self.rule = StartFilteredRegex(rule)
    self.open = open
    self.close = close
  }

  func apply(_ text: inout CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) {
    // the positions a match can start at, found once (a text without any has no match, and
    // nothing to count)
    let candidates = rule.candidates(text.scalars)
    if let candidates, candidates.isEmpty { return }
    let m = try rule.rule.matcher()
    guard let og = m.groupNumber(named: "open"), let cg = m.groupNumber(named: "close") else { return }
    let matches: [ICUMatch]
    var prepared: ICURegex.PreparedText? = nil
    do { matches = try rule.matches(m, in: text.scalars, at: candidates, prepared: &prepared) } catch {
      throw rule.rule.failure(error, stage: "normalize")
    }
    var fixed = 0
    for match in matches {
      for (g, s) in [(og, open), (cg, close)] {
        guard g - 1 < match.groups.count, let r = match.groups[g - 1], r.count == 1 else { continue }
        if text.scalars[r.lowerBound] != s {
          text.scalars[r.lowerBound] = s
          fixed += 1
        }
      }
    }
    ctx.count("doc_number_brackets", fixed)
  }
}

typealias ICUMatch = ICURegex.Match
