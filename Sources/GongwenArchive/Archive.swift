import Foundation
import GRDB
import GongwenCore
import GongwenEmit
import GongwenPipeline
import GongwenSimilarity

/// A failure of the archive itself (cannot open, corrupt, newer schema, write failed).
public struct ArchiveError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// What `ingest` did with one input.
public enum IngestStatus: String, Codable, Sendable {
  /// Stored as a new notice.
  case added
  /// The same raw bytes were already ingested (as a notice or as a duplicate copy).
  case unchanged
  /// The clean text equals an archived notice's: remembered as a copy of it, not stored again.
  case duplicate
  /// Stored, and linked to at least one archived notice it nearly duplicates.
  case nearDuplicate = "near_duplicate"
  case failed
}

/// One input's outcome, as printed by `gongwen ingest --json`.
public struct IngestOutcome: Codable, Sendable, Equatable {
  public var path: String
  public var status: IngestStatus
  public var documentId: String?
  /// For `duplicate` / `near_duplicate` (and containment): the most similar archived notice.
  public var duplicateOf: String?
  /// Relation to `duplicateOf`: `duplicate`, `near_duplicate`, `contains`, `contained_in`.
  public var relation: String?
  public var similarity: Double?
  public var error: String?
  /// Every link made (most similar first).
  public var links: [DuplicateLink]

  public init(path: String, status: IngestStatus, documentId: String? = nil, duplicateOf: String? = nil,
              relation: String? = nil, similarity: Double? = nil, error: String? = nil, links: [DuplicateLink] = []) {
    self.path = path
    self.status = status
    self.documentId = documentId
    self.duplicateOf = duplicateOf
    self.relation = relation
    self.similarity = similarity
    self.error = error
    self.links = links
  }

  enum CodingKeys: String, CodingKey {
    case path, status, documentId = "document_id", duplicateOf = "duplicate_of", relation, similarity, error, links
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(path, forKey: .path)
    try c.encode(status, forKey: .status)
    try c.encode(documentId, forKey: .documentId)
    try c.encode(duplicateOf, forKey: .duplicateOf)
    try c.encode(relation, forKey: .relation)
    try c.encode(similarity, forKey: .similarity)
    try c.encode(error, forKey: .error)
    try c.encode(links, forKey: .links)
  }
}

/// A processed notice ready to be stored: pipeline output plus its similarity fingerprint,
/// computed off the writer (in parallel) so the write transaction stays short.
public struct PreparedNotice: Sendable {
  public var output: PipelineOutput
  public var raw: [UInt8]
  /// Scalars the shingles are cut from (empty: nothing to compare, never linked).
  public var scalars: [Unicode.Scalar]
  public var signature: Signature?

  public init(output: PipelineOutput, raw: [UInt8], rules: SimilarityRules) {
    self.output = output
    self.raw = raw
    scalars = shingleScalars(output.clean.scalars, rules: rules)
    signature = Signature(scalars: scalars, rules: rules)
  }
}

/// Who is writing, recorded with every run (provenance).
public struct RunInfo: Sendable {
  public var command: String
  public var arguments: [String]
  public var rulesHash: String
  public var rulesDirectory: String
  public init(command: String, arguments: [String], rulesHash: String, rulesDirectory: String) {
    self.command = command
    self.arguments = arguments
    self.rulesHash = rulesHash
    self.rulesDirectory = rulesDirectory
  }
}

/// The SQLite archive (GRDB): notices, tasks, removed spans, duplicate links, MinHash signatures
/// and LSH band buckets, raw bytes, and the provenance of every run.
///
/// Safety: WAL journal, `synchronous=NORMAL`, a busy timeout (concurrent writers wait their turn
/// instead of failing), and one IMMEDIATE transaction per notice, so a killed ingest loses at most
/// the notice it was writing and never leaves a half-stored one.
public final class Archive {
  public let path: String
  public let similarity: SimilarityRules
  let db: DatabaseQueue
  private let encoder = RecordEncoder()

  /// How long a writer waits for another process's transaction before giving up.
  public static let busyTimeout: TimeInterval = 120

