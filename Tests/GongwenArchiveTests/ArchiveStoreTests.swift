import Foundation
import Testing
@testable import GongwenArchive
import GongwenCore
@testable import GongwenPipeline
import GongwenSimilarity
import GongwenTestSupport

/// The store API directly, with hand-made pipeline outputs that have tasks (the stage stubs make none).
@Suite struct ArchiveStoreTests {
  let rules = SimilarityRules.defaults

  func task(_ doc: String, _ path: [Int], departments: [String], text: String = "加强监管") -> TaskRecord {
    TaskRecord(id: doc + ":" + path.map(String.init).joined(separator: "."), documentId: doc, path: path,
               markers: ["一、"], heading: nil, text: text, attribution: "（\(departments.joined(separator: "、"))负责）",
               departmentsRaw: departments, departments: departments, lead: [], responsible: departments,
               participating: [], span: Span(start: 0, end: 4))
  }

  func notice(_ text: String, tasks: (String) -> [TaskRecord], raw: String? = nil) -> PreparedNotice {
    let bytes = Array((raw ?? text).utf8)
    let sha = sha256Hex(bytes)
    let id = String(sha.prefix(16))
    let doc = DocumentRecord(
      id: id, source: SourceInfo(path: "/in/\(id).txt", sha256: sha, bytes: bytes.count, format: "text", encoding: "UTF-8"),
      generator: GeneratorInfo(version: "t", rules: "r1"), title: "关于加强监管的通知", docNumber: nil, issuer: nil,
      date: nil, published: nil, recipients: [], attachments: [], forwarded: nil, text: text,
      textSha256: sha256Hex(text), removed: [Removal(span: Span(start: 0, end: 1), reason: "junk", stage: "normalize", text: "x")],
      duplicates: [], warnings: [], stats: [:])
    let out = PipelineOutput(document: doc, tasks: tasks(id), source: SourceDocument(text: text, format: "text", encoding: "UTF-8"),
                             clean: CleanText(source: text))
    return PreparedNotice(output: out, raw: bytes, rules: rules)
  }

  @Test func storesTasksAndReportsWhatReprocessingChanged() throws {
    let db = CLI.tempDir("store").appendingPathComponent("a.sqlite").path
    let archive = try Archive(path: db, similarity: rules)
    let run = try archive.beginRun(RunInfo(command: "test", arguments: [], rulesHash: "r1", rulesDirectory: "Rules"))
    let text = TestSupport.corpusNotice("003")
    let first = notice(text, tasks: { id in
      [self.task(id, [1], departments: ["市卫生局"]), self.task(id, [2], departments: ["市财政局"]),
       self.task(id, [3], departments: ["市民政局"])]
    })
    let outcome = try archive.ingest(first, run: run)
    #expect(outcome.status == .added)
    let id = try #require(outcome.documentId)
    let stored = try #require(try archive.notice(id))
    #expect(stored.tasks.map(\.departments) == [["市卫生局"], ["市财政局"], ["市民政局"]])
    #expect(stored.document.removed.count == 1)
    #expect(try archive.count("SELECT count(*) FROM removed_span") == 1)

    // the same bytes again: unchanged, nothing written
    #expect(try archive.ingest(first, run: run).status == .unchanged)
    #expect(try archive.count("SELECT count(*) FROM task") == 3)

    // new rules: task 2 changes departments, task 3 disappears, task 4 appears
    var second = notice(text, tasks: { id in
      [self.task(id, [1], departments: ["市卫生局"]), self.task(id, [2], departments: ["市财政局", "市审计局"]),
       self.task(id, [4], departments: ["市教育局"])]
    })
    second.output.document.generator.rules = "r2"
    let result = try archive.update(id, with: second, run: run)
    #expect(result.status == "changed")
    #expect(result.tasksAdded == [id + ":4"])
    #expect(result.tasksRemoved == [id + ":3"])
    #expect(result.tasksChanged == [id + ":2": ["attribution", "departments", "departments_raw", "responsible"]])
    #expect(result.documentFields == ["generator"])
    let after = try #require(try archive.notice(id))
    #expect(after.tasks.map(\.path) == [[1], [2], [4]])
    #expect(after.document.generator.rules == "r2")
    #expect(try archive.integrityCheck() == ["ok"])
  }

  @Test func sameCleanTextFromOtherBytesIsRememberedAsACopy() throws {
    let db = CLI.tempDir("store").appendingPathComponent("a.sqlite").path
    let archive = try Archive(path: db, similarity: rules)
    let run = try archive.beginRun(RunInfo(command: "test", arguments: [], rulesHash: "r1", rulesDirectory: "Rules"))
    let text = TestSupport.corpusNotice("002")
    let a = try archive.ingest(notice(text, tasks: { _ in [] }), run: run)
    let copy = notice(text, tasks: { _ in [] }, raw: text + "\n")  // other bytes, same clean text
    let b = try archive.ingest(copy, run: run)
    #expect(b.status == .duplicate)
    #expect(b.duplicateOf == a.documentId)
    #expect(b.similarity == 1)
    #expect(try archive.count("SELECT count(*) FROM document") == 1)
    #expect(try archive.known(sha256: copy.output.document.source.sha256)?.duplicateOf == a.documentId)
    #expect(try archive.notice(try #require(a.documentId))?.copies.map(\.id) == [copy.output.document.id])
    // empty notices are stored but never linked to each other
    let e1 = try archive.ingest(notice("", tasks: { _ in [] }, raw: "\n"), run: run)
    let e2 = try archive.ingest(notice("", tasks: { _ in [] }, raw: "\n\n"), run: run)
    #expect(e1.status == .added && e2.status == .added)
    #expect(e1.links.isEmpty && e2.links.isEmpty)
  }

  @Test func archivesFromANewerGongwenAreRefused() throws {
    let db = CLI.tempDir("store").appendingPathComponent("a.sqlite").path
    _ = try Archive(path: db)
    let raw = try Archive(path: db)
    try raw.db.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
    #expect(throws: ArchiveError.self) { _ = try Archive(path: db) }
  }

  @Test func csvFieldsAreQuotedAndFormulasDefused() {
    #expect(csvLine(["a", "b,c", "say \"hi\"", "=SUM(A1)", "多行\n文本"])
            == "a,\"b,c\",\"say \"\"hi\"\"\",'=SUM(A1),\"多行\n文本\"\r\n")
  }
}
