import GongwenCore

// MARK: - parsed attribution

/// One department of an attribution, as parsed.
struct ParsedItem: Equatable {
  var raw: String
  /// The name canonicalisation starts from (raw, or raw plus a shared suffix).
  var name: String
  var roles: [AttributionRole]
  var canonical: String = ""
  /// `canonical` is inert (`ExactText`): compared by bytes.
  var canonicalInert = false
  /// A partner joined to the lead by a joiner that names it (A会同B: B): participating, whatever role
  /// word closes the list.
  var partner = false
  /// The first name after a label (`责任单位：A、B，配合单位：C`: C): a list of its own, which inherits no jurisdiction prefix from the
  /// names before it.
  var listStart = false
  /// The `item_marks` mark written before or after the name (`★区发改委`, `区农业农村委*`), if any: a lead where the notice
  /// declares that mark as the lead's (`marked_lead`).
  var mark: Unicode.Scalar? = nil
}

struct ParsedAttribution {
  var items: [ParsedItem]
  var unknown: [String]
  /// A label (责任单位：) or a role word (负责, 参与, …) was seen, not only a bare list of names.
  var hasRoleEvidence = false

  /// Adds `other`'s items after these, and its unknown names not yet listed.
  mutating func add(_ other: ParsedAttribution) {
    items += other.items
    for u in other.unknown where !unknown.contains(u) { unknown.append(u) }
  }
}

struct Found {
  var range: Range<Int>
  var parsed: ParsedAttribution
  /// Departments as the subject of the unit's first sentence (`leading`): kept in the task's text.
  var inSentence = false
  /// A line of its own with a `section_lead_ins` word (此项工作由…): perhaps the section's.
  var forSection = false
}

/// How a candidate was found; decides how much evidence is needed to accept it.
enum Shape { case bracketed, lostBracket, labelled }

/// A candidate's text and shape (the key of `parse`'s memo).
struct ParseKey: Hashable {
  let text: ScalarKey
  let shape: Shape

  private var combined: UInt64 {
    switch shape {
    case .bracketed: text.hash
    case .lostBracket: text.hash ^ 0x9e37_79b9_7f4a_7c15
    case .labelled: text.hash ^ 0x3c6e_f372_fe94_f82a
    }
  }

  func hash(into hasher: inout Hasher) { hasher.combine(combined) }
  func _rawHashValue(seed: Int) -> Int { bucketHash(combined, seed: seed) }
}
