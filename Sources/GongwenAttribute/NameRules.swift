/// The rule words that names are matched against (lexicon, prefixes, department suffixes), with
/// byte fast paths for inert names (see `ExactText`).
///
/// `departmentLike` and `canonicalize` look names up in the lexicon and test them against every
/// prefix and suffix; done with `String` (normalising hashes, grapheme-wise `hasPrefix`, `count`
/// and `dropFirst`) that cost tens of thousands of instructions per new name. When every rule word
/// is inert and so is the name, each `Character` is one scalar and canonical equivalence is byte
/// equality, so the same answers come from the UTF-8 bytes. Any other name (or rule word) takes
/// the `String` path, so results never differ.
struct NameRules {
  struct Affix {
    let text: String
    /// `text.count` (characters).
    let count: Int
    let utf8Count: Int
    let collective: Bool
  }

  let lexicon: [String: String]
  /// The lexicon by bytes; nil unless every rule word here is inert.
  let inertLexicon: [NameKey: String]?
  /// Collective prefixes, then jurisdiction prefixes (each longest first, as in the rules).
  let prefixes: [Affix]
  let suffixes: [Affix]
  /// `unprefixed_starts`: names starting with one have no jurisdiction prefix; their first characters.
  let unprefixed: [String]
  let unprefixedFirsts: Set<Unicode.Scalar>
  let unprefixedInert: Bool
  /// The first two characters of every lexicon name longer than two (交通, 环境, 旅游…): the field a
  /// department is named for, where a place name (湖北, 宝山) would stand in a body named by its place.
  let fieldStarts: Set<String>

  init(_ r: AttributeRules) {
    fieldStarts = Set(r.lexicon.values.compactMap { $0.count > 2 ? String($0.prefix(2)) : nil })
    unprefixed = r.unprefixedStarts
    unprefixedFirsts = Set(r.unprefixedStarts.compactMap(\.unicodeScalars.first))
    unprefixedInert = ExactText.allInert(r.unprefixedStarts)
    lexicon = r.lexicon
    func affix(_ s: String, collective: Bool) -> Affix {
      Affix(text: s, count: s.count, utf8Count: s.utf8.count, collective: collective)
    }
    prefixes = r.collectivePrefixes.map { affix($0, collective: true) } + r.jurisdictionPrefixes.map { affix($0, collective: false) }
    suffixes = r.departmentSuffixes.map { affix($0, collective: false) }
    let words = Array(r.lexicon.keys) + prefixes.map(\.text) + suffixes.map(\.text)
    if ExactText.allInert(words) {
      var byBytes: [NameKey: String] = [:]
      for (k, v) in r.lexicon { byBytes[NameKey(k)] = v }
      inertLexicon = byBytes
    } else {
      inertLexicon = nil
    }
  }

  /// Whether `name` starts with the first two characters of a lexicon name (`fieldStarts`).
  func startsWithField(_ name: String) -> Bool {
    name.count > 2 && fieldStarts.contains(String(name.prefix(2)))
  }

  /// Whether the fast paths apply to `name`.
  func fast(_ name: String) -> Bool { inertLexicon != nil && ExactText.isInert(name) }

  /// `lexicon[name]`; `fast` from `fast(name)`.
  func lookup(_ name: String, fast: Bool) -> String? {
    if fast, let inertLexicon { return inertLexicon[NameKey(name)] }
    return lexicon[name]
  }

  /// `name.hasPrefix(a.text) && name.count > a.count`.
  func startsLonger(_ name: String, _ a: Affix, fast: Bool) -> Bool {
    guard fast else { return name.hasPrefix(a.text) && name.count > a.count }
    return ExactText.withBytes(name) { x in
      ExactText.withBytes(a.text) { y in
        x.count > y.count && ExactText.sameBytes(UnsafeBufferPointer(rebasing: x[..<y.count]), y)
      }
    }
  }

  /// `name.hasSuffix(a.text) && name.count > a.count`.
  func endsLonger(_ name: String, _ a: Affix, fast: Bool) -> Bool {
    guard fast else { return name.hasSuffix(a.text) && name.count > a.count }
    return ExactText.withBytes(name) { x in
      ExactText.withBytes(a.text) { y in
        x.count > y.count && ExactText.sameBytes(UnsafeBufferPointer(rebasing: x[(x.count - y.count)...]), y)
      }
    }
  }

  /// `String(name.dropFirst(a.count))` for a name that starts with `a`.
  func dropping(_ a: Affix, from name: String, fast: Bool) -> String {
    guard fast else { return String(name.dropFirst(a.count)) }
    return ExactText.withBytes(name) { x in String(decoding: UnsafeBufferPointer(rebasing: x[a.utf8Count...]), as: UTF8.self) }
  }

  /// Every prefix `name` starts with (and is longer than), with the rest: collective prefixes
  /// first, then jurisdictions, sorted longest first (the same stable sort as always).
  func splitPrefix(_ name: String, fast: Bool) -> [(prefix: String, rest: String, collective: Bool)] {
    var out: [(Affix, String)] = []
    // (only a name starting with one of their first characters is looked at; byte prefixes on the fast path)
    let unprefixedName = !unprefixed.isEmpty && name.unicodeScalars.first.map { unprefixedFirsts.contains($0) } == true
      && unprefixed.contains { fast && unprefixedInert ? name.utf8.starts(with: $0.utf8) : name.hasPrefix($0) }
    for p in prefixes where (p.collective || !unprefixedName) && startsLonger(name, p, fast: fast) {
      out.append((p, dropping(p, from: name, fast: fast)))
    }
    return out.sorted { $0.0.count > $1.0.count }.map { ($0.0.text, $0.1, $0.0.collective) }
  }

  /// The longest department suffix `name` ends with (and is longer than), if any.
  func departmentSuffix(_ name: String, fast: Bool) -> String? {
    suffixes.filter { endsLonger(name, $0, fast: fast) }.max { $0.count < $1.count }?.text
  }

  /// A lexicon name, or ending in a department suffix with more before it.
  func endsLikeDepartment(_ name: String, fast: Bool) -> Bool {
    if lookup(name, fast: fast) != nil { return true }
    return suffixes.contains { endsLonger(name, $0, fast: fast) }
  }
}
