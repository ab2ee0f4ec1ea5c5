import GongwenAttribute
import GongwenCore
import GongwenTestSupport
import Testing

/// A unit whose own text closes more than one paragraph with an attribution: all of them are
/// merged into one `Attribution` (lists in order of appearance, `raw` joined by a space, `range`
/// the last one, `extraRanges` the earlier ones).
@Suite struct MultipleAttributionTests {
  /// Checks the range invariants of a merged attribution against the text.
  func expectRanges(_ a: Attribution, _ t: CleanText, _ unit: ClauseUnit, count: Int) {
    #expect(a.extraRanges.count == count - 1)
    #expect(a.allRanges == a.extraRanges + [a.range])
    #expect(a.raw == a.allRanges.map { t.string($0) }.joined(separator: " "))
    for r in a.allRanges { #expect(unit.bodyRange.lowerBound <= r.lowerBound && r.upperBound <= unit.bodyRange.upperBound) }
    for (x, y) in zip(a.allRanges, a.allRanges.dropFirst()) { #expect(x.upperBound <= y.lowerBound) }
  }

  // MARK: the three cases of seed 001 二、（三）1.

  @Test func seed001AdjustDrugPrices() throws {
    let body = "调整医药价格。取消药品加成政策。进一步完善我市医疗服务价格形成机制。（责任单位：市物价局、卫生局、人力资源和社会保障局）\n\n"
      + "试点公立医院实行药品集中采购，按照规定比例带量采购基本药物。着力降低虚高价格。（责任单位：市卫生局、监察局）"
    let (out, t) = try run([U("（2）", [2, 3, 1, 2], body)])
    let a = try #require(out.attributions[0])
    #expect(Roles(a) == Roles(
      raw: ["市物价局", "卫生局", "人力资源和社会保障局", "市卫生局", "监察局"],
      departments: ["市物价局", "市卫生局", "市人力资源和社会保障局", "市监察局"],
      responsible: ["市物价局", "市卫生局", "市人力资源和社会保障局", "市监察局"]))
    #expect(a.raw == "（责任单位：市物价局、卫生局、人力资源和社会保障局） （责任单位：市卫生局、监察局）")
    #expect(t.string(a.range) == "（责任单位：市卫生局、监察局）")
    #expect(a.extraRanges.map { t.string($0) } == ["（责任单位：市物价局、卫生局、人力资源和社会保障局）"])
    expectRanges(a, t, try makeOutlineUnit([U("（2）", [2, 3, 1, 2], body)]), count: 2)
    #expect(out.warnings.isEmpty)
  }

  @Test func seed001GovernmentResponsibilityKeepsFirstAttributionsOrder() throws {
    let body = "落实政府办医责任。落实政府对公立医院的投入政策。（责任单位：市财政局、发展和改革委员会、卫生局）\n\n"
      + "合理确定公立医院（含国有企业医院）数量和布局。禁止公立医院举债建设。（责任单位：市卫生局、发展和改革委员会、财政局、机构编制委员会办公室、国有资产监督管理委员会）"
    let a = try #require(try attribution(body))
    let canon = ["市财政局", "市发展和改革委员会", "市卫生局", "市机构编制委员会办公室", "市国有资产监督管理委员会"]
    #expect(a.departments == canon)
    #expect(a.responsible == canon)
    #expect(a.departmentsRaw.count == 8)
    #expect(a.lead.isEmpty && a.participating.isEmpty)
  }

  @Test func seed001ModernHospitalManagement() throws {
    let body = "加快建立现代医院管理制度。落实县级公立医院经营管理和用人自主权。（责任单位：市卫生局、发展和改革委员会、机构编制委员会办公室、财政局）\n\n"
      + "建立完善院长负责制和任期目标责任考核制度。各级卫生行政部门负责人不得兼任公立医院领导职务。（责任单位：市卫生局、人力资源和社会保障局）"
    let a = try #require(try attribution(body))
    #expect(a.departments == ["市卫生局", "市发展和改革委员会", "市机构编制委员会办公室", "市财政局", "市人力资源和社会保障局"])
    #expect(a.responsible == a.departments)
  }

  /// The whole seed through the test segmenter: exactly the three sub-clauses of 二、（三）1. have
  /// two attributions, and their neighbours keep one.
  @Test func seed001WholeNotice() throws {
    let (o, t) = lineOutline(TestSupport.corpusNotice("001"))
    let out = try Attributor(rules: bundled).attribute(o, text: t)
    var multi: [[Int]] = []
    for (u, a) in zip(o.units, out.attributions) {
      guard let a else { continue }
      if !a.extraRanges.isEmpty { multi.append(u.path) }
      expectRanges(a, t, u, count: a.extraRanges.count + 1)
    }
    #expect(multi == [[2, 3, 1, 2], [2, 3, 1, 4], [2, 3, 1, 5]])
    let i = try #require(o.units.firstIndex { $0.path == [2, 3, 1, 2] })
    #expect(out.attributions[i]?.departments == ["市物价局", "市卫生局", "市人力资源和社会保障局", "市监察局"])
    #expect(out.attributions[i - 1]?.departments == ["市卫生局", "市物价局", "市财政局", "市人力资源和社会保障局"])
    #expect(out.attributions[i - 1]?.extraRanges == [])
  }

