extension AttributeRules {
  /// The canonical form of one department name on its own (no list context): a jurisdiction
  /// prefix is kept and the rest resolved through the alias lexicon (`省人社厅` →
  /// `省人力资源和社会保障厅`). A collective prefix is kept the same way (`各县市区政府` →
  /// `各县市区人民政府`), longest prefix first, as the attribute stage does. Used to compare names,
  /// e.g. by `gongwen eval`.
  public func canonicalName(_ name: String) -> String {
    let prefixes = (collectivePrefixes + jurisdictionPrefixes)
      .filter { name.hasPrefix($0) && name.count > $0.count }
      .sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
    for p in prefixes {
      let rest = String(name.dropFirst(p.count))
      if let c = lexicon[rest] { return p + c }
    }
    return lexicon[name] ?? name
  }
}
