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
    guard !s.isEmpty, var k = regionLevelEnd(s, at: s.startIndex) else { return nil }
    var several = false
    while k < s.endIndex {
      // 、 and another level
      if s[k] == "、", s.index(after: k) < s.endIndex, let e = regionLevelEnd(s, at: s.index(after: k)) {
        k = e
        several = true
        continue
      }
      // a bracket holding only levels: 县（市、区）
      guard let e = levelBracketEnd(s, at: k) else { break }
      k = e
      several = true
    }
    return several && k < s.endIndex ? k : nil
  }

  /// Where the administrative level (`region_levels`, longest first) starting at `k` in `s` ends;
  /// nil when none starts there or it is followed by a `not_followed_by` word (市直有关部门: the
  /// city's own departments, not a level).
  public func regionLevelEnd<C: BidirectionalCollection<Unicode.Scalar>>(_ s: C, at k: C.Index) -> C.Index? {
    guard k < s.endIndex, let l = regionLevels.first(where: { s[k...].starts(with: $0) }) else { return nil }
    let e = s.index(k, offsetBy: l.count)
    if regionLevelsNotFollowedBy.contains(where: { s[e...].starts(with: $0) }) { return nil }
    return e
  }

  /// Where a bracket holding only levels, apart by 、, that opens at `k` ends, after its closing
  /// bracket: `（县）`, `（市、区）`; nil when none opens there.
  public func levelBracketEnd<C: BidirectionalCollection<Unicode.Scalar>>(_ s: C, at k: C.Index) -> C.Index? {
    guard k < s.endIndex, openBrackets.contains(s[k]) else { return nil }
    var q = s.index(after: k)
    while q < s.endIndex {
      if let e = regionLevelEnd(s, at: q) { q = e } else if s[q] == "、" { q = s.index(after: q) } else { break }
    }
    guard q < s.endIndex, q > s.index(after: k), closeBrackets.contains(s[q]) else { return nil }
    return s.index(after: q)
  }
}