  /// Opens (creating when `create`) the archive at `path` and brings its schema up to date.
  public init(path: String, similarity: SimilarityRules = .defaults, create: Bool = true) throws(ArchiveError) {
    self.path = path
    self.similarity = similarity
    if !create && !FileManager.default.fileExists(atPath: path) {
      throw ArchiveError("no archive at \(path); create one with `gongwen ingest PATH --archive \(path)`")
    }
    var config = Configuration()
    config.busyMode = .timeout(Self.busyTimeout)
    config.journalMode = .wal
    config.foreignKeysEnabled = true
    config.label = "gongwen-archive"
    config.prepareDatabase { db in
      // WAL + NORMAL: a commit survives a killed process (not a power cut in the last moments)
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
      // 64 MiB page cache: keeps the LSH bucket index's upper levels in memory as the archive grows
      try db.execute(sql: "PRAGMA cache_size = -65536")
      // reads through a memory map (up to SQLite's build limit): a lookup's random page reads in a
      // large archive are memory accesses, not read() calls
      try db.execute(sql: "PRAGMA mmap_size = 4294967296")
      // checkpoint every 4000 WAL pages (16 MiB) instead of 1000: each notice's commit dirties pages
      // all over the band index; a longer interval copies a page rewritten by several commits once
      try db.execute(sql: "PRAGMA wal_autocheckpoint = 4000")
    }
    do {
      db = try DatabaseQueue(path: path, configuration: config)
    } catch {
      throw ArchiveError("cannot open archive \(path): \(Self.describe(error))")
    }
    let migrator = ArchiveSchema.migrator
    // Several processes may create or upgrade the same archive at once: the losers of that race
    // see a half-made schema or a lock; they retry after the winner has committed.
    var attempt = 0
    while true {
      do {
        if try db.read({ try migrator.hasBeenSuperseded($0) }) {
          throw ArchiveError("archive \(path) was written by a newer gongwen (unknown schema migrations); upgrade gongwen")
        }
        try migrator.migrate(db)
        break
      } catch let e as ArchiveError {
        throw e
      } catch {
        attempt += 1
        if attempt >= 10 { throw ArchiveError("cannot open archive \(path): \(Self.describe(error))") }
        db.writeWithoutTransaction { $0.clearSchemaCache() }
        usleep(UInt32(100_000 * attempt))
      }
    }
  }

  /// CPU time used so far by the calling thread, in microseconds (for the lookup counts).
  static func threadCPU() -> Int {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Int(ts.tv_sec) * 1_000_000 + Int(ts.tv_nsec / 1000)
  }

  static func describe(_ error: any Error) -> String {
    if let e = error as? DatabaseError {
      return e.message.map { "\($0) (SQLite \(e.resultCode))" } ?? "SQLite \(e.resultCode)"
    }
    return "\(error)"
  }

  func guarded<T>(_ what: String, _ body: () throws -> T) throws(ArchiveError) -> T {
    do { return try body() } catch let e as ArchiveError { throw e } catch {
      throw ArchiveError("\(what) failed in \(path): \(Self.describe(error))")
    }
  }

