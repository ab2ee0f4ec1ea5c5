import Foundation
import Testing
import GongwenCore
import GongwenPipeline
import GongwenTestSupport

@Suite struct PipelineTests {
  let pipeline = Pipeline(rules: TestSupport.rules)

  @Test func documentIdIsAPrefixOfTheRawSha256() throws {
    let bytes = Array("一、总体要求\n".utf8)
    let out = try pipeline.process(PipelineInput(path: "x.txt", bytes: bytes))
    #expect(out.document.id == String(sha256Hex(bytes).prefix(16)))
    #expect(out.document.source.sha256 == sha256Hex(bytes))
    #expect(out.document.textSha256 == sha256Hex(out.document.text))
    #expect(out.document.generator.rules == TestSupport.rules.hash)
  }

  @Test func emptyNoticeIsNotAFailure() throws {
    let out = try pipeline.process(PipelineInput(path: "empty.txt", bytes: []))
    #expect(out.tasks.isEmpty)
    #expect(out.document.warnings.map(\.code).contains("empty_notice"))
  }

  @Test func taskSpansIndexIntoTheDocumentText() throws {
    for name in ["000", "001", "002", "003", "004"] {
      let text = TestSupport.corpusNotice(name)
      let out = try pipeline.process(PipelineInput(path: name, bytes: Array(text.utf8)))
      let scalars = Array(out.document.text.unicodeScalars)
      for t in out.tasks {
        #expect(t.span.start >= 0 && t.span.end <= scalars.count && t.span.start <= t.span.end)
        let region = String(String.UnicodeScalarView(scalars[t.span.range]))
        #expect(region.hasPrefix(t.markers.last ?? ""), "\(name) \(t.path): span does not start at the marker")
      }
      #expect(Set(out.tasks.map(\.id)).count == out.tasks.count, "\(name): task ids are not unique")
    }
  }

  @Test func removedSpansPointAtTheRemovedSourceText() throws {
    for name in ["000", "001", "002", "003", "004"] {
      let text = TestSupport.corpusNotice(name)
      let out = try pipeline.process(PipelineInput(path: name, bytes: Array(text.utf8)))
      let source = Array(out.source.text.unicodeScalars)
      for r in out.document.removed {
        #expect(r.span.end <= source.count)
        let removed = String(String.UnicodeScalarView(source[r.span.range]))
        #expect(removed == r.text, "\(name): removal \(r.reason) at \(r.span) does not match its text")
      }
    }
  }
}

@Suite struct HTMLTaskTableTests {
  let pipeline = Pipeline(rules: TestSupport.rules)

  @Test func rowsOfAnHTMLTaskTableBecomeTasksWithTheirColumnsRoles() throws {
    let html = """
      <html><head><meta charset="utf-8"></head><body><div class="content">
      <p>某某县人民政府办公室关于印发2024年重点工作任务分解表的通知</p>
      <p>各乡镇人民政府，县政府各部门：</p><p>现将《2024年重点工作任务分解表》印发给你们，请认真贯彻落实。</p>
      <p>某某县人民政府办公室</p><p>2024年3月1日</p>
      <table><tr><td>序号</td><td>重点工作任务</td><td>牵头单位</td><td>配合单位</td></tr>
      <tr><td>1</td><td>推进农村公路建设，新改建农村公路50公里。</td><td>县交通局</td><td>县财政局、各乡镇人民政府</td></tr>
      <tr><td>2</td><td>新增城镇就业2000人以上。</td><td>县人社局</td><td>县财政局</td></tr></table>
      </div></body></html>
      """
    let out = try pipeline.process(PipelineInput(path: "table.html", bytes: Array(html.utf8)))
    #expect(out.tasks.map(\.path) == [[1], [2]])
    #expect(out.tasks.map(\.departmentsRaw) == [["县交通局", "县财政局", "各乡镇人民政府"], ["县人社局", "县财政局"]])
    #expect(out.tasks.map(\.lead.count) == [1, 1])
    #expect(out.tasks.map(\.participating.count) == [2, 1])
  }
}
