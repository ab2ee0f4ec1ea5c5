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

  /// A 5%-edited copy (25 phrases of 20 characters replaced).
  func edited(_ text: String, salt: Int = 0) -> String {
    var s = Array(text.unicodeScalars)
    let step = s.count / 26
    for p in 1...25 {
      for i in (p * step)..<min(s.count, p * step + 20) {
        s[i] = Unicode.Scalar(0x4E00 + UInt32((i * 7919 + p + salt * 131) % 20_000)) ?? "改"
      }
    }
    return String(String.UnicodeScalarView(s))
  }

  func ingest(_ archive: Archive, _ text: String, run: Int64) throws -> IngestOutcome {
    try archive.ingest(notice(text, tasks: { _ in [] }), run: run)
  }

  @Test func cappingCandidatesKeepsTheTrueNearDuplicate() throws {
    var capped = rules
    capped.maxLinks = 2
    capped.maxCandidates = 2
    let db = CLI.tempDir("store").appendingPathComponent("a.sqlite").path
    let archive = try Archive(path: db, similarity: capped)
    let run = try archive.beginRun(RunInfo(command: "test", arguments: [], rulesHash: "r1", rulesDirectory: "Rules"))
    let original = TestSupport.corpusNotice("001")
    let first = try ingest(archive, original, run: run)
    // distractors that share part of seed 001 (and so some bands with its copy), newer than it
    let scalars = Array(original.unicodeScalars)
    for i in 0..<10 {
      let part = String(String.UnicodeScalarView(scalars.prefix(scalars.count * (45 + 3 * i) / 100)))
      _ = try ingest(archive, part + "\n" + TestSupport.corpusNotice(["002", "003", "004"][i % 3]), run: run)
    }
    let before = archive.lookupCounts
    let copy = try ingest(archive, edited(original), run: run)
    let counts = archive.lookupCounts
    #expect(counts.candidates - before.candidates > 2, "the copy should have more candidates than max_candidates")
    #expect(counts.capped > before.capped)
    #expect(counts.compared - before.compared <= 2)
    #expect(copy.status == .nearDuplicate)
    #expect(copy.duplicateOf == first.documentId, "\(copy.links)")
    #expect((copy.similarity ?? 0) > 0.8)
  }

  @Test func aCrowdedBucketIsReadNewestFirstAndStillLinks() throws {
    var crowded = rules
    crowded.maxBucket = 2
    let db = CLI.tempDir("store").appendingPathComponent("a.sqlite").path
    let archive = try Archive(path: db, similarity: crowded)
    let run = try archive.beginRun(RunInfo(command: "test", arguments: [], rulesHash: "r1", rulesDirectory: "Rules"))
    let base = TestSupport.corpusNotice("002")
    var ids: [String] = []
    for salt in 0..<6 { ids.append(try #require(try ingest(archive, edited(base, salt: salt), run: run).documentId)) }
    let before = archive.lookupCounts
    let last = try ingest(archive, edited(base, salt: 99), run: run)
    let counts = archive.lookupCounts
    #expect(counts.crowdedBuckets > before.crowdedBuckets)
    #expect(counts.bucketRows - before.bucketRows <= crowded.bands * (crowded.maxBucket + 1))
    #expect(last.status == .nearDuplicate)
    #expect(!last.links.isEmpty && last.links.allSatisfy { ids.contains($0.documentId) })
    // the newest copies come first in a crowded bucket, so they are among the links
    #expect(last.links.contains { $0.documentId == ids[5] })
    #expect(try archive.integrityCheck() == ["ok"])
  }

  @Test func aVersion1ArchiveIsMigratedToIntegerKeyedBucketsAndSignatures() throws {
    let db = CLI.tempDir("store").appendingPathComponent("a.sqlite").path
    do {
      // an archive as version 1 left it: band buckets keyed by the text id, migration v2 not applied
      let v1 = try Archive(path: db, similarity: rules)
      try v1.db.write { db in
        try db.execute(sql: """
          DROP TABLE lsh_band;
          DROP TABLE minhash;
          CREATE TABLE minhash (
            document_id TEXT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
            params TEXT NOT NULL,
            signature BLOB NOT NULL,
            shingles INTEGER NOT NULL
          );
          DELETE FROM grdb_migrations WHERE identifier = 'v2';
          CREATE TABLE lsh_bucket (
            band INTEGER NOT NULL,
            key INTEGER NOT NULL,
            document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            PRIMARY KEY (band, key, document_id)
          ) WITHOUT ROWID;
          CREATE INDEX lsh_bucket_document ON lsh_bucket(document_id);
          INSERT INTO document (seq, id, sha256, text_sha256, text, record_json, task_count, rules_hash,
            generator_version, ingested_at, updated_at) VALUES (7, 'abcd', 's', 't', 'x', '{}', 0, 'r', 'v', 'a', 'a');
          INSERT INTO lsh_bucket (band, key, document_id) VALUES (0, 11, 'abcd'), (1, 12, 'abcd');
          INSERT INTO minhash (document_id, params, signature, shingles) VALUES ('abcd', 'p', x'0100000000000000', 1);
          """)
      }
    }
    let archive = try Archive(path: db, similarity: rules)
    #expect(try archive.count("SELECT count(*) FROM lsh_band WHERE doc = 7") == 2)
    #expect(try archive.count("SELECT count(*) FROM minhash WHERE doc = 7 AND shingles = 1") == 1)
    #expect(try archive.count("SELECT count(*) FROM sqlite_master WHERE name = 'lsh_bucket'") == 0)
    #expect(try archive.remove(["abcd"]) == ["abcd"])
    #expect(try archive.count("SELECT count(*) FROM lsh_band") + archive.count("SELECT count(*) FROM minhash") == 0)
    #expect(try archive.integrityCheck() == ["ok"])
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
