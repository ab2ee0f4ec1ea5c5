import GongwenCore
import GongwenSegment
import GongwenTestSupport
import Testing

/// The last clause of a task list whose fields stand on lines of their own (`8.…落地到项目。` / `牵头领导：刘兴达` / `牵头单位：
/// 市发展和改革局` / `责任单位：…`; Corpus/heldout178 17801): an official's or a deadline's line among its label lines is the clause's
/// (`sequence.field_line_labels`), so its label lines after it are too. Before, a clause whose first line was no heading ended at
/// that line, and its departments were lost.
@Suite struct Heldout178SegmentTests {
  @Test func fieldLinesAmongTheLastClausesLabelLines() throws {
    let item = "精准把握国家政策导向，超前谋划精准对接，确保政策效应更好更快传导到企业，落地到项目。"
    let text = "1.\(item)\n牵头领导：刘兴达\n牵头单位：市财政局\n责任单位：各有关部门\n2.\(item)\n牵头领导：刘兴达\n牵头单位：市发展和改革局\n"
      + "责任单位：各有关部门\n完成时限：2023年底\n"
    let (o, c) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [2]])
    checkInvariants(o, c)
    let last = c.string(o.units[1].bodyRange)
    #expect(last.hasSuffix("完成时限：2023年底"), "\(last)")
    #expect(last.contains("牵头单位：市发展和改革局"))
  }

  /// A field line alone after the last clause's sentence is the clause's; a closing paragraph after it is not.
  @Test func aClosingParagraphAfterTheFieldLinesIsNotTheClauses() throws {
    let text = "1.精准把握国家政策导向，超前谋划精准对接，确保政策效应更好更快传导到企业，落地到项目。\n完成时限：2023年底\n"
      + "各地各部门要高度重视，认真抓好落实，确保各项任务按期完成。\n"
    let (o, c) = try outline(text)
    checkInvariants(o, c)
    let last = c.string(o.units[0].bodyRange)
    #expect(last.hasSuffix("完成时限：2023年底"), "\(last)")
  }
}