  /// The current UTC time as ISO 8601 with milliseconds (`2026-11-22T08:14:03.541Z`).
  /// Hand-formatted: a date formatter per call costs more than storing a notice.
  static func now() -> String {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    var seconds = time_t(ts.tv_sec)
    var t = tm()
    gmtime_r(&seconds, &t)
    func pad(_ v: Int32, _ width: Int) -> String {
      let s = String(v)
      return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
    return pad(t.tm_year + 1900, 4) + "-" + pad(t.tm_mon + 1, 2) + "-" + pad(t.tm_mday, 2) + "T" + pad(t.tm_hour, 2)
      + ":" + pad(t.tm_min, 2) + ":" + pad(t.tm_sec, 2) + "." + pad(Int32(ts.tv_nsec / 1_000_000), 3) + "Z"
  }

  // MARK: - Runs

  /// Records the start of an ingest or reprocess run; returns its id.
  public func beginRun(_ info: RunInfo) throws(ArchiveError) -> Int64 {
    let params = similarity.signatureParameters
    return try guarded("starting a run") {
      try db.write { db in
        try db.execute(sql: """
          INSERT INTO ingest_run (command, arguments, generator_version, rules_hash, rules_directory,
            similarity_params, host, pid, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, arguments: [info.command, info.arguments.joined(separator: " "), gongwenVersion, info.rulesHash,
                           info.rulesDirectory, params, ProcessInfo.processInfo.hostName,
                           Int(ProcessInfo.processInfo.processIdentifier), Self.now()])
        return db.lastInsertedRowID
      }
    }
  }

  /// Records the end of a run with its outcome counts and the similarity lookup counts
  /// (`lookups`, `lsh_bucket_rows_read`, `lsh_candidates`, ..., see `LookupCounts`).
  public func finishRun(_ id: Int64, counts: [String: Int]) throws(ArchiveError) {
    var all = counts
    if lookupCounts.lookups > 0 { all.merge(lookupCounts.asCounts) { a, _ in a } }
    let json = (try? String(decoding: encoder.line(all), as: UTF8.self)) ?? "{}"
    try guarded("finishing a run") {
      try db.write { db in
        try db.execute(sql: "UPDATE ingest_run SET finished_at = ?, counts_json = ? WHERE id = ?",
                       arguments: [Self.now(), json, id])
      }
    }
  }

  // MARK: - Ingest

  /// Notices whose stored signature was made with other similarity settings than this archive was
  /// opened with: they cannot be found as near-duplicates until `gongwen reprocess` recomputes them.
  public func staleSignatures() throws(ArchiveError) -> Int {
    let params = similarity.signatureParameters
    return try guarded("checking signatures") {
      try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM minhash WHERE params != ?", arguments: [params]) ?? 0 }
    }
  }

  /// What the archive already knows about these raw bytes (so `ingest` can skip the pipeline).
  public func known(sha256: String) throws(ArchiveError) -> (documentId: String, duplicateOf: String?)? {
    try guarded("looking up a notice") {
      try db.read { db in
        if let id = try String.fetchOne(db, sql: "SELECT id FROM document WHERE sha256 = ?", arguments: [sha256]) {
          return (id, nil)
        }
        if let row = try Row.fetchOne(db, sql: "SELECT id, document_id FROM duplicate_copy WHERE sha256 = ?",
                                      arguments: [sha256]) {
          return (row["id"], row["document_id"])
        }
        return nil
      }
    }
  }

  /// Records an input that failed (or was unchanged) in the run's history.
  public func recordEvent(run: Int64, _ outcome: IngestOutcome, sha256: String?) throws(ArchiveError) {
    try guarded("recording an event") {
      try db.write { db in try self.insertEvent(db, run: run, outcome, sha256: sha256) }
    }
  }

  func insertEvent(_ db: Database, run: Int64, _ o: IngestOutcome, sha256: String?) throws {
    try db.cachedStatement(sql: """
      INSERT INTO ingest_event (run_id, path, sha256, status, document_id, duplicate_of, relation, similarity, error, at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """).execute(arguments: [run, o.path, sha256, o.status.rawValue, o.documentId, o.duplicateOf, o.relation,
                               o.similarity, o.error, Self.now()])
  }

  /// Stores one processed notice in its own transaction and links it to similar archived notices.
  public func ingest(_ notice: PreparedNotice, run: Int64) throws(ArchiveError) -> IngestOutcome {
    let doc = notice.output.document
    let path = doc.source.path ?? doc.source.id ?? "<stdin>"
    let started = Self.threadCPU()
    defer { lookupCounts.storeMicros += Self.threadCPU() - started }
    return try guarded("storing \(path)") {
      try db.write { db -> IngestOutcome in
        var outcome: IngestOutcome
        if let id = try String.fetchOne(db, sql: "SELECT id FROM document WHERE sha256 = ?", arguments: [doc.source.sha256]) {
          outcome = IngestOutcome(path: path, status: .unchanged, documentId: id)
        } else if let row = try Row.fetchOne(db, sql: "SELECT id, document_id FROM duplicate_copy WHERE sha256 = ?",
                                             arguments: [doc.source.sha256]) {
          outcome = IngestOutcome(path: path, status: .unchanged, documentId: row["id"], duplicateOf: row["document_id"],
                                  relation: Relation.duplicate.rawValue, similarity: 1)
        } else if !notice.scalars.isEmpty,
          let original = try String.fetchOne(db, sql: "SELECT id FROM document WHERE text_sha256 = ? ORDER BY seq LIMIT 1",
                                             arguments: [doc.textSha256])
        {
          try db.execute(sql: """
            INSERT INTO duplicate_copy (sha256, id, source_path, document_id, ingested_at, run_id) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [doc.source.sha256, doc.id, doc.source.path, original, Self.now(), run])
          let link = DuplicateLink(documentId: original, relation: Relation.duplicate.rawValue, similarity: 1)
          outcome = IngestOutcome(path: path, status: .duplicate, documentId: doc.id, duplicateOf: original,
                                  relation: link.relation, similarity: 1, links: [link])
        } else {
          let links = try self.findLinks(db, notice: notice, excluding: doc.id)
          let seq = try self.insertDocument(db, notice: notice, run: run)
          try self.insertIndex(db, notice: notice, seq: seq)
          try self.insertLinks(db, documentId: doc.id, links: links)
          let best = links.first
          let near = links.contains { $0.relation == Relation.nearDuplicate.rawValue }
          outcome = IngestOutcome(path: path, status: near ? .nearDuplicate : .added, documentId: doc.id,
                                  duplicateOf: best?.documentId, relation: best?.relation,
                                  similarity: best?.similarity, links: links)
        }
        try self.insertEvent(db, run: run, outcome, sha256: doc.source.sha256)
        return outcome
      }
    }
  }

  /// What the similarity lookups of this archive handle have done so far (recorded with each run, so
  /// the cost of a lookup can be followed as the archive grows).
  public struct LookupCounts: Sendable, Equatable {
    /// Lookups made (one per stored notice with a signature).
    public var lookups = 0
    /// Bucket rows read (at most `bands × max_bucket` per lookup).
    public var bucketRows = 0
    /// Buckets that had more than `max_bucket` members (only the newest were read).
    public var crowdedBuckets = 0
    /// Distinct candidates found.
    public var candidates = 0
    /// Candidates left out because more than `max_candidates` were found.
    public var capped = 0
    /// Candidates whose signature was compared.
    public var compared = 0
    /// Candidates checked exactly (their text read).
    public var verified = 0
    /// CPU time of the writing thread in lookups (microseconds).
    public var lookupMicros = 0
    /// CPU time of the writing thread in the whole store transaction of a notice, lookup and commit
    /// included (microseconds).
    public var storeMicros = 0

    public var asCounts: [String: Int] {
      ["lookups": lookups, "lsh_bucket_rows_read": bucketRows, "lsh_crowded_buckets": crowdedBuckets,
       "lsh_candidates": candidates, "lsh_candidates_capped": capped, "signatures_compared": compared,
       "texts_verified": verified, "lookup_cpu_us": lookupMicros, "store_cpu_us": storeMicros]
    }
  }

  /// Counts of every lookup made through this handle (ingest and reprocess).
  public private(set) var lookupCounts = LookupCounts()

  /// Links of `notice` to archived notices, most similar first: exact copies by text hash, then LSH
  /// candidates ranked by shared bands (at most `max_bucket` rows per bucket, at most
  /// `max_candidates` candidates), pre-checked on their signatures and verified with exact Jaccard /
  /// containment. The work per lookup is bounded whatever the archive size.
  func findLinks(_ db: Database, notice: PreparedNotice, excluding selfID: String) throws -> [DuplicateLink] {
    guard let signature = notice.signature else { return [] }
    // same clean text stored twice (only after `reprocess` made two texts equal): `duplicate`
    let same = try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM document WHERE text_sha256 = ? AND id != ?"),
                                   arguments: [notice.output.document.textSha256, selfID])
    var links = same.map { DuplicateLink(documentId: $0, relation: Relation.duplicate.rawValue, similarity: 1) }
    var counts = lookupCounts
    let started = Self.threadCPU()
    defer {
      counts.lookupMicros += Self.threadCPU() - started
      lookupCounts = counts
    }
    counts.lookups += 1
    let limit = similarity.maxBucket
    let lookup = try db.cachedStatement(sql: "SELECT doc FROM lsh_band WHERE band = ? AND key = ? ORDER BY doc DESC LIMIT ?")
    var tally = BandTally()
    for (band, key) in signature.bandKeys.enumerated() {
      let members = try Int64.fetchAll(lookup, arguments: [band, key, limit + 1])
      counts.bucketRows += members.count
      if members.count > limit { counts.crowdedBuckets += 1 }
      tally.add(members.prefix(limit))
    }
    counts.candidates += tally.count
    let ranked = tally.best(similarity.maxCandidates)
    counts.capped += tally.count - ranked.count
    if ranked.isEmpty { return Array(sortLinks(links).prefix(similarity.maxLinks)) }
    // signature pre-check, then the exact check on the few that pass
    let signatureOf = try db.cachedStatement(sql: "SELECT params, signature, shingles FROM minhash WHERE doc = ?")
    let idOf = try db.cachedStatement(sql: "SELECT id FROM document WHERE seq = ?")
    let params = similarity.signatureParameters
    let length = max(1, notice.scalars.count - similarity.shingleSize + 1)
    let skip = Set(same + [selfID])
    var verify: [(seq: Int64, id: String)] = []
    for (seq, _) in ranked {
      guard let row = try Row.fetchOne(signatureOf, arguments: [seq]) else { continue }
      counts.compared += 1
      let blob: Data = row["signature"]
      if (row["params"] as String) == params,
        let j = blob.withUnsafeBytes({ signature.estimatedJaccard(storedBytes: $0) }),
        !similarity.worthVerifying(estimatedJaccard: j, sizeA: length, sizeB: row["shingles"])
      {
        continue
      }
      guard let id = try String.fetchOne(idOf, arguments: [seq]), !skip.contains(id) else { continue }
      verify.append((seq, id))
    }
    if verify.isEmpty { return Array(sortLinks(links).prefix(similarity.maxLinks)) }
    let mine = ShingleSet(scalars: notice.scalars, rules: similarity)
    let textOf = try db.cachedStatement(sql: "SELECT text FROM document WHERE seq = ?")
    for (seq, id) in verify {
      guard let text = try String.fetchOne(textOf, arguments: [seq]) else { continue }
      counts.verified += 1
      let theirs = ShingleSet(text: text, rules: similarity)
      if let m = similarity.classify(Overlap(mine, theirs)) {
        links.append(DuplicateLink(documentId: id, relation: m.relation.rawValue, similarity: m.similarity))
      }
    }
    return Array(sortLinks(links).prefix(similarity.maxLinks))
  }

