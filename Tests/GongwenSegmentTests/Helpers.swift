import GongwenCore
import GongwenRules
import GongwenSegment
import GongwenTestSupport
import Testing

/// A small stand-in for the normaliser (written in parallel): full-width brackets and punctuation,
/// no U+3000 / tabs / NBSP, no blank lines, no spaces next to CJK characters.
func prenormalize(_ raw: String) -> String {
  var lines: [String] = []
  for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
    var out = String.UnicodeScalarView()
    let sc = Array(line.unicodeScalars)
    for (i, c) in sc.enumerated() {
      switch c {
      case "(": out.append("（")
      case ")": out.append("）")
      case ":": out.append("：")
      case ",": out.append("，")
      case ";": out.append("；")
      case "\u{3000}", "\t", "\u{A0}", "\r", "\u{FEFF}": break
      case " ":
        let prev = i > 0 ? sc[i - 1] : " "
        let next = i + 1 < sc.count ? sc[i + 1] : " "
        if isWide(prev) || isWide(next) || prev == " " || next == " " { break }
        out.append(c)
      default: out.append(c)
      }
    }
    let t = String(out).trimmingSpaces()
    if !t.isEmpty { lines.append(t) }
  }
  return lines.joined(separator: "\n")
}

private func isWide(_ c: Unicode.Scalar) -> Bool {
  (0x2E80...0x9FFF).contains(c.value) || (0xFF00...0xFFEF).contains(c.value) || c == "." || c == "．"
}

extension String {
  func trimmingSpaces() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " { s = s.dropFirst() }
    while let l = s.last, l == " " { s = s.dropLast() }
    return String(s)
  }
}

let segmenter = Segmenter(rules: TestSupport.rules.segment)

func outline(_ text: String, pageTitle: String? = nil, pagePublished: String? = nil) throws -> (Outline, CleanText) {
  let clean = CleanText(source: text)
  return (try segmenter.segment(clean, pageTitle: pageTitle, pagePublished: pagePublished), clean)
}

func seed(_ prefix: String) -> String { prenormalize(TestSupport.corpusNotice(prefix)) }

func pathString(_ p: [Int]) -> String { p.map(String.init).joined(separator: ".") }

func dump(_ o: Outline, _ c: CleanText) -> String {
  var out = "META \(o.metadata)\n"
  for u in o.units {
    out += "\(pathString(u.path)) \(u.markers.joined()) h=\(u.heading ?? "-") own=\(u.ownRange) body=\(c.string(u.bodyRange).prefix(20))…\(c.string(u.bodyRange).suffix(12))\n"
  }
  for w in o.warnings { out += "W \(w.code) \(w.message) \(w.span.map(\.description) ?? "")\n" }
  return out
}

/// Expected clause tree, written compactly: N(2, [N(1), N(2)]) is 二、 with （一）（二） under it.
struct N: Sendable {
  let n: Int
  let kids: [N]
  init(_ n: Int, _ kids: [N] = []) {
    self.n = n
    self.kids = kids
  }
}

func leaves(_ r: ClosedRange<Int>) -> [N] { r.map { N($0) } }

func flatten(_ nodes: [N], _ prefix: [Int] = []) -> [[Int]] {
  var out: [[Int]] = []
  for x in nodes {
    out.append(prefix + [x.n])
    out += flatten(x.kids, prefix + [x.n])
  }
  return out
}

/// Structural invariants every outline must satisfy.
func checkInvariants(_ o: Outline, _ c: CleanText, sourceLocation: SourceLocation = #_sourceLocation) {
  var seen: Set<[Int]> = []
  var previousEnd = 0
  for u in o.units {
    #expect(seen.insert(u.path).inserted, "duplicate path \(u.path)", sourceLocation: sourceLocation)
    #expect(u.markers.count == u.path.count && u.schemes.count == u.path.count, sourceLocation: sourceLocation)
    // the marker as written, or its scheme's canonical form of it (1、 → 1.)
    let canonical = segmenter.rules.schemes.first { $0.id == u.schemes.last }?.canonical?.marker(u.path.last ?? 0)
    // (a table's bare category number, `一`, is written as printed, as a row's number is)
    let written = c.string(u.markerRange)
    #expect((canonical ?? written) == u.markers.last || u.table != nil && written == u.markers.last, sourceLocation: sourceLocation)
    #expect(u.ownRange.lowerBound == u.markerRange.lowerBound, sourceLocation: sourceLocation)
    #expect(u.ownRange.upperBound >= u.markerRange.upperBound && u.ownRange.upperBound <= c.count, sourceLocation: sourceLocation)
    #expect(u.bodyRange.lowerBound >= u.markerRange.upperBound && u.bodyRange.upperBound <= u.ownRange.upperBound,
            sourceLocation: sourceLocation)
    #expect(u.ownRange.lowerBound >= previousEnd, "overlapping units at \(u.path)", sourceLocation: sourceLocation)
    previousEnd = u.ownRange.upperBound
  }
}
