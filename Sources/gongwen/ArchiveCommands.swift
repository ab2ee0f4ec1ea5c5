import ArgumentParser
import Foundation
import GongwenArchive
import GongwenCore
import GongwenEmit
import GongwenPipeline

struct ArchiveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "archive",
    abstract: "Look into and maintain a notice archive made by `gongwen ingest`.",
    discussion: """
      Examples:
        gongwen archive stats --archive notices.sqlite
        gongwen archive show fc935163 --archive notices.sqlite
        gongwen archive remove fc9351633b1c87a9 --archive notices.sqlite
      """,
    subcommands: [ArchiveStats.self, ArchiveShow.self, ArchiveRemove.self])
}

struct ArchiveStats: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Counts: notices, tasks, duplicate copies, links by relation, runs, rules in use, file size.",
    discussion: """
      Also runs SQLite's integrity check with --check.

      Examples:
        gongwen archive stats --archive notices.sqlite
        gongwen archive stats --archive notices.sqlite --json --check
      """)

  @OptionGroup var archiveOptions: ArchiveOptions
  @Flag(help: "Print JSON.") var json = false
  @Flag(help: "Also run PRAGMA integrity_check and foreign_key_check (exit 1 when not ok).") var check = false

  func run() throws {
    let archive = try archiveOptions.open(create: false)
    let s: Archive.Stats
    var integrity: [String]?
    do throws(ArchiveError) {
      s = try archive.stats()
      if check { integrity = try archive.integrityCheck() }
    } catch {
      printError("gongwen: error: \(error.message)")
      throw ExitCode(2)
    }
    if json {
      var obj = try JSONDecoder().decode([String: JSONValue].self, from: RecordEncoder().line(s))
      if let integrity { obj["integrity"] = .array(integrity.map { .string($0) }) }
      FileHandle.standardOutput.write(try RecordEncoder().pretty(obj) + Data([0x0A]))
    } else {
      var rows = [["notices", "\(s.documents)"], ["tasks", "\(s.tasks)"], ["duplicate copies", "\(s.duplicateCopies)"]]
      for (k, v) in s.links.sorted(by: { $0.key < $1.key }) { rows.append(["links \(k)", "\(v)"]) }
      rows.append(["runs", "\(s.runs)" + (s.lastRunAt.map { " (last \($0))" } ?? "")])
      for (k, v) in s.rulesHashes.sorted(by: { $0.key < $1.key }) { rows.append(["rules \(k)", "\(v) notice(s)"]) }
      for (k, v) in s.generatorVersions.sorted(by: { $0.key < $1.key }) { rows.append(["gongwen \(k)", "\(v) notice(s)"]) }
      rows.append(["LSH bucket rows", "\(s.lshBucketRows)"])
      rows.append(["raw bytes stored", "\(s.rawBytes)"])
      rows.append(["file size", "\(s.fileBytes) bytes"])
      rows.append(["schema", s.schemaMigrations.joined(separator: ", ")])
      if let integrity { rows.append(["integrity", integrity.joined(separator: "; ")]) }
      print(table(rows), terminator: "")
    }
    if let integrity, integrity != ["ok"] { throw ExitCode(1) }
  }
}