  func recordJSON(_ value: some Encodable) throws -> String {
    String(decoding: try encoder.line(value), as: UTF8.self)
  }

  /// Inserts the notice's row, raw bytes, tasks and removed spans; returns its `seq`.
  func insertDocument(_ db: Database, notice: PreparedNotice, run: Int64) throws -> Int64 {
    var doc = notice.output.document
    doc.duplicates = []  // links live in duplicate_link, composed on read
    let now = Self.now()
    try db.cachedStatement(sql: """
      INSERT INTO document (id, source_path, sha256, text_sha256, title, doc_number, text, record_json, task_count,
        rules_hash, generator_version, ingested_at, updated_at, run_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """).execute(arguments: [doc.id, doc.source.path, doc.source.sha256, doc.textSha256, doc.title, doc.docNumber,
                               doc.text, try recordJSON(doc), notice.output.tasks.count, doc.generator.rules,
                               doc.generator.version, now, now, run])
    let seq = db.lastInsertedRowID
    try db.cachedStatement(sql: "INSERT INTO raw_source (document_id, bytes) VALUES (?, ?)")
      .execute(arguments: [doc.id, Data(notice.raw)])
    try insertContent(db, notice: notice)
    return seq
  }

  /// Tasks and removed spans of a notice.
  func insertContent(_ db: Database, notice: PreparedNotice) throws {
    let doc = notice.output.document
    let task = try db.cachedStatement(sql: """
      INSERT INTO task (id, document_id, ordinal, path, heading, departments, record_json) VALUES (?, ?, ?, ?, ?, ?, ?)
      """)
    for (i, t) in notice.output.tasks.enumerated() {
      try task.execute(arguments: [t.id, doc.id, i, t.path.map(String.init).joined(separator: "."), t.heading,
                                   t.departments.joined(separator: "、"), try recordJSON(t)])
    }
    let removed = try db.cachedStatement(sql: """
      INSERT INTO removed_span (document_id, ordinal, stage, reason, start, "end", record_json) VALUES (?, ?, ?, ?, ?, ?, ?)
      """)
    for (i, r) in doc.removed.enumerated() {
      try removed.execute(arguments: [doc.id, i, r.stage, r.reason, r.span.start, r.span.end, try recordJSON(r)])
    }
  }

