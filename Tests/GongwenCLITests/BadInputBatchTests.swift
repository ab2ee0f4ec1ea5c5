import Foundation
import Testing
import GongwenTestSupport

/// Issue 9: a batch of everything that was on the shared drive. The good notices come out in full;
/// each bad file gets exactly one clear line (file, stage, reason) and an entry in report.json.
@Suite(.serialized) struct BadInputBatchTests {
  let fixtures = TestSupport.packageRoot.appendingPathComponent("Tests/GongwenIngestTests/Fixtures")

  func write(_ dir: URL, _ name: String, _ bytes: [UInt8]) throws {
    try Data(bytes).write(to: dir.appendingPathComponent(name))
  }

  /// Builds the batch folder; returns the names expected to fail (with the stage and a word of the reason)
  /// and those expected to succeed with a warning.
  func makeBatch() throws -> (URL, failing: [String: String], warned: [String: String]) {
    let dir = CLI.tempDir("batch")
    let fm = FileManager.default
    for name in try fm.contentsOfDirectory(atPath: TestSupport.corpusDirectory.appendingPathComponent("notices").path) {
      try fm.copyItem(at: TestSupport.corpusDirectory.appendingPathComponent("notices/\(name)"),
                      to: dir.appendingPathComponent("good-\(name)"))
    }
    try write(dir, "empty.txt", [])
    try write(dir, "spaces.txt", Array("  \n\t\u{3000}\n ".utf8))
    try write(dir, "no-clauses.txt", Array("关于做好春节期间安全工作的通知\n请各单位认真落实。\n".utf8))
    try write(dir, "image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64))
    try write(dir, "scan.txt", Array("%PDF-1.4\n%âãÏÓ\n1 0 obj\n".utf8) + Array(repeating: 0x20, count: 64))
    try write(dir, "bad-utf8.txt", Array("一、总体要求\n（一）加强监管。".utf8) + [0xFF, 0xFE, 0xC3] + Array("（卫生厅负责）\n".utf8))
    try write(dir, "nul.txt", Array("一、总体要求\n".utf8) + [0] + Array("（一）加强监管。（卫生厅负责）\n".utf8))
    var html = "<html><head><title>t</title></head>"
    html += String(repeating: "<div>", count: 10_000) + "一、总体要求" + String(repeating: "</div>", count: 10_000) + "</html>"
    try write(dir, "deep.html", Array(html.utf8))
    try write(dir, "nobody.html", Array("<html><head><title>只有标题</title></head></html>".utf8))
    let docx = try Data(contentsOf: fixtures.appendingPathComponent("003.docx"))
    try write(dir, "truncated.docx", Array(docx.prefix(docx.count / 2)))
    try fm.copyItem(at: fixtures.appendingPathComponent("notxml.docx"), to: dir.appendingPathComponent("notxml.docx"))
    try fm.copyItem(at: fixtures.appendingPathComponent("bomb.docx"), to: dir.appendingPathComponent("bomb.docx"))
    // a symlink loop and a file that is gone by the time it is read (a dangling link stands in for a
    // file deleted between the folder walk and the read)
    try fm.createSymbolicLink(at: dir.appendingPathComponent("loop"), withDestinationURL: dir)
    try fm.createSymbolicLink(at: dir.appendingPathComponent("vanished.txt"),
                              withDestinationURL: dir.appendingPathComponent("deleted-before-read.txt"))
    let failing = [
      "image.txt": "ingest", "scan.txt": "ingest", "truncated.docx": "ingest", "notxml.docx": "ingest",
      "bomb.docx": "ingest", "vanished.txt": "read",
    ]
    let warned = [
      "empty.txt": "empty_notice", "spaces.txt": "empty_notice", "no-clauses.txt": "no_numbered_clauses",
      "bad-utf8.txt": "undecodable_bytes", "nul.txt": "nul_bytes",
    ]
    return (dir, failing, warned)
  }

  @Test func badFilesFailAloneAndGoodNoticesComeOutInFull() throws {
    let (dir, failing, warned) = try makeBatch()
    let out = CLI.tempDir()
    let r = try CLI.run(["process", dir.path, "--output", out.path])
    #expect(r.status == 1, "stderr: \(r.stderr)")

    // one stderr line per bad file, naming it and the stage
    let errorLines = r.stderr.split(separator: "\n").filter { $0.hasPrefix("gongwen: error:") }
    #expect(errorLines.count == failing.count, "\(errorLines)")
    for (name, stage) in failing {
      let lines = errorLines.filter { $0.contains("/\(name): \(stage): ") }
      #expect(lines.count == 1, "\(name): expected one '\(stage)' line, got \(lines)")
    }

    let report = try #require(try JSONSerialization.jsonObject(
      with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any])
    let files = report["files"] as? [[String: Any]] ?? []
    func status(_ name: String) -> [String: Any]? { files.first { ($0["path"] as? String)?.hasSuffix("/" + name) == true } }
    for name in failing.keys { #expect(status(name)?["status"] as? String == "failed", "\(name)") }
    for (name, code) in warned {
      #expect(status(name)?["status"] as? String == "ok", "\(name) should be processed")
      #expect((status(name)?["warnings"] as? [String] ?? []).contains(code), "\(name) should warn \(code)")
    }
    #expect(status("loop")?["status"] as? String == "skipped")

    // the five good notices: the same tasks as when processed on their own
    let alone = CLI.tempDir()
    #expect(try CLI.run(["process", TestSupport.corpusDirectory.appendingPathComponent("notices").path,
                         "--output", alone.path]).status == 0)
    func tasks(_ d: URL) throws -> [String: [String]] {
      var byDoc: [String: [String]] = [:]
      for line in try String(contentsOf: d.appendingPathComponent("tasks.jsonl"), encoding: .utf8).split(separator: "\n") {
        let t = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        byDoc[t?["document_id"] as? String ?? "", default: []].append(String(line))
      }
      return byDoc
    }
    let batchTasks = try tasks(out), aloneTasks = try tasks(alone)
    #expect(!aloneTasks.isEmpty)
    for (doc, lines) in aloneTasks { #expect(batchTasks[doc] == lines, "document \(doc) differs in the batch") }
  }

  @Test func unreadableFileFailsWithAClearLine() throws {
    // Tests run as root, for whom permissions do not apply: run gongwen as `nobody` via setpriv.
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), getuid() == 0 else {
      print("setpriv or root not available; skipped")
      return
    }
    let dir = CLI.tempDir("perm")
    try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir.path)
    let good = dir.appendingPathComponent("good.txt"), locked = dir.appendingPathComponent("locked.txt")
    try "一、总体要求\n（一）加强监管。（卫生厅负责）\n".write(to: good, atomically: true, encoding: .utf8)
    try "一、总体要求\n".write(to: locked, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: good.path)
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
    let out = dir.appendingPathComponent("out")
    // nobody must be able to reach the binary and the rules: both live under the package root
    let r = try CLI.run(["--reuid=65534", "--regid=65534", "--clear-groups", CLI.executable.path,
                         "process", dir.path, "--output", out.path, "--rules", TestSupport.rulesDirectory],
                        via: "/usr/bin/setpriv")
    if r.stderr.contains("Permission denied") && !r.stderr.contains("locked.txt") {
      print("the package folder is not readable by nobody here; skipped: \(r.stderr)")
      return
    }
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stderr.contains("locked.txt: read: cannot open file: Permission denied"), "\(r.stderr)")
    let docs = try String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8)
    #expect(docs.split(separator: "\n").count == 1)
  }

  @Test func catastrophicRuleRegexFailsThatFileAndNamesTheRule() throws {
    let rules = CLI.tempDir("rules")
    for f in try FileManager.default.contentsOfDirectory(atPath: TestSupport.rulesDirectory) {
      try FileManager.default.copyItem(atPath: TestSupport.rulesDirectory + "/" + f, toPath: rules.path + "/" + f)
    }
    let seg = rules.appendingPathComponent("segment.yaml")
    var lines = try String(contentsOf: seg, encoding: .utf8).components(separatedBy: "\n")
    // prefix the numeric-date pattern with a group that backtracks exponentially on a run of a's
    let index = try #require(lines.firstIndex { $0.contains("pattern: '(?<y>[0-9]{4})\\h*年") })
    lines[index] = lines[index].replacingOccurrences(of: "pattern: '", with: "pattern: '(?:(?:a|a)+b)?")
    try lines.joined(separator: "\n").write(to: seg, atomically: true, encoding: .utf8)

    let dir = CLI.tempDir("regex")
    try "一、总体要求\n（一）加强监管。（卫生厅负责）\n".write(to: dir.appendingPathComponent("a-good.txt"), atomically: true, encoding: .utf8)
    try ("一、总体要求\n" + String(repeating: "a", count: 40) + "\n").write(
      to: dir.appendingPathComponent("b-evil.txt"), atomically: true, encoding: .utf8)
    let out = CLI.tempDir()
    let start = Date()
    let r = try CLI.run(["process", dir.path, "--output", out.path, "--rules", rules.path])
    #expect(Date().timeIntervalSince(start) < 120, "the run must not hang")
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stderr.contains("b-evil.txt"), "\(r.stderr)")
    #expect(r.stderr.contains("segment.yaml:\(index + 1)"), "the error names the rule's file and line: \(r.stderr)")
    let docs = try String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8)
    #expect(docs.split(separator: "\n").count == 1)
  }
}

@Suite struct LargeInputTests {
  /// A 50 MB file that is one line (a scrape with its line breaks lost, repeating itself): processed
  /// without a crash or a memory blow-up, with the repeats removed and recorded.
  @Test func fiftyMegabyteSingleLine() throws {
    let dir = CLI.tempDir("large")
    let body = TestSupport.corpusNotice("002").replacingOccurrences(of: "\n", with: "")
    var data = Data()
    let chunk = Data(body.utf8)
    while data.count < 50_000_000 { data.append(chunk) }
    let file = dir.appendingPathComponent("oneline.txt")
    try data.write(to: file)
    let out = dir.appendingPathComponent("out")
    let r = try CLI.run(["process", file.path, "--output", out.path, "--jobs", "1"])
    #expect(r.status == 0, "\(r.stderr)")
    let line = try String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8)
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    let stats = doc["stats"] as? [String: Int] ?? [:]
    #expect((stats["dedup_removed_chars"] ?? 0) > 10_000_000, "the repeats are removed: \(stats)")
    #expect((stats["tasks"] ?? 0) > 0)
    try? FileManager.default.removeItem(at: dir)
  }
}
