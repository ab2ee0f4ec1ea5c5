import Foundation
import Testing
import GongwenCore
@testable import GongwenPipeline

/// The fast `--stdin` record reader gives exactly what JSONDecoder gives, and hands everything it
/// does not read itself to JSONDecoder.
@Suite struct StdinRecordTests {
  /// (id, text bytes, extra) or the failure message, for comparing the two paths.
  func summary(_ r: Result<PipelineInput, FileError>) -> String {
    switch r {
    case .success(let p): "\(p.recordID ?? "-")|\(p.bytes)|\(p.extra.map { "\($0.keys.sorted())" } ?? "-")"
    case .failure(let e): "error: \(e.message)"
    }
  }

  static let lines: [String] = [
    #"{"id":"a","text":"一、总体要求\n（一）加强监管。"}"#,
    #"{ "text" : "x\ty\r\n" , "id" : "b" }"#,
    #"{"id":"c","text":"\u4e00\u3001\u0007 \"q\" \\ \/ \b\f"}"#,
    #"{"id":"d","text":"\ud840\udc00 astral"}"#,
    #"{"id":"e","text":""}"#,
    "  {\"id\":\"f\",\"text\":\"t\"}  ",
    // not the fast path: JSONDecoder decides
    #"{"id":7,"text":"number id"}"#,
    #"{"id":"g","text":"t","source":"x"}"#,
    #"{"id":"h","text":"lone \ud800 surrogate"}"#,
    #"{"id":"i","id":"j","text":"repeated key"}"#,
    "{\"id\":\"k\",\"text\":\"raw\ttab\"}",
    #"{"id":"l"}"#,
    #"{"id":"m","text":"t"} trailing"#,
    #"["id","text"]"#,
    "not json",
  ]

  @Test(arguments: lines)
  func fastPathAgreesWithJSONDecoder(line: String) {
    let fast = Inputs.stdinRecord(line: line, lineNumber: 1)
    let decoded = Inputs.decodedRecord(line: Data(line.utf8), lineNumber: 1)
    #expect(summary(fast) == summary(decoded))
    #expect(summary(Inputs.stdinRecord(line: Data(line.utf8), lineNumber: 1)) == summary(decoded))
  }

  @Test func theCommonRecordIsReadWithoutJSONDecoder() {
    var line = #"{"id":"a","text":"甲\n乙"}"#
    let scanned = line.withUTF8 { StdinRecordScanner.scan($0) }
    #expect(scanned?.id == "a")
    #expect(scanned?.text == Array("甲\n乙".utf8))
    var other = #"{"id":1,"text":"t"}"#
    #expect(other.withUTF8 { StdinRecordScanner.scan($0) } == nil)
  }
}