  /// The notice's signature and its band keys (`seq`: its `document.seq`).
  func insertIndex(_ db: Database, notice: PreparedNotice, seq: Int64) throws {
    guard let signature = notice.signature else { return }
    try db.cachedStatement(sql: "INSERT INTO minhash (doc, params, signature, shingles) VALUES (?, ?, ?, ?)")
      .execute(arguments: [seq, similarity.signatureParameters, Data(signature.bytes),
                           max(1, notice.scalars.count - similarity.shingleSize + 1)])
    let bucket = try db.cachedStatement(sql: "INSERT OR IGNORE INTO lsh_band (band, key, doc) VALUES (?, ?, ?)")
    for (band, key) in signature.bandKeys.enumerated() {
      try bucket.execute(arguments: [band, key, seq])
    }
  }

  /// Stores `links` from `documentId` and the inverse links back to it.
  func insertLinks(_ db: Database, documentId: String, links: [DuplicateLink]) throws {
    let link = try db.cachedStatement(sql: """
      INSERT OR REPLACE INTO duplicate_link (document_id, other_id, relation, similarity) VALUES (?, ?, ?, ?)
      """)
    for l in links {
      let inverse = (Relation(rawValue: l.relation) ?? .nearDuplicate).inverse.rawValue
      try link.execute(arguments: [documentId, l.documentId, l.relation, l.similarity])
      try link.execute(arguments: [l.documentId, documentId, inverse, l.similarity])
    }
  }

