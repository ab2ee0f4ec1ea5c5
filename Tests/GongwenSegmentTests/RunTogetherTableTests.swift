import GongwenCore
import GongwenSegment
import Testing

/// Tables run together with no separator between their cells (`tables.run_together`; Corpus/heldout70 7006, heldout49 5003).
@Suite struct RunTogetherTableTests {
  @Test func aRunTogetherTablesRowsAreItsGluedNumbers() throws {
    // heldout70 7006: a newspaper's continued page, the header glued to row 21, each row's number glued to the last cell
    let text = "重点任务分工清单\n（上接第三版）\n序号工作任务责任单位21树立婚育新风。构建新型婚育文化。省委宣传部、省妇联牵头；省总工会配合；各州（市）党委和政府落实"
      + "22根据经济社会发展水平等因素，实行动态调整机制，对3个试点县先行开展。省财政厅牵头；各州（市）党委和政府落实"
      + "23未纳入低保的特殊家庭，依申请给予医疗救助，2021年底前完成。省医保局牵头；各州（市）党委和政府落实"
    let (o, c) = try outline(text)
    #expect(o.units.map(\.path) == [[21], [22], [23]])
    #expect(o.units.map(\.markers) == [["21"], ["22"], ["23"]])
    #expect(o.units.allSatisfy { $0.runTogetherRow })
    #expect(o.units[0].heading == "树立婚育新风")
    // (`3个`, `2021年` are a count and a date, not rows 23 or 24)
    #expect(c.string(o.units[1].bodyRange).hasSuffix("党委和政府落实"))
    checkInvariants(o, c)
  }

  @Test func aGluedHeaderNeedsATaskAndADepartmentColumnAndTwoRows() throws {
    // no task column (`序号单位名称目标数1区自贸办20…`, a list of targets, heldout156 15603): no rows
    let (a, _) = try outline("序号单位名称目标数1区自贸办202区台湾工作部203区经济发展局20")
    #expect(a.units.isEmpty)
    // no department column
    let (b, _) = try outline("序号工作任务完成时限1推进改革工作。6月底2加快建设进度。12月底")
    #expect(b.units.isEmpty)
    // one row only: a header word and a number in running text
    let (d, _) = try outline("序号工作任务责任单位1推进改革工作。市发改委")
    #expect(d.units.isEmpty)
  }

  @Test func aPreviewsPageNumbersAroundTheTableAreNoClauses() throws {
    // heldout49 5003: a document preview numbers its pages `1、` `2、` `3、` at line starts, the later ones cutting the table's
    // cells mid-word
    let text = "1、生活垃圾分类责任分工表序号工作内容目标任务责任单位备注1将垃圾分类作为重要内容。知晓率达90%以上。市委宣传部、市城管委"
      + "2完善回收利用体系。基本建成体系。市商务局，市\n2、住建局、市城管委3加强危险废物处置。完善处置体系。市生态环境局4统筹推进分类工作，分类设\n3、施建"
    let (o, c) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [2], [3], [4]])
    #expect(o.units.map(\.markers) == [["1"], ["2"], ["3"], ["4"]])
    checkInvariants(o, c)
    // a marker opening a line inside the table after a sentence end is no page number: the marker opening the header's
    // line stays (one page number alone is not dropped)
    let (p, _) = try outline("1、分工表序号工作内容责任单位1将垃圾分类作为重要内容。市委宣传部2完善回收利用体系。市商务局")
    #expect(p.units.map(\.path) == [[1], [1, 1], [1, 2]])
  }
}
