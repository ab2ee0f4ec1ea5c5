/// `text` with ASCII round brackets folded to full width (（）), the form Normalize writes in Chinese
/// text. Used where a name or title copied from a raw page is compared with Gongwen's output
/// (`gongwen eval`: a key may hold `县发改局(粮食局)` where the clean text has `县发改局（粮食局）`).
public func foldBrackets(_ text: String) -> String {
  var out = String.UnicodeScalarView()
  for c in text.unicodeScalars {
    switch c {
    case "(": out.append("（")
    case ")": out.append("）")
    default: out.append(c)
    }
  }
  return String(out)
}
