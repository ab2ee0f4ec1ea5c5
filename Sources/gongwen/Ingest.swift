import ArgumentParser
import Dispatch
import Foundation
import GongwenArchive
import GongwenCore
import GongwenEmit
import GongwenPipeline
import GongwenSimilarity

/// Options shared by the commands that work on an archive.
struct ArchiveOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The archive file (SQLite).", valueName: "file"))
  var archive: String

  /// Opens the archive; exit 2 (configuration error) when it cannot be opened.
  func open(similarity: SimilarityRules = .defaults, create: Bool) throws -> Archive {
    do throws(ArchiveError) { return try Archive(path: archive, similarity: similarity, create: create) } catch {
      printError("gongwen: error: \(error.message)")
      throw ExitCode(2)
    }
  }
}

struct Ingest: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run the pipeline over notices and store the results in an archive.",
    discussion: """
      Each PATH is a file or a folder (walked like `process` does). Every notice is stored in the \
      SQLite archive given by --archive (created if missing) in its own transaction, with its raw \
      bytes, tasks, removed spans, MinHash signature and links to similar archived notices.

      Status of each input:
        added           stored as a new notice
        unchanged       the same bytes were ingested before (nothing is written)
        duplicate       same clean text as an archived notice: remembered as a copy of it (see \
      `archive show`), not stored again and not exported
        near_duplicate  stored, and linked to the archived notice(s) it nearly duplicates, with the \
      Jaccard similarity of their character shingles
        failed          not stored; the reason is given
      A notice that contains (or is contained in) an archived one is `added`, with the relation shown.
      Ingesting the same bytes again with other rules does nothing: run `gongwen reprocess` to apply \
      new rules to the archive.

      Several ingests may run on one archive at once: writers wait for each other. An interrupted \
      ingest loses at most the notice being written; run the same command again to finish.

      Exit codes: 0 no input failed; 1 some inputs failed (the others are stored); 2 usage, rules or archive error.

      Examples:
        gongwen ingest Corpus/notices --archive notices.sqlite
        gongwen ingest new/*.html --archive notices.sqlite --json | jq '.[] | select(.status != "unchanged")'
        gongwen ingest inbox --archive notices.sqlite --rules MyRules --jobs 4
      """)

  @Argument(help: ArgumentHelp("Notice files or folders.", valueName: "path"))
  var paths: [String] = []

  @OptionGroup var archiveOptions: ArchiveOptions

  @Flag(help: "Print a JSON array of {path, status, document_id, duplicate_of, relation, similarity, error, links}.")
  var json = false

  @OptionGroup var batch: BatchOptions
  var jobs: Int { batch.jobs }
  var maxBytes: Int { batch.maxBytes }

  @OptionGroup var rulesOptions: RulesOptions

  func validate() throws {
    if paths.isEmpty { throw ValidationError("give at least one notice file or folder") }
  }

  func run() throws {
    let rules = try rulesOptions.load()
    let archive = try archiveOptions.open(similarity: rules.similarity, create: true)
    let pipeline = Pipeline(rules: rules)
    let runID: Int64
    do throws(ArchiveError) {
      runID = try archive.beginRun(RunInfo(command: "ingest", arguments: Array(CommandLine.arguments.dropFirst()),
                                           rulesHash: rules.hash, rulesDirectory: rules.directory))
    } catch {
      printError("gongwen: error: \(error.message)")
      throw ExitCode(2)
    }

    if let stale = try? archive.staleSignatures(), stale > 0 {
      printError("gongwen: warning: \(stale) archived notice(s) have signatures made with other similarity settings; "
                 + "new notices are not compared with them until `gongwen reprocess --archive \(archiveOptions.archive)`")
    }
    let listing = InputWalker().walk(paths)
    var outcomes: [IngestOutcome] = []
    for m in listing.missing {
      let o = IngestOutcome(path: m.path, status: .failed, error: "read: \(m.reason)")
      outcomes.append(o)
      try? archive.recordEvent(run: runID, o, sha256: nil)
    }
    let progress = Progress(total: listing.files.count, enabled: isatty(STDERR_FILENO) != 0 && listing.files.count > 20)
    let similarity = rules.similarity
    let chunkSize = jobs * 8
    let jobs = self.jobs
    let maxBytes = self.maxBytes

    /// Reads a chunk, and skips bytes the archive already has before running the pipeline.
    func prepare(_ chunk: [String]) -> [Slot] {
      chunk.map { path in
        switch Inputs.read(path: path, maxBytes: maxBytes) {
        case .failure(let e):
          return .done(IngestOutcome(path: path, status: .failed, error: "\(e.stage): \(e.message)"), nil)
        case .success(let input):
          let sha = sha256Hex(input.bytes)
          if let known = try? archive.known(sha256: sha) {
            return .done(IngestOutcome(path: path, status: .unchanged, documentId: known.documentId,
                                       duplicateOf: known.duplicateOf,
                                       relation: known.duplicateOf == nil ? nil : "duplicate",
                                       similarity: known.duplicateOf == nil ? nil : 1), sha)
          }
          return .pending(input)
        }
      }
    }

    /// Runs the pipeline over a chunk's pending inputs, `jobs` at a time, in the background.
    func process(_ slots: [Slot]) -> InFlight {
      let box = ResultSlots(count: slots.count)
      let work: @Sendable (Int) -> Void = { i in
        guard case .pending(let input) = slots[i] else { return }
        do throws(StageFailure) {
          let out = try pipeline.process(input)
          box.set(i, .success(PreparedNotice(output: out, raw: input.bytes, rules: similarity)))
        } catch {
          box.set(i, .failure(error))
        }
      }
      let group = DispatchGroup()
      if jobs == 1 {
        for i in slots.indices { work(i) }
      } else {
        DispatchQueue.global().async(group: group) {
          DispatchQueue.concurrentPerform(iterations: slots.count, execute: work)
        }
      }
      return InFlight(slots: slots, box: box, group: group)
    }

    /// Stores a processed chunk, one transaction per notice, in input order.
    func store(_ chunk: InFlight) {
      for (i, slot) in chunk.slots.enumerated() {
        var outcome: IngestOutcome
        switch slot {
        case .done(let o, let sha):
          outcome = o
          try? archive.recordEvent(run: runID, o, sha256: sha)
        case .pending(let input):
          switch chunk.box.get(i) {
          case .success(let notice)?:
            do throws(ArchiveError) { outcome = try archive.ingest(notice, run: runID) } catch {
              outcome = IngestOutcome(path: input.displayName, status: .failed, error: "archive: \(error.message)")
            }
          case .failure(let e)?:
            outcome = IngestOutcome(path: input.displayName, status: .failed, error: "\(e.stage): \(e.message)")
            try? archive.recordEvent(run: runID, outcome, sha256: sha256Hex(input.bytes))
          case nil:
            outcome = IngestOutcome(path: input.displayName, status: .failed, error: "not processed")
          }
        }
        if outcome.status == .failed, let e = outcome.error { printError("gongwen: error: \(outcome.path): \(e)") }
        outcomes.append(outcome)
        progress.step(outcome.status)
      }
    }

    // Pipelined: chunk k is processed in the background while chunk k-1 is written. A notice of chunk k
    // that duplicates one of chunk k-1 is caught by the check inside the write transaction.
    var start = 0
    var previous: InFlight?
    while true {
      previous?.group.wait()
      var current: InFlight?
      if start < listing.files.count {
        let chunk = Array(listing.files[start..<min(listing.files.count, start + chunkSize)])
        start += chunk.count
        current = process(prepare(chunk))
      }
      if let previous { store(previous) }
      guard let current else { break }
      previous = current
    }
    progress.finish()
    var counts: [String: Int] = [:]
    for o in outcomes { counts[o.status.rawValue, default: 0] += 1 }
    counts["skipped"] = listing.skipped.count
    try? archive.finishRun(runID, counts: counts)

    if json {
      let data = try RecordEncoder().pretty(outcomes)
      FileHandle.standardOutput.write(data + Data([0x0A]))
    } else {
      print(renderTable(outcomes), terminator: "")
      let summary = ["added", "near_duplicate", "duplicate", "unchanged", "failed"].compactMap { k in
        counts[k].map { "\($0) \(k)" }
      }
      print("\(outcomes.count) input(s): " + (summary.isEmpty ? "nothing to do" : summary.joined(separator: ", "))
            + (listing.skipped.isEmpty ? "" : "; \(listing.skipped.count) file(s) skipped (not notice files)"))
    }
    if outcomes.contains(where: { $0.status == .failed }) { throw ExitCode(1) }
  }

  func renderTable(_ outcomes: [IngestOutcome]) -> String {
    var rows = [["STATUS", "DOCUMENT", "SIMILAR TO", "RELATION", "SIMILARITY", "PATH"]]
    for o in outcomes {
      rows.append([o.status.rawValue, o.documentId ?? "-", o.duplicateOf ?? "", o.relation ?? "",
                   o.similarity.map { String(format: "%.4f", $0) } ?? "",
                   o.path + (o.error.map { "  (\($0))" } ?? "")])
    }
    return table(rows)
  }
}

