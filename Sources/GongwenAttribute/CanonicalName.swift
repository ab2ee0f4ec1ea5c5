extension AttributeRules {
  /// The canonical form of one department name on its own (no list context): a jurisdiction
  /// prefix is kept and the rest resolved through the alias lexicon (`省人社厅` →
  /// `省人力资源和社会保障厅`). A collective prefix is kept the same way (`各县市区政府` →
  /// `各县市区人民政府`), longest prefix first, as the attribute stage does. Used to compare names,
  /// e.g. by `gongwen eval`.
  public func canonicalName(_ name: String) -> String {
    // shared levels first: 市、县（市、区）残联 -> 市、县（市、区）残疾人联合会
    let sc = name.unicodeScalars
    if let e = sharedLevelsEnd(sc) {
      let rest = String(sc[e...])
      return String(sc[..<e]) + (lexicon[rest] ?? rest)
    }
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

extension AttributeRules {
  /// Where the administrative levels that open `s` end when several jurisdictions share the body
  /// after them (`region_levels`): `市、县（市、区）` in `市、县（市、区）公安部门`, `省、市、县` in
  /// `省、市、县财政部门`, `县（市、区）` in `县（市、区）教育局`. Such a phrase is the prefix the
  /// list's later names inherit (`市、县（市、区）政法委、公安…等部门` → `市、县（市、区）公安部门`).
  /// nil when `s` does not open with a level, the levels are one (`市`: a jurisdiction prefix), are
  /// not joined by `、` or a bracket of levels, or nothing follows them. A collective first (`各市、
  /// 县人民政府`) is no such phrase: its later names do not inherit it.
  public func sharedLevelsEnd<C: BidirectionalCollection<Unicode.Scalar>>(_ s: C) -> C.Index? {
    func level(at k: C.Index) -> C.Index? {
      for l in regionLevels where s[k...].starts(with: l) {
        let e = s.index(k, offsetBy: l.count)
        // 省、市直有关部门: the levels' own bodies, not a shared level
        if regionLevelsNotFollowedBy.contains(where: { s[e...].starts(with: $0) }) { return nil }
        return e
      }
      return nil
    }
    guard !s.isEmpty, var k = level(at: s.startIndex) else { return nil }
    var several = false
    while k < s.endIndex {
      // 、 and another level
      if s[k] == "、", s.index(after: k) < s.endIndex, let e = level(at: s.index(after: k)) {
        k = e
        several = true
        continue
      }
      // a bracket holding only levels: 县（市、区）
      guard openBrackets.contains(s[k]) else { break }
      var q = s.index(after: k)
      while q < s.endIndex {
        if let e = level(at: q) { q = e } else if s[q] == "、" { q = s.index(after: q) } else { break }
      }
      guard q < s.endIndex, q > s.index(after: k), closeBrackets.contains(s[q]) else { break }
      k = s.index(after: q)
      several = true
    }
    return several && k < s.endIndex ? k : nil
  }
}