  // MARK: - Reading

  /// Resolves a full id or an unambiguous prefix (at least 4 hex digits).
  public func resolve(_ idOrPrefix: String) throws(ArchiveError) -> String? {
    let needle = idOrPrefix.lowercased()
    return try guarded("looking up \(idOrPrefix)") {
      try db.read { db -> String? in
        if let id = try String.fetchOne(db, sql: "SELECT id FROM document WHERE id = ?", arguments: [needle]) { return id }
        guard needle.count >= 4, needle.allSatisfy(\.isHexDigit) else { return nil }
        let ids = try String.fetchAll(db, sql: "SELECT id FROM document WHERE id >= ? AND id < ? LIMIT 2",
                                      arguments: [needle, needle + "g"])
        if ids.count > 1 { throw ArchiveError("\(idOrPrefix) matches more than one notice; give more digits") }
        return ids.first
      }
    }
  }

  /// Links of one notice, most similar first.
  func links(_ db: Database, of id: String) throws -> [DuplicateLink] {
    let rows = try Row.fetchAll(db.cachedStatement(sql: """
      SELECT other_id, relation, similarity FROM duplicate_link WHERE document_id = ?
      """), arguments: [id])
    return sortLinks(rows.map { DuplicateLink(documentId: $0["other_id"], relation: $0["relation"], similarity: $0["similarity"]) })
  }

  /// A stored notice with its links composed in, and its tasks.
  public struct StoredNotice: Sendable {
    public var document: DocumentRecord
    public var tasks: [TaskRecord]
    public var ingestedAt: String
    public var updatedAt: String
    /// Inputs remembered as exact copies of this notice: (path, id).
    public var copies: [(path: String?, id: String)]
  }

  public func notice(_ id: String) throws(ArchiveError) -> StoredNotice? {
    let decoder = JSONDecoder()
    return try guarded("reading \(id)") {
      try db.read { db -> StoredNotice? in
        guard let row = try Row.fetchOne(db, sql: "SELECT record_json, ingested_at, updated_at FROM document WHERE id = ?",
                                         arguments: [id]) else { return nil }
        var doc = try decoder.decode(DocumentRecord.self, from: Data((row["record_json"] as String).utf8))
        doc.duplicates = try self.links(db, of: id)
        let tasks = try String.fetchAll(db, sql: "SELECT record_json FROM task WHERE document_id = ? ORDER BY ordinal",
                                        arguments: [id]).map { try decoder.decode(TaskRecord.self, from: Data($0.utf8)) }
        let copies = try Row.fetchAll(db, sql: "SELECT source_path, id FROM duplicate_copy WHERE document_id = ? ORDER BY id",
                                      arguments: [id]).map { (path: $0["source_path"] as String?, id: $0["id"] as String) }
        return StoredNotice(document: doc, tasks: tasks, ingestedAt: row["ingested_at"], updatedAt: row["updated_at"],
                            copies: copies)
      }
    }
  }