struct InFlight {
  var slots: [Slot]
  var box: ResultSlots
  var group: DispatchGroup
}

enum Slot: @unchecked Sendable {
  case done(IngestOutcome, String?)
  case pending(PipelineInput)
}

final class ResultSlots: @unchecked Sendable {
  private var items: [Result<PreparedNotice, StageFailure>?]
  private let lock = NSLock()
  init(count: Int) { items = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ v: Result<PreparedNotice, StageFailure>) { lock.lock(); items[i] = v; lock.unlock() }
  func get(_ i: Int) -> Result<PreparedNotice, StageFailure>? { lock.lock(); defer { lock.unlock() }; return items[i] }
}

/// A one-line progress counter on stderr (only when stderr is a terminal).
final class Progress {
  let total: Int
  let enabled: Bool
  private var done = 0
  private var counts: [IngestStatus: Int] = [:]
  private var last = DispatchTime.now()

  init(total: Int, enabled: Bool) {
    self.total = total
    self.enabled = enabled
  }

  func step(_ status: IngestStatus) {
    done += 1
    counts[status, default: 0] += 1
    guard enabled else { return }
    let now = DispatchTime.now()
    if done < total && now.uptimeNanoseconds - last.uptimeNanoseconds < 200_000_000 { return }
    last = now
    let parts = [IngestStatus.added, .nearDuplicate, .duplicate, .unchanged, .failed].compactMap { s in
      counts[s].map { "\($0) \(s.rawValue)" }
    }
    FileHandle.standardError.write(Data("\r\u{1B}[K[\(done)/\(total)] \(parts.joined(separator: ", "))".utf8))
  }

  func finish() {
    if enabled && done > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
  }
}

/// Left-aligned columns separated by two spaces; the last column is not padded.
func table(_ rows: [[String]]) -> String {
  guard let first = rows.first else { return "" }
  var widths = [Int](repeating: 0, count: first.count)
  for r in rows { for (i, c) in r.enumerated() where i < r.count - 1 { widths[i] = max(widths[i], displayWidth(c)) } }
  var out = ""
  for r in rows {
    var line = ""
    for (i, c) in r.enumerated() {
      line += c
      if i < r.count - 1 { line += String(repeating: " ", count: widths[i] - displayWidth(c) + 2) }
    }
    while line.hasSuffix(" ") { line.removeLast() }
    out += line + "\n"
  }
  return out
}

/// Terminal columns: CJK and full-width characters take two.
func displayWidth(_ s: String) -> Int {
  s.unicodeScalars.reduce(0) { n, u in
    let v = u.value
    let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
      || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
      || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    return n + (wide ? 2 : 1)
  }
}
