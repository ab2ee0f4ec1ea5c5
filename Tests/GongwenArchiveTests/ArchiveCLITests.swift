import Foundation
import Testing
import GongwenArchive
import GongwenTestSupport

/// The archive through the real `gongwen` binary: ingest statuses, export, reprocess, remove,
/// `process` duplicate links, concurrent writers and a kill in the middle of an ingest.
@Suite(.serialized) struct ArchiveCLITests {
  let notices = TestSupport.corpusDirectory.appendingPathComponent("notices").path
  let bands = TestSupport.rules.similarity.bands

  func seedPath(_ prefix: String) throws -> String {
    let names = try FileManager.default.contentsOfDirectory(atPath: notices).sorted()
    return notices + "/" + (try #require(names.first { $0.hasPrefix(prefix) }))
  }

  func ingestJSON(_ args: [String]) throws -> (status: Int32, items: [[String: Any]], stderr: String) {
    let r = try CLI.run(["ingest"] + args + ["--json"])
    let items = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [[String: Any]] ?? []
    return (r.status, items, r.stderr)
  }

  /// A 5%-edited copy of seed 001 (25 phrases of 20 characters replaced).
  func writeEditedCopy(to dir: URL) throws -> String {
    let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: try seedPath("001"))), as: UTF8.self)
    var s = Array(text.unicodeScalars)
    let step = s.count / 26
    for p in 1...25 {
      for i in (p * step)..<min(s.count, p * step + 20) {
        s[i] = Unicode.Scalar(0x4E00 + UInt32((i * 7919 + p) % 20_000)) ?? "改"
      }
    }
    let path = dir.appendingPathComponent("edited_001.txt").path
    try String(String.UnicodeScalarView(s)).write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func ingestingTheSeedsTwiceLeavesFiveUnlinkedNotices() throws {
    let db = CLI.tempDir("archive").appendingPathComponent("a.sqlite").path
    let first = try ingestJSON([notices, "--archive", db])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.items.count == 5)
    #expect(first.items.allSatisfy { $0["status"] as? String == "added" })
    #expect(first.items.allSatisfy { $0["duplicate_of"] is NSNull && ($0["links"] as? [Any])?.isEmpty == true })
    let second = try ingestJSON([notices, "--archive", db])
    #expect(second.status == 0)
    #expect(second.items.map { $0["status"] as? String } == Array(repeating: "unchanged", count: 5))
    #expect(second.items.map { $0["document_id"] as? String } == first.items.map { $0["document_id"] as? String })
    let archive = try Archive(path: db, create: false)
    #expect(try archive.count("SELECT count(*) FROM document") == 5)
    #expect(try archive.count("SELECT count(*) FROM duplicate_link") == 0)
    #expect(try archive.count("SELECT count(*) FROM lsh_band") == 5 * bands)
    #expect(try archive.count("SELECT count(*) FROM ingest_run") == 2)
    #expect(try archive.count("SELECT count(*) FROM ingest_event") == 10)
    #expect(try archive.integrityCheck() == ["ok"])
    let stats = try CLI.run(["archive", "stats", "--archive", db, "--check"])
    #expect(stats.status == 0)
    #expect(stats.stdout.contains("notices") && stats.stdout.contains("5"))
  }

  @Test func anEditedCopyIsANearDuplicateAndAByteOrderMarkCopyIsADuplicate() throws {
    let dir = CLI.tempDir("archive")
    let db = dir.appendingPathComponent("a.sqlite").path
    #expect(try CLI.run(["ingest", notices, "--archive", db]).status == 0)
    let edited = try writeEditedCopy(to: dir)
    let original = try ingestJSON([try seedPath("001"), "--archive", db]).items.first?["document_id"] as? String
    let r = try ingestJSON([edited, "--archive", db])
    #expect(r.status == 0)
    let item = try #require(r.items.first)
    #expect(item["status"] as? String == "near_duplicate")
    #expect(item["duplicate_of"] as? String == original)
    #expect(item["relation"] as? String == "near_duplicate")
    let similarity = try #require(item["similarity"] as? Double)
    #expect(similarity > 0.8 && similarity < 0.95, "similarity \(similarity)")

    // the readable table shows it too
    let copy = dir.appendingPathComponent("bom_000.txt")
    try (Data([0xEF, 0xBB, 0xBF]) + Data(contentsOf: URL(fileURLWithPath: try seedPath("000")))).write(to: copy)
    let table = try CLI.run(["ingest", copy.path, edited, "--archive", db])
    #expect(table.status == 0)
    #expect(table.stdout.contains("duplicate"))
    #expect(table.stdout.contains("unchanged"))
    let dup = try ingestJSON([copy.path, "--archive", db]).items.first
    #expect(dup?["status"] as? String == "unchanged", "the copy's bytes are remembered")
    #expect(dup?["duplicate_of"] as? String != nil)

    // the original shows the link, and the copy
    let show = try CLI.run(["archive", "show", try #require(original), "--archive", db])
    #expect(show.status == 0)
    #expect(show.stdout.contains("near_duplicate"))
    let showJSON = try CLI.run(["archive", "show", String(try #require(original).prefix(8)), "--archive", db, "--json"])
    let obj = try JSONSerialization.jsonObject(with: Data(showJSON.stdout.utf8)) as? [String: Any]
    let links = (obj?["document"] as? [String: Any])?["duplicates"] as? [[String: Any]] ?? []
    #expect(links.count == 1)
    #expect(links.first?["similarity"] as? Double == similarity)

    // export: the edited copy is a notice (with its link), the BOM copy is not
    let out = dir.appendingPathComponent("export")
    let e = try CLI.run(["export", "--archive", db, "--output", out.path, "--format", "csv"])
    #expect(e.status == 0, "\(e.stderr)")
    let docs = try String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8).split(separator: "\n")
    #expect(docs.count == 6)
    let csv = try Data(contentsOf: out.appendingPathComponent("tasks.csv"))
    #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(String(decoding: csv.dropFirst(3), as: UTF8.self).hasPrefix("document_id,task_id,path"))
    // exporting again gives the same bytes
    let out2 = dir.appendingPathComponent("export2")
    #expect(try CLI.run(["export", "--archive", db, "--output", out2.path]).status == 0)
    for f in ["documents.jsonl", "tasks.jsonl", "report.json"] {
      #expect(try Data(contentsOf: out.appendingPathComponent(f)) == Data(contentsOf: out2.appendingPathComponent(f)))
    }
  }

  @Test func aNoticeBundlingAnArchivedOneContainsIt() throws {
    let dir = CLI.tempDir("archive")
    let db = dir.appendingPathComponent("a.sqlite").path
    let original = try ingestJSON([try seedPath("000"), "--archive", db]).items.first?["document_id"] as? String
    let wrapper = dir.appendingPathComponent("wrapper.txt")
    let body = try [seedPath("000"), seedPath("002")].map { try String(contentsOfFile: $0, encoding: .utf8) }
    try ("转发市人民政府办公厅关于医药卫生体制改革工作的通知\n各镇人民政府：\n" + body.joined(separator: "\n"))
      .write(to: wrapper, atomically: true, encoding: .utf8)
    let r = try ingestJSON([wrapper.path, "--archive", db])
    let item = try #require(r.items.first)
    #expect(item["status"] as? String == "added")
    #expect(item["relation"] as? String == "contains")
    #expect(item["duplicate_of"] as? String == original)
    #expect((item["similarity"] as? Double ?? 0) > 0.95)
    let show = try CLI.run(["archive", "show", try #require(original), "--archive", db])
    #expect(show.stdout.contains("contained_in"))
    let stats = try CLI.run(["archive", "stats", "--archive", db, "--json"])
    let links = (try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])?["links"] as? [String: Int]
    #expect(links == ["contains": 1])
  }

  @Test func exportGivesTheSameFilesAsProcess() throws {
    let dir = CLI.tempDir("archive")
    let db = dir.appendingPathComponent("a.sqlite").path
    #expect(try CLI.run(["ingest", notices, "--archive", db]).status == 0)
    let exported = dir.appendingPathComponent("export"), processed = dir.appendingPathComponent("process")
    #expect(try CLI.run(["export", "--archive", db, "--output", exported.path]).status == 0)
    #expect(try CLI.run(["process", notices, "--output", processed.path]).status == 0)
    for f in ["documents.jsonl", "tasks.jsonl"] {
      let a = try Data(contentsOf: exported.appendingPathComponent(f))
      let b = try Data(contentsOf: processed.appendingPathComponent(f))
      #expect(a == b, "\(f) differs between export and process")
    }
  }

  @Test func processLinksTheDuplicatesOfABatchSymmetricallyWhateverTheJobs() throws {
    let dir = CLI.tempDir("batch")
    for name in try FileManager.default.contentsOfDirectory(atPath: notices) {
      try FileManager.default.copyItem(atPath: notices + "/" + name, toPath: dir.appendingPathComponent(name).path)
    }
    _ = try writeEditedCopy(to: dir)  // edited_001.txt sorts after the seeds
    try (Data([0xEF, 0xBB, 0xBF]) + Data(contentsOf: URL(fileURLWithPath: try seedPath("002"))))
      .write(to: dir.appendingPathComponent("zz_copy_002.txt"))
    let a = CLI.tempDir("out"), b = CLI.tempDir("out")
    #expect(try CLI.run(["process", dir.path, "--output", a.path, "--jobs", "1"]).status == 0)
    #expect(try CLI.run(["process", dir.path, "--output", b.path, "--jobs", "2"]).status == 0)
    let docsA = try Data(contentsOf: a.appendingPathComponent("documents.jsonl"))
    #expect(docsA == (try Data(contentsOf: b.appendingPathComponent("documents.jsonl"))))
    let records = String(decoding: docsA, as: UTF8.self).split(separator: "\n")
      .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    #expect(records.count == 7)
    var links: [String: [(String, String, Double)]] = [:]
    var ids: [String: String] = [:]
    for r in records {
      let id = r["id"] as? String ?? ""
      let path = (r["source"] as? [String: Any])?["path"] as? String ?? ""
      ids[(path as NSString).lastPathComponent] = id
      links[id] = ((r["duplicates"] as? [[String: Any]]) ?? []).map {
        ($0["document_id"] as? String ?? "", $0["relation"] as? String ?? "", $0["similarity"] as? Double ?? -1)
      }
    }
    let seed1 = try #require(ids.first { $0.key.hasPrefix("001_") }?.value)
    let seed2 = try #require(ids.first { $0.key.hasPrefix("002_") }?.value)
    let edited = try #require(ids["edited_001.txt"]), copy = try #require(ids["zz_copy_002.txt"])
    #expect(links[edited]?.map(\.0) == [seed1])
    #expect(links[edited]?.first?.1 == "near_duplicate")
    #expect(links[seed1]?.map(\.0) == [edited], "the earlier notice gets the reverse link")
    #expect(links[seed1]?.first?.2 == links[edited]?.first?.2)
    #expect(links[copy]?.first?.0 == seed2 && links[copy]?.first?.1 == "duplicate")
    #expect(links[seed2]?.first?.0 == copy)
    let unlinked = ids.filter { !$0.key.hasPrefix("001_") && !$0.key.hasPrefix("002_") && !$0.key.contains("edited")
      && !$0.key.contains("copy") }
    #expect(unlinked.count == 3)
    for (_, id) in unlinked { #expect(links[id]?.isEmpty == true) }
  }

  @Test func processMarksABundleAsContainingTheNoticesItCarries() throws {
    let dir = CLI.tempDir("bundle")
    let a = try seedPath("000"), b = try seedPath("003")
    try FileManager.default.copyItem(atPath: a, toPath: dir.appendingPathComponent("a.txt").path)
    try FileManager.default.copyItem(atPath: b, toPath: dir.appendingPathComponent("b.txt").path)
    let bundle = try [a, b].map { try String(contentsOfFile: $0, encoding: .utf8) }.joined(separator: "\n附件\n")
    try bundle.write(to: dir.appendingPathComponent("c_bundle.txt"), atomically: true, encoding: .utf8)
    let out = CLI.tempDir("out")
    #expect(try CLI.run(["process", dir.path, "--output", out.path]).status == 0)
    let records = try String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8)
      .split(separator: "\n").compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    #expect(records.count == 3)
    let ids = records.map { $0["id"] as? String ?? "" }
    func relations(_ r: [String: Any]) -> [String] {
      ((r["duplicates"] as? [[String: Any]]) ?? []).map { "\($0["relation"] ?? ""):\($0["document_id"] ?? "")" }.sorted()
    }
    #expect(relations(records[2]) == ["contains:\(ids[0])", "contains:\(ids[1])"].sorted())
    #expect(relations(records[0]) == ["contained_in:\(ids[2])"])
    #expect(relations(records[1]) == ["contained_in:\(ids[2])"])
  }

  @Test func reprocessUpdatesSignaturesAndReportsChanges() throws {
    let dir = CLI.tempDir("archive")
    let db = dir.appendingPathComponent("a.sqlite").path
    let edited = try writeEditedCopy(to: dir)
    #expect(try CLI.run(["ingest", notices, edited, "--archive", db]).status == 0)
    let same = try CLI.run(["reprocess", "--archive", db, "--json"])
    #expect(same.status == 0, "\(same.stderr)")
    let sameItems = try JSONSerialization.jsonObject(with: Data(same.stdout.utf8)) as? [[String: Any]] ?? []
    #expect(sameItems.count == 6)
    #expect(sameItems.allSatisfy { $0["status"] as? String == "unchanged" })

    // other rules: a different hash seed changes every signature and the rules hash
    let rules = dir.appendingPathComponent("rules")
    try FileManager.default.copyItem(atPath: TestSupport.rulesDirectory, toPath: rules.path)
    let yaml = rules.appendingPathComponent("similarity.yaml")
    let text = try String(contentsOf: yaml, encoding: .utf8)
      .replacingOccurrences(of: "seed: 7640891576956012808", with: "seed: 12345")
    try text.write(to: yaml, atomically: true, encoding: .utf8)
    let changed = try CLI.run(["reprocess", "--archive", db, "--rules", rules.path, "--json"])
    #expect(changed.status == 0, "\(changed.stderr)")
    let items = try JSONSerialization.jsonObject(with: Data(changed.stdout.utf8)) as? [[String: Any]] ?? []
    #expect(items.allSatisfy { $0["status"] as? String == "changed" })
    #expect(items.allSatisfy { ($0["document_fields"] as? [String]) == ["generator"] })
    let archive = try Archive(path: db, create: false)
    #expect(try archive.count("SELECT count(*) FROM duplicate_link") == 2, "the near-duplicate pair is linked again")
    #expect(try archive.count("SELECT count(DISTINCT params) FROM minhash") == 1)
    #expect(try archive.count("SELECT count(*) FROM lsh_band") == 6 * bands)
    let human = try CLI.run(["reprocess", "--archive", db, "--rules", rules.path])
    #expect(human.stdout.contains("6 notice(s): 0 changed"))
  }

  @Test func removeDeletesANoticeAndEverythingHangingOffIt() throws {
    let dir = CLI.tempDir("archive")
    let db = dir.appendingPathComponent("a.sqlite").path
    let edited = try writeEditedCopy(to: dir)
    let items = try ingestJSON([notices, edited, "--archive", db]).items
    let seed1 = try #require(items[1]["document_id"] as? String)
    let r = try CLI.run(["archive", "remove", seed1, "nonexistent", "--archive", db])
    #expect(r.status == 1)
    #expect(r.stdout.contains("removed \(seed1)"))
    #expect(r.stderr.contains("nonexistent"))
    let archive = try Archive(path: db, create: false)
    #expect(try archive.count("SELECT count(*) FROM document") == 5)
    #expect(try archive.count("SELECT count(*) FROM duplicate_link") == 0)
    #expect(try archive.count("SELECT count(*) FROM lsh_band") == 5 * bands)
    #expect(try archive.count("SELECT count(*) FROM raw_source") == 5)
    #expect(try archive.integrityCheck() == ["ok"])
    #expect(try CLI.run(["archive", "show", seed1, "--archive", db]).status == 1)
    // ingesting it again adds it back
    let again = try ingestJSON([try seedPath("001"), "--archive", db])
    #expect(again.items.first?["status"] as? String == "near_duplicate")
  }

  @Test func usageAndArchiveErrorsExitWithTwo() throws {
    #expect(try CLI.run(["ingest", notices]).status == 2, "--archive is required")
    #expect(try CLI.run(["archive", "stats", "--archive", "/nonexistent/a.sqlite"]).status == 2)
    let bad = CLI.tempDir("archive").appendingPathComponent("bad.sqlite")
    try Data("this is not a database, just text that is long enough to look like a header".utf8).write(to: bad)
    #expect(try CLI.run(["ingest", notices, "--archive", bad.path]).status == 2)
    let db = CLI.tempDir("archive").appendingPathComponent("a.sqlite").path
    let r = try ingestJSON([notices, "/nonexistent/x.txt", "--archive", db])
    #expect(r.status == 1)
    let missing = r.items.first { $0["path"] as? String == "/nonexistent/x.txt" }
    #expect(missing?["status"] as? String == "failed")
    #expect((missing?["error"] as? String)?.isEmpty == false)
    for sub in [["ingest"], ["archive", "stats"], ["archive", "show"], ["archive", "remove"], ["export"], ["reprocess"]] {
      let help = try CLI.run(sub + ["--help"])
      #expect(help.stdout.contains("Examples:"), "\(sub) help has examples")
    }
  }

  /// Notices that share nothing: random CJK text from a fixed generator.
  func writeSyntheticNotices(_ n: Int, to dir: URL) throws {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for i in 0..<n {
      var s = String.UnicodeScalarView()
      s.append(contentsOf: "第\(i)号通知\n".unicodeScalars)
      for _ in 0..<1500 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        s.append(Unicode.Scalar(0x4E00 + UInt32((state >> 33) % 6000)) ?? "字")
      }
      try String(s).write(to: dir.appendingPathComponent(String(format: "n%05d.txt", i)), atomically: false,
                          encoding: .utf8)
    }
  }

  @Test func killingAnIngestMidwayLeavesASoundArchiveAndRerunningFinishes() throws {
    let dir = CLI.tempDir("crash")
    defer { try? FileManager.default.removeItem(at: dir) }
    let inputs = dir.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    let total = 1500
    try writeSyntheticNotices(total, to: inputs)
    let db = dir.appendingPathComponent("a.sqlite").path

    let p = Process()
    p.executableURL = CLI.executable
    p.arguments = ["ingest", inputs.path, "--archive", db, "--jobs", "2"]
    p.currentDirectoryURL = TestSupport.packageRoot
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    // wait until some notices are in, then kill it without warning
    var seen = 0
    let deadline = Date().addingTimeInterval(120)
    while Date() < deadline && p.isRunning {
      if FileManager.default.fileExists(atPath: db), let a = try? Archive(path: db, create: false),
        let n = try? a.count("SELECT count(*) FROM document"), n >= 50
      {
        seen = n
        break
      }
      usleep(20_000)
    }
    let wasRunning = p.isRunning
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    #expect(wasRunning, "ingest finished before it could be killed; make the input larger")
    #expect(seen >= 50)

    let archive = try Archive(path: db, create: false)
    #expect(try archive.integrityCheck() == ["ok"])
    let stored = try archive.count("SELECT count(*) FROM document")
    #expect(stored < total, "killed midway")
    // every stored notice is whole: its signature, buckets and raw bytes are there
    #expect(try archive.count("SELECT count(*) FROM minhash") == stored)
    #expect(try archive.count("SELECT count(*) FROM raw_source") == stored)
    #expect(try archive.count("SELECT count(*) FROM lsh_band") == stored * bands)

    let rerun = try ingestJSON([inputs.path, "--archive", db])
    #expect(rerun.status == 0, "\(rerun.stderr.prefix(500))")
    #expect(rerun.items.count == total)
    let statuses = Dictionary(grouping: rerun.items, by: { $0["status"] as? String ?? "" }).mapValues(\.count)
    #expect(Set(statuses.keys).isSubset(of: ["added", "unchanged"]), "\(statuses)")
    #expect(statuses["unchanged"] ?? 0 >= stored)
    #expect(try archive.count("SELECT count(*) FROM document") == total)
    #expect(try archive.integrityCheck() == ["ok"])
    print("kill test: \(stored) of \(total) notices stored before SIGKILL; rerun: \(statuses)")
  }

  @Test func copiesInTheSameRunAcrossChunksAreCaught() throws {
    // with --jobs 2, chunks of 16 are processed while the previous chunk is written
    let dir = CLI.tempDir("chunks")
    defer { try? FileManager.default.removeItem(at: dir) }
    let inputs = dir.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    try writeSyntheticNotices(40, to: inputs)
    let first = inputs.appendingPathComponent("n00000.txt")
    try FileManager.default.copyItem(at: first, to: inputs.appendingPathComponent("n00017_same_bytes.txt"))
    try (Data([0xEF, 0xBB, 0xBF]) + Data(contentsOf: first)).write(to: inputs.appendingPathComponent("n00018_bom.txt"))
    let db = dir.appendingPathComponent("a.sqlite").path
    let r = try ingestJSON([inputs.path, "--archive", db, "--jobs", "2"])
    #expect(r.status == 0)
    var byName: [String: [String: Any]] = [:]
    for item in r.items { byName[((item["path"] as? String ?? "") as NSString).lastPathComponent] = item }
    let original = byName["n00000.txt"]?["document_id"] as? String
    #expect(byName["n00017_same_bytes.txt"]?["status"] as? String == "unchanged")
    #expect(byName["n00017_same_bytes.txt"]?["document_id"] as? String == original)
    #expect(byName["n00018_bom.txt"]?["status"] as? String == "duplicate")
    #expect(byName["n00018_bom.txt"]?["duplicate_of"] as? String == original)
    #expect(r.items.map { $0["path"] as? String ?? "" } == r.items.map { $0["path"] as? String ?? "" }.sorted(),
            "outcomes in input order")
    #expect(try Archive(path: db, create: false).count("SELECT count(*) FROM document") == 40)
  }

  @Test func concurrentIngestsWaitForEachOther() throws {
    let dir = CLI.tempDir("concurrent")
    defer { try? FileManager.default.removeItem(at: dir) }
    let inputs = dir.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    try writeSyntheticNotices(200, to: inputs)
    let db = dir.appendingPathComponent("a.sqlite").path
    let procs = (0..<3).map { _ -> Process in
      let p = Process()
      p.executableURL = CLI.executable
      p.arguments = ["ingest", inputs.path, "--archive", db, "--jobs", "1"]
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      return p
    }
    for p in procs { try p.run() }
    for p in procs { p.waitUntilExit() }
    #expect(procs.map(\.terminationStatus) == [0, 0, 0])
    let archive = try Archive(path: db, create: false)
    #expect(try archive.count("SELECT count(*) FROM document") == 200)
    #expect(try archive.count("SELECT count(*) FROM ingest_event WHERE status = 'added'") == 200)
    #expect(try archive.count("SELECT count(*) FROM ingest_event WHERE status = 'failed'") == 0)
    #expect(try archive.integrityCheck() == ["ok"])
  }
}
