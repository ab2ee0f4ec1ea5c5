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
