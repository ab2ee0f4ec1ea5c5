import Foundation
import Testing
import GongwenTestSupport

/// The CLI contract: paths, outputs, exit codes, determinism. These run the real binary.
@Suite(.serialized) struct ProcessCommandTests {
  let notices = TestSupport.corpusDirectory.appendingPathComponent("notices").path

  @Test func processesTheCorpusAndWritesThreeFiles() throws {
    let out = CLI.tempDir()
    let r = try CLI.run(["process", notices, "--output", out.path])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    for f in ["documents.jsonl", "tasks.jsonl", "report.json"] {
      #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(f).path), "\(f) missing")
    }
    let docs = try String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8)
    #expect(docs.split(separator: "\n").count == 5)
    let report = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any]
    let counts = report?["counts"] as? [String: Any]
    #expect(counts?["documents"] as? Int == 5)
    #expect(counts?["failed"] as? Int == 0)
    // no temporary files left behind
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
    #expect(names.sorted() == ["documents.jsonl", "report.json", "tasks.jsonl"])
  }

  @Test func explainMarksRemovalsAndListsMoves() throws {
    let scrambled = TestSupport.corpusDirectory.appendingPathComponent("notices/000_e7c6e1ac88ac5186.txt").path
    let r = try CLI.run(["process", "--explain", scrambled])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    // not a terminal: plain markers around each removed span, then the lists
    #expect(r.stdout.contains("[-") && r.stdout.contains("-]{#1 "))
    #expect(r.stdout.contains("removal(s) ---\n#1 "))
    #expect(r.stdout.contains("repeated_"))
    #expect(r.stdout.contains("move(s): text kept, put back in order ---\nM1 dedup/reordered_units source "))
    // a notice that was not scrambled has no moves
    let clean = TestSupport.corpusDirectory.appendingPathComponent("notices/003_ad5e527c145678fb.txt").path
    let c = try CLI.run(["process", "--explain", clean])
    #expect(c.status == 0)
    #expect(!c.stdout.contains("move(s)"))
  }

  @Test func twoRunsGiveIdenticalBytes() throws {
    let a = CLI.tempDir(), b = CLI.tempDir()
    #expect(try CLI.run(["process", notices, "--output", a.path, "--jobs", "1"]).status == 0)
    #expect(try CLI.run(["process", notices, "--output", b.path, "--jobs", "2"]).status == 0)
    for f in ["documents.jsonl", "tasks.jsonl"] {
      let x = try Data(contentsOf: a.appendingPathComponent(f)), y = try Data(contentsOf: b.appendingPathComponent(f))
      #expect(x == y, "\(f) differs between runs")
      #expect(!x.isEmpty)
    }
  }

  @Test func oneMissingInputFailsThatInputOnly() throws {
    let out = CLI.tempDir()
    let r = try CLI.run(["process", notices, "/nonexistent/notice.txt", "--output", out.path])
    #expect(r.status == 1)
    #expect(r.stderr.contains("/nonexistent/notice.txt"))
    let docs = try String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8)
    #expect(docs.split(separator: "\n").count == 5)
    let report = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any]
    let errors = report?["errors"] as? [[String: Any]]
    #expect(errors?.count == 1)
    #expect(errors?.first?["path"] as? String == "/nonexistent/notice.txt")
  }

  @Test func skippedFilesAreListedInTheReport() throws {
    let dir = CLI.tempDir()
    try "一、总体要求\n".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try "not a notice".write(to: dir.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("loop"), withDestinationURL: dir)
    let out = CLI.tempDir()
    let r = try CLI.run(["process", dir.path, "--output", out.path])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let report = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any]
    let files = report?["files"] as? [[String: Any]] ?? []
    let skipped = files.filter { $0["status"] as? String == "skipped" }.compactMap { $0["path"] as? String }
    #expect(skipped.contains { $0.hasSuffix("b.csv") })
    #expect(skipped.contains { $0.hasSuffix("loop") })
  }

  /// Two inputs with the same bytes are one document (its id hashes the bytes): the dataset holds its
  /// document and tasks once, so every id stays unique, and the report keeps the second input as a
  /// `duplicate` of the first, with any other inputs unaffected.
  @Test func byteIdenticalInputsAreWrittenOnceAndReportedAsDuplicates() throws {
    let text = try String(contentsOf: TestSupport.corpusDirectory.appendingPathComponent("notices/003_ad5e527c145678fb.txt"),
                          encoding: .utf8)
    func record(_ id: String, _ t: String) throws -> String {
      String(decoding: try JSONSerialization.data(withJSONObject: ["id": id, "text": t]), as: UTF8.self)
    }
    let input = [try record("a", text), try record("b", "一、总体要求\n（一）加强监管。（卫生厅负责）"),
                 try record("c", text)].joined(separator: "\n") + "\n"
    let out = CLI.tempDir()
    let r = try CLI.run(["process", "--stdin", "--output", out.path], stdin: input)
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let docs = try String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8)
      .split(separator: "\n").compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    #expect(docs.compactMap { ($0["source"] as? [String: Any])?["id"] as? String } == ["a", "b"])
    let taskIDs = try String(contentsOf: out.appendingPathComponent("tasks.jsonl"), encoding: .utf8)
      .split(separator: "\n").compactMap { (try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String }
    #expect(!taskIDs.isEmpty)
    #expect(Set(taskIDs).count == taskIDs.count, "no task id twice")
    let report = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any]
    let counts = report?["counts"] as? [String: Any]
    #expect(counts?["inputs"] as? Int == 3)
    #expect(counts?["documents"] as? Int == 2)
    #expect(counts?["exact_duplicates"] as? Int == 1)
    #expect(counts?["tasks"] as? Int == taskIDs.count)
    let files = report?["files"] as? [[String: Any]] ?? []
    #expect(files.map { $0["status"] as? String } == ["ok", "ok", "duplicate"])
    #expect(files.last?["duplicate_of"] as? String == "a")
    #expect(files.last?["document_id"] as? String == files.first?["document_id"] as? String)
  }

  @Test func stdoutModeStreamsTasksAndReportsOnStderr() throws {
    let file = TestSupport.corpusDirectory.appendingPathComponent("notices/003_ad5e527c145678fb.txt").path
    let r = try CLI.run(["process", file, "--output", "-"])
    #expect(r.status == 0)
    for line in r.stdout.split(separator: "\n") {
      let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(obj?["schema_version"] as? Int == 1)
    }
    #expect(r.stderr.contains("\"counts\""))
  }

  @Test func stdinRecordsKeepTheirIdAndExtraFields() throws {
    let out = CLI.tempDir()
    let input = """
      {"id": "r1", "text": "一、总体要求\\n（一）加强监管。（卫生厅负责）", "site": "example"}
      {"id": 2, "text": ""}
      not json

      """
    let r = try CLI.run(["process", "--stdin", "--output", out.path], stdin: input)
    #expect(r.status == 1, "the bad line fails, the rest is written")
    #expect(r.stderr.contains("stdin line 3"))
    let docs = try String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8)
      .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    #expect(docs.count == 2)
    let source = docs.first??["source"] as? [String: Any]
    #expect(source?["id"] as? String == "r1")
    #expect((source?["extra"] as? [String: Any])?["site"] as? String == "example")
    let warnings = (docs.last??["warnings"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
    #expect(warnings.contains("empty_notice"))
  }

  @Test func usageErrorsExitWithTwo() throws {
    #expect(try CLI.run(["process"]).status == 2)
    #expect(try CLI.run(["process", notices]).status == 2, "--output is required")
    #expect(try CLI.run(["nonsense"]).status == 2)
  }

  @Test func missingRulesFolderIsAConfigurationError() throws {
    let out = CLI.tempDir()
    let r = try CLI.run(["process", notices, "--output", out.path, "--rules", "/nonexistent/rules"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("/nonexistent/rules"))
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("tasks.jsonl").path))
  }

  @Test func badRulesNameFileAndLine() throws {
    let rules = CLI.tempDir("rules")
    for f in try FileManager.default.contentsOfDirectory(atPath: TestSupport.rulesDirectory) {
      try FileManager.default.copyItem(atPath: TestSupport.rulesDirectory + "/" + f, toPath: rules.path + "/" + f)
    }
    let dedup = rules.appendingPathComponent("dedup.yaml")
    var text = try String(contentsOf: dedup, encoding: .utf8)
    text += "\nno_such_key: 3\n"
    try text.write(to: dedup, atomically: true, encoding: .utf8)
    let lineNumber = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("no_such_key") }! + 1
    let out = CLI.tempDir()
    let r = try CLI.run(["process", notices, "--output", out.path, "--rules", rules.path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("dedup.yaml:\(lineNumber):1: error[R002]: unknown key 'no_such_key'"), "stderr: \(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("tasks.jsonl").path))
    let check = try CLI.run(["rules", "check", "--rules", rules.path])
    #expect(check.status == 2)
  }

  @Test func versionAndHelp() throws {
    let v = try CLI.run(["--version"])
    #expect(v.status == 0)
    #expect(!v.stdout.isEmpty)
    let h = try CLI.run(["process", "--help"])
    #expect(h.status == 0)
    #expect(h.stdout.contains("Examples:"))
  }
}
