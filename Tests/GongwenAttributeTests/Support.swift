import GongwenAttribute
import GongwenCore
import GongwenRules
import GongwenTestSupport

/// The bundled attribute rules.
let bundled: AttributeRules = TestSupport.rules.attribute

/// One unit to put into a hand-built outline.
struct U {
  var marker: String
  var path: [Int]
  var body: String
  /// The unit's heading, as Segment would give it (nil: none).
  var heading: String?
  init(_ marker: String, _ path: [Int], _ body: String, heading: String? = nil) {
    self.marker = marker
    self.path = path
    self.body = body
    self.heading = heading
  }
}

/// Builds clean text and an `Outline` from units laid out one paragraph each (joined by `\n`),
/// with ranges computed the way Segment defines them: ownRange from the marker to the next
/// unit, bodyRange after the marker, trimmed.
func makeOutline(_ units: [U], preamble: String = "", trailer: String = "") -> (Outline, CleanText) {
  var scalars: [Unicode.Scalar] = Array(preamble.unicodeScalars)
  var clauses: [ClauseUnit] = []
  var markers: [[String]] = []
  for (i, u) in units.enumerated() {
    if !scalars.isEmpty && scalars.last != "\n" { scalars.append("\n") }
    let m0 = scalars.count
    scalars += u.marker.unicodeScalars
    let m1 = scalars.count
    scalars += u.body.unicodeScalars
    let end = scalars.count
    var ms = (i > 0 ? markers[i - 1] : [])
    ms = Array(ms.prefix(u.path.count - 1)) + [u.marker]
    markers.append(ms)
    clauses.append(ClauseUnit(path: u.path, markers: ms, schemes: [], markerRange: m0..<m1, ownRange: m0..<end,
                              bodyRange: m1..<end, heading: u.heading))
  }
  if !trailer.isEmpty {
    scalars.append("\n")
    scalars += trailer.unicodeScalars
    // the last unit runs on to the end of the text
    if var last = clauses.popLast() {
      last.ownRange = last.ownRange.lowerBound..<scalars.count
      last.bodyRange = last.bodyRange.lowerBound..<scalars.count
      clauses.append(last)
    }
  }
  // ownRange runs to the next unit's marker (past the paragraph break)
  for i in clauses.indices where i + 1 < clauses.count {
    clauses[i].ownRange = clauses[i].ownRange.lowerBound..<clauses[i + 1].markerRange.lowerBound
  }
  return (Outline(metadata: NoticeMetadata(), units: clauses), CleanText(sourceScalars: scalars))
}

/// Attributes a single unit `1.` + body.
func attribution(_ body: String, rules: AttributeRules = bundled) throws -> Attribution? {
  let (o, t) = makeOutline([U("1.", [1], body)])
  return try Attributor(rules: rules).attribute(o, text: t).attributions[0]
}

func run(_ units: [U], preamble: String = "", trailer: String = "") throws -> (AttributedOutline, CleanText) {
  let (o, t) = makeOutline(units, preamble: preamble, trailer: trailer)
  return (try Attributor(rules: bundled).attribute(o, text: t), t)
}

/// The five roles of an attribution, for compact expectations.
struct Roles: Equatable, CustomStringConvertible {
  var raw: [String]
  var departments: [String]
  var lead: [String]
  var responsible: [String]
  var participating: [String]
  init(raw: [String], departments: [String], lead: [String] = [], responsible: [String] = [],
       participating: [String] = []) {
    self.raw = raw
    self.departments = departments
    self.lead = lead
    self.responsible = responsible
    self.participating = participating
  }
  init(_ a: Attribution) {
    self.init(raw: a.departmentsRaw, departments: a.departments, lead: a.lead, responsible: a.responsible,
              participating: a.participating)
  }
  var description: String {
    "raw=\(raw) departments=\(departments) lead=\(lead) responsible=\(responsible) participating=\(participating)"
  }
}

/// Attributes one table row (`number` + `lines`) under the header Segment would have found.
func tableRow(_ lines: [String], columns: [String], taskColumn: Int = 0, number: String = "80") throws -> Attribution? {
  let (o, t) = makeOutline([U(number, [Int(number) ?? 1], "\n" + lines.joined(separator: "\n"))])
  var outline = o
  outline.units[0].table = TableHeader(columns: columns, taskColumn: taskColumn)
  outline.units[0].bodyRange = (outline.units[0].bodyRange.lowerBound + 1)..<outline.units[0].bodyRange.upperBound
  return try Attributor(rules: bundled).attribute(outline, text: t).attributions[0]
}
