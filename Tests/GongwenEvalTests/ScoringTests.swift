import Testing
import GongwenEval

@Suite struct ScoringTests {
  func notice(_ tasks: [([Int], [String])]) -> ExpectedNotice {
    ExpectedNotice(
      notice: "n",
      document: ExpectedDocument(title: "t", docNumber: nil, issuer: nil, date: nil, published: nil,
                                 recipients: [], attachments: [], forwarded: nil),
      tasks: tasks.map { ExpectedTask(path: $0.0, markers: ["x"], heading: nil, departments: $0.1, lead: [],
                                      responsible: $0.1, participating: []) })
  }

  @Test func perfectMatchScoresOne() {
    let n = notice([([1], ["卫生厅"]), ([2], ["财政厅", "卫生厅"])])
    let s = Evaluator().score(predicted: n, expected: n)
    #expect(s.pathDepartment.f1 == 1)
    #expect(s.exactDepartments.correct == 2)
    #expect(s.metadataExact)
    #expect(NoticeDiff.lines(expected: n, actual: n).isEmpty)
  }

  @Test func missingAndExtraDepartmentsLowerPrecisionAndRecall() {
    let e = notice([([1], ["卫生厅"]), ([2], ["财政厅", "卫生厅"])])
    let p = notice([([1], ["卫生厅", "教育厅"]), ([2], ["财政厅"])])
    let s = Evaluator().score(predicted: p, expected: e)
    #expect(s.pathDepartment.truePositives == 2)
    #expect(s.pathDepartment.predicted == 3)
    #expect(s.pathDepartment.expected == 3)
    #expect(abs(s.pathDepartment.f1 - 2.0 / 3.0) < 1e-9)
    #expect(s.exactDepartments.correct == 0)
    let diff = NoticeDiff.lines(expected: e, actual: p)
    #expect(diff.contains { $0.contains("task 1") && $0.contains("教育厅") })
  }

  @Test func aliasesAreResolvedOnBothSides() {
    let e = notice([([1], ["省人力资源和社会保障厅"])])
    let p = notice([([1], ["省人社厅"])])
    let canon: @Sendable (String) -> String = { $0 == "省人社厅" ? "省人力资源和社会保障厅" : $0 }
    #expect(Evaluator(canonical: canon).score(predicted: p, expected: e).pathDepartment.f1 == 1)
    #expect(Evaluator().score(predicted: p, expected: e).pathDepartment.f1 == 0)
  }

  @Test func metadataTextsCompareWithBracketsFoldedAsNormalizeWritesThem() {
    // a key copies 各县(市、区)人民政府 from the page; the clean text has （）
    func doc(_ r: [String], title: String) -> ExpectedNotice {
      ExpectedNotice(notice: "n", document: ExpectedDocument(title: title, docNumber: nil, issuer: nil, date: nil,
                                                          published: nil, recipients: r, attachments: [], forwarded: nil),
                     tasks: [])
    }
    let e = doc(["各县(市、区)人民政府", "市政府各部门"], title: "关于印发副中心(通州区)方案的通知")
    let p = doc(["各县（市、区）人民政府", "市政府各部门"], title: "关于印发副中心（通州区）方案的通知")
    #expect(Evaluator().score(predicted: p, expected: e).metadataExact)
    // other differences still count
    #expect(!Evaluator().score(predicted: doc(["各县人民政府"], title: "t"), expected: doc(["各县(市)人民政府"], title: "t")).metadataExact)
  }

  @Test func missingTaskIsReported() {
    let e = notice([([1], []), ([2], ["卫生厅"])])
    let p = notice([([1], [])])
    let diff = NoticeDiff.lines(expected: e, actual: p)
    #expect(diff == ["- task 2 x missing (expected heading null, departments [\"卫生厅\"])"])
    #expect(Evaluator().score(predicted: p, expected: e).paths.recall == 0.5)
  }
}
