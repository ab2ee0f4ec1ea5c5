/// Readable differences between an expected and a produced notice, task by task.
public enum NoticeDiff {
  /// One line per difference; empty when the two agree.
  public static func lines(expected e: ExpectedNotice, actual a: ExpectedNotice,
                           canonical: (String) -> String = { $0 }) -> [String] {
    var out: [String] = []
    let ed = e.document, ad = a.document
    func meta(_ name: String, _ x: String?, _ y: String?) {
      if x != y { out.append("  document.\(name): expected \(show(x)), got \(show(y))") }
    }
    meta("title", ed.title, ad.title)
    meta("doc_number", ed.docNumber, ad.docNumber)
    meta("issuer", ed.issuer, ad.issuer)
    meta("date", ed.date, ad.date)
    meta("published", ed.published, ad.published)
    if ed.recipients != ad.recipients {
      out.append("  document.recipients: expected \(ed.recipients), got \(ad.recipients)")
    }
    if ed.attachments != ad.attachments {
      out.append("  document.attachments: expected \(ed.attachments), got \(ad.attachments)")
    }
    if ed.forwarded != ad.forwarded {
      out.append("  document.forwarded: expected \(String(describing: ed.forwarded)), got \(String(describing: ad.forwarded))")
    }
    let expectedPaths = e.tasks.map(\.path), actualPaths = a.tasks.map(\.path)
    let eSet = Set(expectedPaths), aSet = Set(actualPaths)
    var actualByPath: [[Int]: ExpectedTask] = [:]
    for t in a.tasks where actualByPath[t.path] == nil { actualByPath[t.path] = t }
    for t in e.tasks {
      let label = "task \(pathText(t.path)) \(t.markers.joined())"
      guard let g = actualByPath[t.path] else {
        out.append("- \(label) missing (expected heading \(show(t.heading)), departments \(t.departments))")
        continue
      }
      if g.markers != t.markers { out.append("  \(label): markers expected \(t.markers), got \(g.markers)") }
      if g.heading != t.heading { out.append("  \(label): heading expected \(show(t.heading)), got \(show(g.heading))") }
      func roleDiff(_ name: String, _ x: [String], _ y: [String]) {
        if x.map(canonical) != y.map(canonical) { out.append("  \(label): \(name) expected \(x), got \(y)") }
      }
      roleDiff("departments", t.departments, g.departments)
      roleDiff("lead", t.lead, g.lead)
      roleDiff("responsible", t.responsible, g.responsible)
      roleDiff("participating", t.participating, g.participating)
    }
    for t in a.tasks where !eSet.contains(t.path) {
      out.append("+ task \(pathText(t.path)) \(t.markers.joined()) unexpected (heading \(show(t.heading)), departments \(t.departments))")
    }
    if eSet == aSet && expectedPaths != actualPaths {
      out.append("  task order differs: expected \(expectedPaths.map(pathText)), got \(actualPaths.map(pathText))")
    }
    return out
  }

  static func pathText(_ p: [Int]) -> String { p.map(String.init).joined(separator: ".") }
  static func show(_ s: String?) -> String { s.map { "\"\($0)\"" } ?? "null" }
}
