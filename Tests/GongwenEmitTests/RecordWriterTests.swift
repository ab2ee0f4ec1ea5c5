import Foundation
import Testing
import GongwenCore
import GongwenEmit
import GongwenPipeline
import GongwenTestSupport

/// The hand-written record writer must give exactly the bytes JSONEncoder gives: the dataset's
/// bytes are a contract (deterministic output, stable hashes), and the writer is only a faster path.
@Suite struct RecordWriterTests {
  let encoder = RecordEncoder()

  func expectSameBytes(_ doc: DocumentRecord, _ label: String) throws {
    let fast = try encoder.line(doc), reference = try encoder.foundationLine(doc)
    #expect(fast == reference, "\(label): document line differs\n\(String(decoding: fast, as: UTF8.self).prefix(400))")
  }

  func expectSameBytes(_ task: TaskRecord, _ label: String) throws {
    let fast = try encoder.line(task), reference = try encoder.foundationLine(task)
    #expect(fast == reference, "\(label): task line differs\n\(String(decoding: fast, as: UTF8.self))\n\(String(decoding: reference, as: UTF8.self))")
  }

  @Test func everyGoldenNoticeEncodesAsJSONEncoderDoes() throws {
    let pipeline = Pipeline(rules: TestSupport.rules)
    for name in ["000", "001", "002", "003", "004"] {
      let out = try pipeline.process(PipelineInput(path: name + ".txt", bytes: Array(TestSupport.corpusNotice(name).utf8)))
      #expect(!out.tasks.isEmpty)
      try expectSameBytes(out.document, name)
      for t in out.tasks { try expectSameBytes(t, "\(name) \(t.path)") }
    }
  }

  static let hostile: String = {
    var s = ""
    for c in 0..<0x20 { s.unicodeScalars.append(Unicode.Scalar(UInt8(c))) }
    return s + "\"\\/\u{7F}\u{2028}\u{2029}é中😀\u{FEFF}（一）\r\n"
  }()

  @Test func hostileStringsAndEveryOptionalShape() throws {
    let h = Self.hostile
    var doc = DocumentRecord(
      id: "0123456789abcdef",
      source: SourceInfo(path: h, sha256: "ab", bytes: 12_345_678, format: "text", encoding: "GB18030", id: h),
      generator: GeneratorInfo(version: "0.1.0", rules: "r"), title: h, docNumber: nil, issuer: "办公厅",
      date: "2011-03-05", published: nil, recipients: [h, ""], attachments: [],
      forwarded: ForwardedNotice(title: h, docNumber: nil, issuer: "x", date: nil), text: h + h,
      textSha256: "cd",
      removed: [Removal(span: Span(start: 0, end: 3), reason: "junk", stage: "normalize", rule: "normalize.yaml:12", text: h),
                Removal(span: Span(start: 5, end: 9), reason: "repeated_run", stage: "dedup",
                        duplicates: Span(start: 1, end: 4), text: "")],
      duplicates: [DuplicateLink(documentId: "x", relation: "near_duplicate", similarity: 0.8731),
                   DuplicateLink(documentId: "y", relation: "duplicate", similarity: 1.0),
                   DuplicateLink(documentId: "z", relation: "contains", similarity: 0.30000000000000004)],
      warnings: [DocumentWarning(code: "c", stage: "s", message: h, span: Span(start: -1, end: 0)),
                 DocumentWarning(code: "d", stage: "s", message: "m")],
      stats: ["tasks": 3, "clean_chars": -12, "a_b": 1, "aB": 2, "ab": 0, "source_chars": Int.max])
    try expectSameBytes(doc, "hostile")
    doc.forwarded = ForwardedNotice()
    try expectSameBytes(doc, "empty forwarded")
    doc.forwarded = nil
    doc.source.path = nil
    doc.source.id = nil
    try expectSameBytes(doc, "no path")
    doc.source.extra = ["k": .string(h), "n": .number(2), "o": .object(["b": .null, "a": .array([.bool(true)])])]
    try expectSameBytes(doc, "extra (falls back to JSONEncoder)")
    doc.duplicates = [DuplicateLink(documentId: "q", relation: "near_duplicate", similarity: 1e-9)]
    try expectSameBytes(doc, "tiny similarity (falls back)")

    let task = TaskRecord(
      id: "x:1.2", documentId: "x", path: [1, 20, 300, 4000], markers: ["一、", "（二十）"], heading: nil, text: h,
      attribution: "（" + h + "）", departmentsRaw: [h], departments: ["卫生厅"], lead: [], responsible: ["卫生厅"],
      participating: [], span: Span(start: 0, end: Int.max))
    try expectSameBytes(task, "hostile task")
    var t2 = task
    t2.heading = h
    t2.attribution = nil
    t2.path = []
    try expectSameBytes(t2, "heading, no attribution")
  }

  /// The duplicate linker reads texts back from written document lines: the text found in a line
  /// must be the record's text, whatever else the record holds (other `text` keys, a text or an extra
  /// field spelling the keys the search looks for, the JSONEncoder fallback).
  @Test func documentTextIsReadBackFromTheLine() throws {
    let h = Self.hostile
    let tricky = h + "\",\"text_sha256\":\"x\",\"text\":\"y" + "\\"
    var doc = DocumentRecord(
      id: "0123456789abcdef",
      source: SourceInfo(path: "p", sha256: "ab", bytes: 1, format: "text", encoding: "UTF-8", id: nil),
      generator: GeneratorInfo(version: "0.1.0", rules: "r"), title: tricky, docNumber: nil, issuer: nil,
      date: nil, published: nil, recipients: [], attachments: [], forwarded: nil, text: tricky,
      textSha256: "cd",
      removed: [Removal(span: Span(start: 0, end: 3), reason: "junk", stage: "normalize", rule: nil, text: "removed")],
      duplicates: [], warnings: [DocumentWarning(code: "c", stage: "s", message: tricky)], stats: ["tasks": 1])
    for text in [tricky, "", h, "中文\n一、"] {
      doc.text = text
      for extra: [String: JSONValue]? in [nil, ["m": .object(["text_sha256": .string("z"), "text": .string(tricky)])]] {
        doc.source.extra = extra
        let line = try encoder.line(doc)
        #expect(encoder.documentText(ofLine: Array(line)) == text)
      }
    }
    #expect(encoder.documentText(ofLine: Array("{\"id\":1}".utf8)) == nil)
  }
}
