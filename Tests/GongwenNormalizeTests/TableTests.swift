import GongwenCore
import GongwenNormalize
import GongwenTestSupport
import Testing

/// Tables flattened to text (Corpus/unseen 107, 108): every line is a cell and stays a line.
@Suite struct TableTests {
  @Test func rowNumbersAndCellsAreNeverJoined() throws {
    // 107: `六、…` has running punctuation and was joined onto the row number `68`; a cell with
    // commas (a department list without 。) would be joined onto the next cell
    let src = """
      谯城区教育局2025年政府工作报告重点工作任务分解表

      序号

      重点工作任务

      主要责任单位

      协同配合单位

      六、全力以赴惠民生、增福祉,加快社会事业发展

      68

      持续推进学前教育普及普惠、义务教育优质均衡发展,加快建设黎明小学

      区教育局、区财政局

      区政府有关部门,各乡镇人民政府、街道办事处
      """
    let d = try normalizer.normalize(src)
    #expect(lines(d.text.string) == [
      "谯城区教育局2025年政府工作报告重点工作任务分解表", "序号", "重点工作任务", "主要责任单位", "协同配合单位",
      "六、全力以赴惠民生、增福祉，加快社会事业发展", "68", "持续推进学前教育普及普惠、义务教育优质均衡发展，加快建设黎明小学",
      "区教育局、区财政局", "区政府有关部门，各乡镇人民政府、街道办事处",
    ])
  }

  @Test func cellEndBarsAreRemovedAndRecorded() throws {
    // 108: every cell ends with ` |`
    let d = try normalizer.normalize("序号 |\n目标与任务 |\n分 管 县领导 |\n80 |\n新增托位数400个以上。 |\n俞 悦 |")
    #expect(lines(d.text.string) == ["序号", "目标与任务", "分管县领导", "80", "新增托位数400个以上。", "俞悦"])
    let bars = d.removed.filter { $0.rule == "table_cell_end" }
    #expect(bars.count == 6)
    #expect(bars.allSatisfy { $0.reason == "junk" && $0.text == " |" })
    #expect(d.stats["junk_removed"] == 6)
  }

  @Test func withoutAHeaderLinesAreJoinedAsBefore() throws {
    // the same lines without `序号`: a line with running punctuation is still joined to the next
    let d = try normalizer.normalize("六、全力以赴惠民生、增福祉,加快社会事业发展\n68")
    #expect(lines(d.text.string) == ["六、全力以赴惠民生、增福祉，加快社会事业发展68"])
    // a bar that is part of the text (no space before it) stays
    #expect(try normalizer.normalize("A|B").text.string == "A|B")
  }
}
