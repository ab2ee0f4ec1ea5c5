import Foundation
import Testing
import GongwenTestSupport

/// Output problems: never a half-written tasks.jsonl, earlier outputs left intact, a rerun completes.
@Suite(.serialized) struct OutputFailureTests {
  let notices = TestSupport.corpusDirectory.appendingPathComponent("notices").path

  @Test func unwritableOutputFolderIsAClearError() throws {
    let parent = CLI.tempDir()
    let file = parent.appendingPathComponent("not-a-folder")
    try "x".write(to: file, atomically: true, encoding: .utf8)
    let r = try CLI.run(["process", notices, "--output", file.path + "/out"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("not-a-folder/out"), "\(r.stderr)")
  }

  @Test func injectedDiskFullLeavesNoPartialFiles() throws {
    let out = CLI.tempDir()
    // a complete earlier run
    #expect(try CLI.run(["process", notices, "--output", out.path]).status == 0)
    let before = try Data(contentsOf: out.appendingPathComponent("documents.jsonl"))
    // then a run whose writes fail part-way
    let r = try CLI.run(["process", notices, "--output", out.path], environment: ["GONGWEN_FAULT_WRITE_LIMIT": "1000"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("No space left on device"), "\(r.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(names == ["documents.jsonl", "report.json", "tasks.jsonl"], "temporary files left: \(names)")
    #expect(try Data(contentsOf: out.appendingPathComponent("documents.jsonl")) == before, "earlier output was touched")
    // a rerun completes
    #expect(try CLI.run(["process", notices, "--output", out.path]).status == 0)
  }

  @Test func realFullDiskOnTmpfs() throws {
    let mountPoint = CLI.tempDir("tmpfs")
    let mount = Process()
    mount.executableURL = URL(fileURLWithPath: "/bin/mount")
    mount.arguments = ["-t", "tmpfs", "-o", "size=48k", "tmpfs", mountPoint.path]
    mount.standardError = Pipe()
    guard (try? mount.run()) != nil else { return }
    mount.waitUntilExit()
    guard mount.terminationStatus == 0 else {
      print("tmpfs not mountable here (not root?); the injected-failure test covers this case")
      return
    }
    defer {
      let u = Process()
      u.executableURL = URL(fileURLWithPath: "/bin/umount")
      u.arguments = [mountPoint.path]
      try? u.run()
      u.waitUntilExit()
    }
    let r = try CLI.run(["process", notices, "--output", mountPoint.path])
    #expect(r.status == 2, "documents.jsonl of the corpus is > 48 KB, so the write must fail")
    let names = try FileManager.default.contentsOfDirectory(atPath: mountPoint.path)
    #expect(names.isEmpty, "partial files left on the full disk: \(names)")
  }

  @Test func sigtermRemovesTemporaryFiles() throws {
    // a large batch over stdin so the run is still going when the signal arrives
    let out = CLI.tempDir()
    let p = Process()
    p.executableURL = CLI.executable
    p.arguments = ["process", "--stdin", "--output", out.path, "--jobs", "1"]
    let inPipe = Pipe()
    p.standardInput = inPipe
    p.standardError = Pipe()
    try p.run()
    let text = TestSupport.corpusNotice("001").replacingOccurrences(of: "\n", with: "\\n")
      .replacingOccurrences(of: "\"", with: "\\\"")
    for i in 0..<50 {
      inPipe.fileHandleForWriting.write(Data("{\"id\": \"\(i)\", \"text\": \"\(text)\"}\n".utf8))
    }
    Thread.sleep(forTimeInterval: 0.5)
    p.terminate()  // SIGTERM, stdin still open
    p.waitUntilExit()
    #expect(p.terminationStatus == 130 || p.terminationReason == .uncaughtSignal)
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
    #expect(names.isEmpty, "interrupted run left files: \(names)")
  }
}