  @Test(arguments: ["002", "003", "004"])
  func otherSeedsHaveOneAttributionPerUnit(_ prefix: String) throws {
    let (o, t) = lineOutline(TestSupport.corpusNotice(prefix))
    let out = try Attributor(rules: bundled).attribute(o, text: t)
    #expect(out.attributions.allSatisfy { $0?.extraRanges.isEmpty ?? true })
  }

  // MARK: synthetic

  /// Three paragraphs, three shapes (bracketed, unbracketed labelled list, role words), a
  /// department repeated across them and a trailing 。 after the last one.
  @Test func threeAttributionsMergedInOrder() throws {
    let body = "加强医疗质量管理。（省卫生厅、省财政厅负责）\n"
      + "建立质量控制中心。\n牵头单位：省卫生厅；配合单位：省编办\n"
      + "开展专项检查。（省食品药品监管局负责，省卫生厅、省监察厅参与）。"
    let (o, t) = makeOutline([U("1.", [1], body)])
    let a = try #require(try Attributor(rules: bundled).attribute(o, text: t).attributions[0])
    #expect(Roles(a) == Roles(
      raw: ["省卫生厅", "省财政厅", "省卫生厅", "省编办", "省食品药品监管局", "省卫生厅", "省监察厅"],
      departments: ["省卫生厅", "省财政厅", "省机构编制委员会办公室", "省食品药品监督管理局", "省监察厅"],
      lead: ["省卫生厅"],
      responsible: ["省卫生厅", "省财政厅", "省食品药品监督管理局"],
      participating: ["省机构编制委员会办公室", "省卫生厅", "省监察厅"]))
    #expect(a.raw == "（省卫生厅、省财政厅负责） 牵头单位：省卫生厅；配合单位：省编办 （省食品药品监管局负责，省卫生厅、省监察厅参与）")
    expectRanges(a, t, o.units[0], count: 3)
  }

  /// 下同 is applied per attribution, in order: declared by the unit's second attribution, it
  /// gives that one a first-listed lead but not the first one; and it carries on to later units.
  @Test func firstListedLeadStateAppliesPerAttribution() throws {
    let (out, _) = try run([
      U("（一）", [1], "甲。（市民政局、市财政局负责）\n乙。（市卫生局、市财政局负责。负责部门排在第一位的为牵头部门，下同）"),
      U("（二）", [2], "丙。（市人力资源社会保障局、市卫生局负责）"),
    ])
    let a = try #require(out.attributions[0])
    #expect(a.lead == ["市卫生局"])
    #expect(a.responsible == ["市民政局", "市财政局", "市卫生局"])
    #expect(out.attributions[1]?.lead == ["市人力资源和社会保障局"])
  }

  @Test func unknownDepartmentsOfEveryAttributionAreReported() throws {
    let (out, _) = try run([U("1.", [1], "甲。（市卫生局、某某中心负责）\n乙。（市财政局、某某办负责）")])
    let w = out.warnings.filter { $0.code == "unknown_department" }
    #expect(w.count == 1)
    #expect(w.first?.message.hasSuffix("某某中心、某某办") == true)
    #expect(w.first?.span == out.attributions[0]?.extraRanges.first.map { Span($0) })
  }

  // MARK: negatives

  /// A paragraph-final parenthetical inside the unit that is not an attribution adds nothing.
  @Test func paragraphFinalParentheticalThatIsNotAnAttribution() throws {
    let body = "制定公立医院改革实施方案（试行）\n"
      + "明确补偿办法（2012—2015年）。\n"
      + "落实分级诊疗（各类医疗机构）\n"
      + "加强考核。（市卫生局负责）"
    let a = try #require(try attribution(body))
    #expect(a.extraRanges.isEmpty)
    #expect(a.raw == "（市卫生局负责）")
    #expect(a.departments == ["市卫生局"])
  }

  /// A bare list of names at a line end inside a sentence (Normalize keeps a break after `）`)
  /// is not an attribution; the same list standing as its own sentence is.
  @Test func bareListAtABrokenLineInsideASentence() throws {
    let inside = try #require(try attribution("所需经费由（市财政局）\n统一拨付到位。（市卫生局负责）"))
    #expect(inside.extraRanges.isEmpty)
    #expect(inside.departments == ["市卫生局"])
    let alone = try #require(try attribution("所需经费统一拨付到位。（市财政局）\n加强考核。（市卫生局负责）"))
    #expect(alone.departments == ["市财政局", "市卫生局"])
  }

  /// A group in the middle of a paragraph never counts, even if it reads as an attribution.
  @Test func midParagraphGroupDoesNotCount() throws {
    let a = try #require(try attribution("按照（市财政局负责）的要求，拨付经费。\n加强考核。（市卫生局负责）"))
    #expect(a.extraRanges.isEmpty)
    #expect(a.departments == ["市卫生局"])
  }

  /// The unit's closing attribution alone: nothing changes for the usual case.
  @Test func singleAttributionHasNoExtraRanges() throws {
    let a = try #require(try attribution("第一段没有责任单位。\n第二段。（市卫生局负责）"))
    #expect(a.extraRanges.isEmpty)
    #expect(a.allRanges == [a.range])
    #expect(a.raw == "（市卫生局负责）")
  }
}

/// The single unit of a hand-built outline.
func makeOutlineUnit(_ units: [U]) throws -> ClauseUnit {
  try #require(makeOutline(units).0.units.first)
}