struct ArchiveShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one archived notice with its tasks and links.",
    discussion: """
      ID is a notice id or an unambiguous prefix of at least 4 hex digits. With --json prints \
      {"document": ..., "tasks": [...]} in the same record format as documents.jsonl / tasks.jsonl.

      Examples:
        gongwen archive show fc935163 --archive notices.sqlite
        gongwen archive show fc9351633b1c87a9 --archive notices.sqlite --json | jq '.tasks[].departments'
      """)

  @Argument(help: ArgumentHelp("Notice id (or a prefix of it).", valueName: "id")) var id: String
  @OptionGroup var archiveOptions: ArchiveOptions
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let archive = try archiveOptions.open(create: false)
    var found: Archive.StoredNotice?
    do throws(ArchiveError) {
      if let full = try archive.resolve(id) { found = try archive.notice(full) }
    } catch {
      printError("gongwen: error: \(error.message)")
      throw ExitCode(2)
    }
    guard let stored = found else {
      printError("gongwen: error: no notice \(id) in \(archiveOptions.archive)")
      throw ExitCode(1)
    }
    if json {
      struct Shown: Encodable { var document: DocumentRecord; var tasks: [TaskRecord] }
      FileHandle.standardOutput.write(try RecordEncoder().pretty(Shown(document: stored.document, tasks: stored.tasks))
                                      + Data([0x0A]))
      return
    }
    let d = stored.document
    var rows: [[String]] = [["id", d.id]]
    rows.append(["title", d.title ?? "-"])
    rows.append(["doc number", d.docNumber ?? "-"])
    rows.append(["issuer", d.issuer ?? "-"])
    rows.append(["date", d.date ?? "-"])
    rows.append(["source", (d.source.path ?? "-") + " (\(d.source.format), \(d.source.encoding), \(d.source.bytes) bytes)"])
    rows.append(["ingested", stored.ingestedAt + (stored.updatedAt != stored.ingestedAt ? ", updated \(stored.updatedAt)" : "")])
    rows.append(["rules", "\(d.generator.rules) (gongwen \(d.generator.version))"])
    rows.append(["text", "\(d.text.unicodeScalars.count) characters, \(d.removed.count) removal(s), \(d.warnings.count) warning(s)"])
    for l in d.duplicates {
      rows.append(["link", "\(l.relation) \(l.documentId) similarity \(String(format: "%.4f", l.similarity))"])
    }
    for c in stored.copies { rows.append(["copy", "\(c.id) \(c.path ?? "")"]) }
    print(table(rows), terminator: "")
    print("\n\(stored.tasks.count) task(s):")
    for t in stored.tasks {
      let path = t.path.map(String.init).joined(separator: ".")
      let heading = t.heading.map { " \($0)" } ?? ""
      let depts = t.departments.isEmpty ? "" : "  [\(t.departments.joined(separator: "、"))]"
      print("  \(path) \(t.markers.last ?? "")\(heading)\(depts)")
    }
  }
}

