import Dispatch
import Foundation
import GRDB
import GongwenCore
import GongwenEmit
import GongwenPipeline
import GongwenSimilarity

// Export (the same three files as `process`) and reprocess (re-run the pipeline on stored bytes).

extension Archive {
  public struct ExportSummary: Sendable {
    public var documents = 0
    public var tasks = 0
    public var files: [String] = []
  }

  /// Writes `documents.jsonl`, `tasks.jsonl` and `report.json` (and `tasks.csv` when `csv`) into `dir`,
  /// in ingestion order, from one consistent snapshot. Exact duplicate copies are not notices of the
  /// archive, so they are not exported; near-duplicates are, with their links. Byte-identical for the
  /// same archive contents (the report carries no timing).
  public func export(to dir: String, csv: Bool) throws(ArchiveError) -> ExportSummary {
    do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
      throw ArchiveError("cannot create output folder \(dir): \(error.localizedDescription)")
    }
    let docsOut: AtomicFileWriter, tasksOut: AtomicFileWriter, reportOut: AtomicFileWriter
    var csvOut: AtomicFileWriter?
    do {
      docsOut = try AtomicFileWriter(path: dir + "/documents.jsonl")
      tasksOut = try AtomicFileWriter(path: dir + "/tasks.jsonl")
      reportOut = try AtomicFileWriter(path: dir + "/report.json")
      if csv { csvOut = try AtomicFileWriter(path: dir + "/tasks.csv") }
    } catch {
      throw ArchiveError(error.message)
    }
    let all = [docsOut, tasksOut, reportOut] + (csvOut.map { [$0] } ?? [])
    let encoder = RecordEncoder()
    let decoder = JSONDecoder()
    do {
      let summary = try db.read { db -> ExportSummary in
        var summary = ExportSummary()
        var rulesSeen = Set<String>()
        var files: [FileStatus] = []
        var counts = BatchReport.Counts()
        var warningCounts: [String: Int] = [:]
        var bytes = 0
        if let csvOut {
          try csvOut.write(Data([0xEF, 0xBB, 0xBF]))
          try csvOut.write(Data(csvLine(TaskCSV.header).utf8))
        }
        let taskRows = try db.cachedStatement(sql: "SELECT record_json FROM task WHERE document_id = ? ORDER BY ordinal")
        let cursor = try Row.fetchCursor(db, sql: "SELECT id, record_json FROM document ORDER BY seq")
        while let row = try cursor.next() {
          let id: String = row["id"]
          let json: String = row["record_json"]
          var doc = try decoder.decode(DocumentRecord.self, from: Data(json.utf8))
          let links = try self.links(db, of: id)
          if links.isEmpty {
            try docsOut.writeLine(Data(json.utf8))
          } else {
            doc.duplicates = links
            try docsOut.writeLine(encoder.line(doc))
          }
          rulesSeen.insert(doc.generator.rules)
          var taskCount = 0
          for taskJSON in try String.fetchAll(taskRows, arguments: [id]) {
            try tasksOut.writeLine(Data(taskJSON.utf8))
            taskCount += 1
            if let csvOut {
              let t = try decoder.decode(TaskRecord.self, from: Data(taskJSON.utf8))
              try csvOut.write(Data(csvLine(TaskCSV.row(t, doc)).utf8))
            }
          }
          counts.inputs += 1
          counts.documents += 1
          counts.tasks += taskCount
          counts.warnings += doc.warnings.count
          bytes += doc.source.bytes
          for w in doc.warnings { warningCounts[w.code, default: 0] += 1 }
          files.append(FileStatus(path: doc.source.path ?? doc.source.id ?? "<stdin>", status: "ok", documentId: id,
                                  tasks: taskCount, format: doc.source.format, encoding: doc.source.encoding,
                                  warnings: doc.warnings.map(\.code), error: nil))
          summary.documents += 1
          summary.tasks += taskCount
        }
        let rules = rulesSeen.count > 1 ? "mixed" : (rulesSeen.first ?? "none")
        var report = BatchReport(generator: GeneratorInfo(version: gongwenVersion, rules: rules))
        report.counts = counts
        report.files = files
        report.warningCounts = warningCounts
        report.timing = BatchReport.Timing(elapsedSeconds: 0, bytes: bytes, megabytesPerSecond: 0)
        try reportOut.write(encoder.pretty(report))
        try reportOut.write(Data([0x0A]))
        return summary
      }
      for w in all { try w.commit() }
      var s = summary
      s.files = all.map(\.path)
      return s
    } catch let e as StageFailure {
      all.forEach { $0.abandon() }
      throw ArchiveError(e.message)
    } catch {
      all.forEach { $0.abandon() }
      throw ArchiveError("export from \(path) failed: \(Self.describe(error))")
    }
  }

  // MARK: - Reprocess

  /// What reprocessing changed in one notice.
  public struct ReprocessResult: Codable, Sendable {
    public var documentId: String
    public var path: String?
    /// `changed`, `unchanged`, `failed`.
    public var status: String
    public var tasksAdded: [String] = []
    public var tasksRemoved: [String] = []
    /// Task id → the fields that changed.
    public var tasksChanged: [String: [String]] = [:]
    /// Document fields (other than tasks) that changed.
    public var documentFields: [String] = []
    public var error: String?

    enum CodingKeys: String, CodingKey {
      case documentId = "document_id", path, status, tasksAdded = "tasks_added", tasksRemoved = "tasks_removed",
        tasksChanged = "tasks_changed", documentFields = "document_fields", error
    }
  }

  /// Re-runs `pipeline` on every stored notice's raw bytes (in parallel, `jobs` at a time), replaces its
  /// stored results, signature, band buckets and links (one transaction per notice) and reports what changed.
  public func reprocess(pipeline: Pipeline, jobs: Int, run: Int64,
                        progress: (Int, Int) -> Void = { _, _ in }) throws(ArchiveError) -> [ReprocessResult] {
    let list: [(id: String, path: String?)] = try guarded("listing notices") {
      try db.read { db in
        try Row.fetchAll(db, sql: "SELECT id, source_path FROM document ORDER BY seq").map { ($0["id"], $0["source_path"]) }
      }
    }
    let similarity = self.similarity
    var results: [ReprocessResult] = []
    let chunkSize = max(1, jobs) * 8
    var start = 0
    while start < list.count {
      let chunk = Array(list[start..<min(list.count, start + chunkSize)])
      start += chunk.count
      let raws: [[UInt8]] = try guarded("reading raw bytes") {
        try db.read { db in
          try chunk.map { item in
            let data = try Data.fetchOne(db, sql: "SELECT bytes FROM raw_source WHERE document_id = ?", arguments: [item.id])
            return data.map { [UInt8]($0) } ?? []
          }
        }
      }
      let box = Box<Result<PreparedNotice, StageFailure>>(count: chunk.count)
      let work: @Sendable (Int) -> Void = { i in
        do throws(StageFailure) {
          let out = try pipeline.process(PipelineInput(path: chunk[i].path, bytes: raws[i]))
          box.set(i, .success(PreparedNotice(output: out, raw: raws[i], rules: similarity)))
        } catch {
          box.set(i, .failure(error))
        }
      }
      if jobs <= 1 { for i in 0..<chunk.count { work(i) } } else {
        DispatchQueue.concurrentPerform(iterations: chunk.count, execute: work)
      }
      for (i, item) in chunk.enumerated() {
        switch box.get(i) {
        case .success(let notice):
          results.append(try update(item.id, with: notice, run: run))
        case .failure(let e):
          results.append(ReprocessResult(documentId: item.id, path: item.path, status: "failed",
                                         error: "\(e.stage): \(e.message)"))
        case nil:
          results.append(ReprocessResult(documentId: item.id, path: item.path, status: "failed", error: "not processed"))
        }
        progress(results.count, list.count)
      }
    }
    return results
  }

  func update(_ id: String, with notice: PreparedNotice, run: Int64) throws(ArchiveError) -> ReprocessResult {
    let decoder = JSONDecoder()
    return try guarded("updating \(id)") {
      try db.write { db -> ReprocessResult in
        var result = ReprocessResult(documentId: id, path: notice.output.document.source.path, status: "unchanged")
        var doc = notice.output.document
        doc.duplicates = []
        let newJSON = try self.recordJSON(doc)
        let oldJSON = try String.fetchOne(db, sql: "SELECT record_json FROM document WHERE id = ?", arguments: [id]) ?? "{}"
        result.documentFields = try changedFields(oldJSON, newJSON, decoder)
        var oldTasks: [String: String] = [:]
        var oldOrder: [String] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, record_json FROM task WHERE document_id = ? ORDER BY ordinal",
                                    arguments: [id]) {
          oldTasks[row["id"]] = row["record_json"]
          oldOrder.append(row["id"])
        }
        var newIDs = Set<String>()
        for t in notice.output.tasks {
          newIDs.insert(t.id)
          let json = try self.recordJSON(t)
          if let old = oldTasks[t.id] {
            if old != json { result.tasksChanged[t.id] = try changedFields(old, json, decoder) }
          } else {
            result.tasksAdded.append(t.id)
          }
        }
        result.tasksRemoved = oldOrder.filter { !newIDs.contains($0) }
        if !result.documentFields.isEmpty || !result.tasksAdded.isEmpty || !result.tasksRemoved.isEmpty
          || !result.tasksChanged.isEmpty
        {
          result.status = "changed"
        }
        try db.execute(sql: """
          UPDATE document SET text_sha256 = ?, title = ?, doc_number = ?, text = ?, record_json = ?, task_count = ?,
            rules_hash = ?, generator_version = ?, updated_at = ?, run_id = ? WHERE id = ?
          """, arguments: [doc.textSha256, doc.title, doc.docNumber, doc.text, newJSON, notice.output.tasks.count,
                           doc.generator.rules, doc.generator.version, Self.now(), run, id])
        for table in ["task", "removed_span"] {
          try db.execute(sql: "DELETE FROM \(table) WHERE document_id = ?", arguments: [id])
        }
        let seq = try Int64.fetchOne(db, sql: "SELECT seq FROM document WHERE id = ?", arguments: [id]) ?? 0
        for table in ["minhash", "lsh_band"] {
          try db.execute(sql: "DELETE FROM \(table) WHERE doc = ?", arguments: [seq])
        }
        try db.execute(sql: "DELETE FROM duplicate_link WHERE document_id = ? OR other_id = ?", arguments: [id, id])
        try self.insertContent(db, notice: notice)
        let links = try self.findLinks(db, notice: notice, excluding: id)
        try self.insertIndex(db, notice: notice, seq: seq)
        try self.insertLinks(db, documentId: id, links: links)
        let outcome = IngestOutcome(path: result.path ?? id, status: result.status == "changed" ? .added : .unchanged,
                                    documentId: id, duplicateOf: links.first?.documentId,
                                    relation: links.first?.relation, similarity: links.first?.similarity,
                                    error: nil, links: links)
        try self.insertEvent(db, run: run, outcome, sha256: doc.source.sha256)
        return result
      }
    }
  }
}

