extension AttributeRules {
  /// The canonical form of one department name on its own (no list context): a jurisdiction
  /// prefix is kept and the rest resolved through the alias lexicon (`省人社厅` →
  /// `省人力资源和社会保障厅`). Used to compare names, e.g. by `gongwen eval`.
  public func canonicalName(_ name: String) -> String {
    for p in jurisdictionPrefixes where name.hasPrefix(p) {
      let rest = String(name.dropFirst(p.count))
      if let c = lexicon[rest] { return p + c }
    }
    return lexicon[name] ?? name
  }
}
