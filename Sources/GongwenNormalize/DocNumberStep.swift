import GongwenCore
import ICUKit

/// 发文字号 brackets: `X发[2011]18号`, `(2011)`, `［2011］`, `【2011】` → `〔2011〕`. The pattern's
/// named groups `open` and `close` say which scalars to rewrite (one for one).
struct DocNumberStep: NormalizeStep {
  static let id = "doc_number"
  let rule: RuleRegex
  let open: Unicode.Scalar
  let close: Unicode.Scalar

  func apply(_ text: CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) -> CleanText {
    let m = try rule.matcher()
    guard let og = m.groupNumber(named: "open"), let cg = m.groupNumber(named: "close") else { return text }
    let matches: [ICUMatch]
    do { matches = try m.matches(in: ICURegex.PreparedText(text.scalars)) } catch { throw rule.failure(error, stage: "normalize") }
    var out = text
    var fixed = 0
    for match in matches {
      for (g, s) in [(og, open), (cg, close)] {
        guard g - 1 < match.groups.count, let r = match.groups[g - 1], r.count == 1 else { continue }
        if out.scalars[r.lowerBound] != s {
          out.scalars[r.lowerBound] = s
          fixed += 1
        }
      }
    }
    ctx.count("doc_number_brackets", fixed)
    return out
  }
}

typealias ICUMatch = ICURegex.Match