/// Top-level keys whose values differ between two JSON objects, sorted.
func changedFields(_ a: String, _ b: String, _ decoder: JSONDecoder) throws -> [String] {
  if a == b { return [] }
  let x = (try? decoder.decode([String: JSONValue].self, from: Data(a.utf8))) ?? [:]
  let y = (try? decoder.decode([String: JSONValue].self, from: Data(b.utf8))) ?? [:]
  return Set(x.keys).union(y.keys).filter { x[$0] != y[$0] }.sorted()
}

final class Box<T>: @unchecked Sendable {
  private var items: [T?]
  private let lock = NSLock()
  init(count: Int) { items = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ v: T) { lock.lock(); items[i] = v; lock.unlock() }
  func get(_ i: Int) -> T? { lock.lock(); defer { lock.unlock() }; return items[i] }
}

/// `tasks.csv`: one row per task, for spreadsheets (UTF-8 with BOM, CRLF).
enum TaskCSV {
  static let header = ["document_id", "task_id", "path", "markers", "heading", "text", "attribution", "departments",
                       "lead", "responsible", "participating", "span_start", "span_end", "title", "doc_number",
                       "source_path"]
  static func row(_ t: TaskRecord, _ d: DocumentRecord) -> [String] {
    [t.documentId, t.id, t.path.map(String.init).joined(separator: "."), t.markers.joined(), t.heading ?? "", t.text,
     t.attribution ?? "", t.departments.joined(separator: "；"), t.lead.joined(separator: "；"),
     t.responsible.joined(separator: "；"), t.participating.joined(separator: "；"), String(t.span.start),
     String(t.span.end), d.title ?? "", d.docNumber ?? "", d.source.path ?? ""]
  }
}

func csvLine(_ fields: [String]) -> String {
  fields.map { f -> String in
    let needsQuotes = f.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
      || f.first == " " || f.last == " "
    // a leading = + - @ would be run as a formula by spreadsheets: prefix a quote mark
    var v = f
    if let c = v.first, "=+-@".contains(c) { v = "'" + v }
    return needsQuotes ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
  }.joined(separator: ",") + "\r\n"
}
