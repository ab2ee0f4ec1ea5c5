import GongwenAttribute
import GongwenCore
import Testing

/// Forms found in Corpus/heldout, positives and negatives.
@Suite struct HeldoutFormTests {
  @Test func hexagonalBracketsWithATrailingNote() throws {
    // 202 Sichuan: 〔责任单位：A、B按职责分工负责。具体任务均涉及相关市(州)人民政府，不再做分工，下同。〕
    let a = try #require(try attribution(
      "争取纳入改革试点。〔责任单位：省发展改革委、省市场监管局、商务厅、省大数据中心按职责分工负责。具体任务均涉及相关市（州）人民政府，不再做分工，下同。〕"))
    #expect(a.departmentsRaw == ["省发展改革委", "省市场监管局", "商务厅", "省大数据中心"])
    #expect(a.responsible.count == 4)
    let b = try #require(try attribution("持续实施新制度。〔责任单位：省市场监管局〕"))
    #expect(b.departmentsRaw == ["省市场监管局"])
    #expect(b.responsible.count == 1)
    // a document number in hexagonal brackets is not an attribution
    #expect(try attribution("按照有关要求执行〔2016〕") == nil)
  }

  @Test func laterSentenceKeepsDepartmentsOnlyWithALabelOrRole() throws {
    // a second labelled sentence still counts
    let a = try #require(try attribution("推进改革。（牵头单位：市发展改革委。配合单位：市财政局）"))
    #expect(a.departmentsRaw == ["市发展改革委", "市财政局"])
    #expect(a.lead.count == 1 && a.participating.count == 1)
    // so does a second sentence naming a role
    let b = try #require(try attribution("推进改革。（市卫生局负责。市财政局参与）"))
    #expect(b.departmentsRaw == ["市卫生局", "市财政局"])
    // a plain list after the first sentence is a note
    let c = try #require(try attribution("推进改革。（市卫生局负责。各县区人民政府）"))
    #expect(c.departmentsRaw == ["市卫生局"])
  }
}
