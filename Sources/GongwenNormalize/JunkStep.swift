import GongwenCore
import ICUKit

/// Removes website navigation, Word artefacts, page furniture and similar junk matched by the
/// `junk` patterns in the rules. Each match becomes a `junk` removal naming its rule id. A rule
/// with `needles` is only tried when one of them occurs in the text.
struct JunkStep: NormalizeStep {
  static let id = "junk"
  let rules: [NormalizeRules.JunkRule]

  func apply(_ text: CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) -> CleanText {
    var hits: [(range: Range<Int>, rule: String)] = []
    var prepared: ICURegex.PreparedText? = nil  // converted to UTF-16 once, for all rules
    for junk in rules {
      if !junk.needles.isEmpty, !junk.needles.contains(where: { contains(text.scalars[...], $0) }) { continue }
      let rule = junk.regex
      let m = try rule.matcher()
      do {
        let p = prepared ?? ICURegex.PreparedText(text.scalars)
        prepared = p
        for match in try m.matches(in: p) where !match.range.isEmpty {
          hits.append((match.range, rule.id))
        }
      } catch {
        throw rule.failure(error, stage: "normalize")
      }
    }
    if hits.isEmpty { return text }
    // earliest first; a hit overlapping an earlier one is merged into it (first rule's id kept)
    hits.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
    var merged: [(range: Range<Int>, rule: String)] = []
    for h in hits {
      if let last = merged.last, h.range.lowerBound < last.range.upperBound {
        merged[merged.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, h.range.upperBound)
      } else {
        merged.append(h)
      }
    }
    for h in merged {
      ctx.recordRemoval(h.range, of: text, reason: "junk", rule: h.rule, layout: false)
    }
    ctx.count("junk_removed", merged.count)
    return text.removing(merged.map(\.range))
  }
}