  /// Removes notices (with their tasks, spans, links, index rows, raw bytes and remembered copies).
  /// Returns the ids that were found and removed.
  public func remove(_ ids: [String]) throws(ArchiveError) -> [String] {
    try guarded("removing notices") {
      try db.write { db -> [String] in
        var removed: [String] = []
        for id in ids {
          try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
          if db.changesCount > 0 { removed.append(id) }
        }
        return removed
      }
    }
  }

  /// Archive-wide counts for `gongwen archive stats`.
  public struct Stats: Codable, Sendable {
    public var documents = 0
    public var tasks = 0
    public var duplicateCopies = 0
    public var links: [String: Int] = [:]
    public var runs = 0
    public var lastRunAt: String?
    public var rulesHashes: [String: Int] = [:]
    public var generatorVersions: [String: Int] = [:]
    public var lshBucketRows = 0
    public var rawBytes = 0
    public var fileBytes = 0
    public var schemaMigrations: [String] = []

    enum CodingKeys: String, CodingKey {
      case documents, tasks, duplicateCopies = "duplicate_copies", links, runs, lastRunAt = "last_run_at",
        rulesHashes = "rules_hashes", generatorVersions = "generator_versions", lshBucketRows = "lsh_bucket_rows",
        rawBytes = "raw_bytes", fileBytes = "file_bytes", schemaMigrations = "schema_migrations"
    }
  }

  public func stats() throws(ArchiveError) -> Stats {
    var s = try guarded("reading statistics") {
      try db.read { db -> Stats in
        var s = Stats()
        s.documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0
        s.tasks = try Int.fetchOne(db, sql: "SELECT count(*) FROM task") ?? 0
        s.duplicateCopies = try Int.fetchOne(db, sql: "SELECT count(*) FROM duplicate_copy") ?? 0
        // each link is stored in both directions; count pairs once
        for row in try Row.fetchAll(db, sql: """
          SELECT relation, count(*) AS n FROM duplicate_link
          WHERE (relation IN ('duplicate', 'near_duplicate') AND document_id < other_id) OR relation = 'contains'
          GROUP BY relation
          """) {
          s.links[row["relation"]] = row["n"]
        }
        s.runs = try Int.fetchOne(db, sql: "SELECT count(*) FROM ingest_run") ?? 0
        s.lastRunAt = try String.fetchOne(db, sql: "SELECT max(started_at) FROM ingest_run")
        for row in try Row.fetchAll(db, sql: "SELECT rules_hash, count(*) AS n FROM document GROUP BY rules_hash") {
          s.rulesHashes[row["rules_hash"]] = row["n"]
        }
        for row in try Row.fetchAll(db, sql: "SELECT generator_version, count(*) AS n FROM document GROUP BY generator_version") {
          s.generatorVersions[row["generator_version"]] = row["n"]
        }
        s.lshBucketRows = try Int.fetchOne(db, sql: "SELECT count(*) FROM lsh_band") ?? 0
        s.rawBytes = try Int.fetchOne(db, sql: "SELECT coalesce(sum(length(bytes)), 0) FROM raw_source") ?? 0
        s.schemaMigrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        return s
      }
    }
    for suffix in ["", "-wal"] {
      if let attrs = try? FileManager.default.attributesOfItem(atPath: path + suffix),
        let size = attrs[.size] as? NSNumber
      {
        s.fileBytes += size.intValue
      }
    }
    return s
  }

  /// `PRAGMA integrity_check` (and foreign keys): "ok" when the file is sound.
  public func integrityCheck() throws(ArchiveError) -> [String] {
    try guarded("checking integrity") {
      try db.read { db in
        var out = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
        if !fk.isEmpty { out.append("\(fk.count) foreign key violation(s)") }
        return out
      }
    }
  }

  /// Runs a read-only SQL query returning one integer (for tests and tools).
  public func count(_ sql: String) throws(ArchiveError) -> Int {
    try guarded("counting") { try db.read { try Int.fetchOne($0, sql: sql) ?? 0 } }
  }
}