struct ArchiveRemove: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove",
    abstract: "Remove notices (with their tasks, links, signatures and remembered copies) from the archive.",
    discussion: """
      IDs are full ids or unambiguous prefixes. The run history keeps a record of what was ingested. \
      Exit 1 when an id is not found (the others are removed).

      Examples:
        gongwen archive remove fc9351633b1c87a9 --archive notices.sqlite
        gongwen archive remove fc93 6b85 --archive notices.sqlite
      """)

  @Argument(help: ArgumentHelp("Notice ids (or prefixes).", valueName: "id")) var ids: [String] = []
  @OptionGroup var archiveOptions: ArchiveOptions

  func validate() throws {
    if ids.isEmpty { throw ValidationError("give at least one notice id") }
  }

  func run() throws {
    let archive = try archiveOptions.open(create: false)
    var missing: [String] = []
    do throws(ArchiveError) {
      var full: [String] = []
      for id in ids {
        if let f = try archive.resolve(id) { full.append(f) } else { missing.append(id) }
      }
      let removed = try archive.remove(full)
      for r in removed { print("removed \(r)") }
    } catch {
      printError("gongwen: error: \(error.message)")
      throw ExitCode(2)
    }
    for m in missing { printError("gongwen: error: no notice \(m) in \(archiveOptions.archive)") }
    if !missing.isEmpty { throw ExitCode(1) }
  }
}

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write an archive's notices as a dataset (the same files as `process`).",
    discussion: """
      Writes DIR/documents.jsonl, DIR/tasks.jsonl and DIR/report.json in ingestion order, from one \
      consistent snapshot of the archive. Exact duplicate copies are not exported; near-duplicates \
      are, with their links in `duplicates`. With --format csv, DIR/tasks.csv is written too (UTF-8 \
      with a byte order mark and CRLF line ends, so spreadsheets open it correctly). The same archive \
      always exports the same bytes.

      Examples:
        gongwen export --archive notices.sqlite --output dataset
        gongwen export --archive notices.sqlite --output dataset --format csv
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv }

  @OptionGroup var archiveOptions: ArchiveOptions
  @Option(name: .shortAndLong, help: ArgumentHelp("Output folder.", valueName: "dir")) var output: String
  @Option(help: "jsonl (default) or csv (adds tasks.csv).") var format: Format = .jsonl

  func run() throws {
    let archive = try archiveOptions.open(create: false)
    do throws(ArchiveError) {
      let s = try archive.export(to: output, csv: format == .csv)
      printError("gongwen: exported \(s.documents) notice(s), \(s.tasks) task(s) to \(output)")
    } catch {
      printError("gongwen: error: \(error.message)")
      throw ExitCode(2)
    }
  }
}

struct Reprocess: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Re-run the pipeline on every archived notice's stored bytes and report which tasks changed.",
    discussion: """
      Use after changing rules (--rules) or upgrading gongwen. Each notice is updated in its own \
      transaction: tasks, removed spans, signature, LSH buckets and links are replaced. A notice the \
      pipeline now fails on keeps its stored results and is reported as failed.

      Exit codes: 0 all notices reprocessed; 1 some failed; 2 usage, rules or archive error.

      Examples:
        gongwen reprocess --archive notices.sqlite
        gongwen reprocess --archive notices.sqlite --rules MyRules --json > changes.json
      """)

  @OptionGroup var archiveOptions: ArchiveOptions
  @OptionGroup var rulesOptions: RulesOptions
  @Flag(help: "Print a JSON array with the changes of each notice.") var json = false
  @Option(help: "Notices processed in parallel (default: number of cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  func run() throws {
    let rules = try rulesOptions.load()
    let archive = try archiveOptions.open(similarity: rules.similarity, create: false)
    let results: [Archive.ReprocessResult]
    do throws(ArchiveError) {
      let run = try archive.beginRun(RunInfo(command: "reprocess", arguments: Array(CommandLine.arguments.dropFirst()),
                                             rulesHash: rules.hash, rulesDirectory: rules.directory))
      let tty = isatty(STDERR_FILENO) != 0
      results = try archive.reprocess(pipeline: Pipeline(rules: rules), jobs: jobs, run: run) { done, total in
        if tty && total > 20 { FileHandle.standardError.write(Data("\r\u{1B}[K[\(done)/\(total)]".utf8)) }
      }
      if tty && results.count > 20 { FileHandle.standardError.write(Data("\n".utf8)) }
      var counts: [String: Int] = [:]
      for r in results { counts[r.status, default: 0] += 1 }
      try archive.finishRun(run, counts: counts)
    } catch {
      printError("gongwen: error: \(error.message)")
      throw ExitCode(2)
    }
    if json {
      FileHandle.standardOutput.write(try RecordEncoder().pretty(results) + Data([0x0A]))
    } else {
      for r in results where r.status != "unchanged" {
        if r.status == "failed" {
          print("failed   \(r.documentId)  \(r.path ?? "")  (\(r.error ?? ""))")
          continue
        }
        print("changed  \(r.documentId)  \(r.path ?? "")")
        if !r.documentFields.isEmpty { print("  document: \(r.documentFields.joined(separator: ", "))") }
        for t in r.tasksAdded { print("  + \(t)") }
        for t in r.tasksRemoved { print("  - \(t)") }
        for (t, fields) in r.tasksChanged.sorted(by: { $0.key < $1.key }) {
          print("  ~ \(t): \(fields.joined(separator: ", "))")
        }
      }
      let changed = results.filter { $0.status == "changed" }.count
      let failed = results.filter { $0.status == "failed" }.count
      let tasks = results.reduce(0) { $0 + $1.tasksAdded.count + $1.tasksRemoved.count + $1.tasksChanged.count }
      print("\(results.count) notice(s): \(changed) changed (\(tasks) task change(s)), "
            + "\(results.count - changed - failed) unchanged, \(failed) failed")
    }
    if results.contains(where: { $0.status == "failed" }) { throw ExitCode(1) }
  }
}
