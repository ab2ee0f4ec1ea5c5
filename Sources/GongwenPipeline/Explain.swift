import GongwenCore

/// Renders a notice's decoded source text with every removed span marked, for `--explain`, then
/// lists the removals and the moves (Dedup's `reordered_units`: text kept but put back in order).
public enum Explainer {
  public static func render(source: String, removed: [Removal], moves: [DocumentWarning] = [], color: Bool) -> String {
    let scalars = [Unicode.Scalar](scalarsOf: source)
    let spans = removed.sorted { $0.span < $1.span }
    var out = String.UnicodeScalarView()
    var pos = 0
    func append(_ s: String) { out.append(contentsOf: s.unicodeScalars) }
    for (i, r) in spans.enumerated() {
      let lo = max(pos, min(r.span.start, scalars.count)), hi = max(lo, min(r.span.end, scalars.count))
      if pos < lo { out.append(contentsOf: scalars[pos..<lo]) }
      if lo < hi {
        let tag = "#\(i + 1) \(r.reason)" + (r.duplicates.map { " of \($0.start)..<\($0.end)" } ?? "")
        if color {
          append("\u{1B}[2;9;31m")
          out.append(contentsOf: scalars[lo..<hi])
          append("\u{1B}[0m\u{1B}[33m⟦\(tag)⟧\u{1B}[0m")
        } else {
          append("[-")
          out.append(contentsOf: scalars[lo..<hi])
          append("-]{\(tag)}")
        }
      }
      pos = max(pos, hi)
    }
    if pos < scalars.count { out.append(contentsOf: scalars[pos...]) }
    var summary = "\n\n--- \(removed.count) removal(s) ---\n"
    for (i, r) in spans.enumerated() {
      summary += "#\(i + 1) \(r.stage)/\(r.reason) source \(r.span.start)..<\(r.span.end)"
      if let d = r.duplicates { summary += " duplicates \(d.start)..<\(d.end)" }
      if let rule = r.rule { summary += " rule \(rule)" }
      summary += "\n"
    }
    if !moves.isEmpty {
      summary += "--- \(moves.count) move(s): text kept, put back in order ---\n"
      for (i, m) in moves.enumerated() {
        summary += "M\(i + 1) \(m.stage)/\(m.code)"
        if let sp = m.span { summary += " source \(sp.start)..<\(sp.end)" }
        summary += ": \(m.message)\n"
      }
    }
    return String(out) + summary
  }
}
