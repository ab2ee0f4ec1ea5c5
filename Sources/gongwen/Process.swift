import ArgumentParser
import Foundation
import GongwenCore
import GongwenEmit
import GongwenPipeline

struct Process: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run the pipeline over notices and write the dataset.",
    discussion: """
      Each PATH is a file or a folder. Folders are walked recursively in byte order of their paths, \
      taking .txt .text .html .htm .xhtml .docx files and listing others as skipped in the report; \
      symbolic links to folders are not followed.

      Writes DIR/documents.jsonl (one record per notice), DIR/tasks.jsonl (one record per numbered \
      unit) and DIR/report.json (counts, per-file status, warnings, errors, timing). Files are written \
      to temporary names and renamed when complete. With --output -, tasks stream to stdout and the \
      report goes to stderr.

      Examples:
        gongwen process Corpus/notices --output out
        gongwen process a.txt b.html --output - | jq .departments
        cat records.jsonl | gongwen process --stdin --output out
        gongwen process --explain Corpus/notices/000_e7c6e1ac88ac5186.txt
      """)

  @Argument(help: ArgumentHelp("Notice files or folders.", valueName: "path"))
  var paths: [String] = []

  @Option(name: .shortAndLong, help: ArgumentHelp("Output folder, or - for tasks on stdout.", valueName: "dir"))
  var output: String?

  @Flag(help: "Read JSONL records {\"id\": ..., \"text\": ...} from standard input instead of files.")
  var stdin = false

  @Flag(help: "Print each notice's source text with every removed span marked (instead of writing a dataset).")
  var explain = false

  @OptionGroup var batch: BatchOptions
  var jobs: Int { batch.jobs }
  var maxBytes: Int { batch.maxBytes }

  @OptionGroup var rulesOptions: RulesOptions

  func validate() throws {
    if stdin && !paths.isEmpty { throw ValidationError("give either paths or --stdin, not both") }
    if !stdin && paths.isEmpty { throw ValidationError("give at least one notice file or folder (or --stdin)") }
    if !explain && output == nil { throw ValidationError("--output DIR is required (use --output - for stdout)") }
  }

  func run() throws {
    let rules = try rulesOptions.load()
    let pipeline = Pipeline(rules: rules)
    if explain { return try runExplain(pipeline) }

    let toStdout = output == "-"
    var sink: OutputSink
    do throws(StageFailure) {
      sink = try toStdout ? OutputSink.stdout() : OutputSink.folder(output!)
    } catch {
      printError("gongwen: error: \(error.message)")
      throw ExitCode(2)
    }
    if !toStdout { sink.linker = BatchDuplicateLinker(rules: rules.similarity) }
    installSignalHandlers()

    var report = BatchReport(generator: GeneratorInfo(version: gongwenVersion, rules: rules.hash))
    let inputs = InputSource(paths: paths, stdin: stdin, maxBytes: maxBytes, report: &report)
    let runner = BatchRunner(pipeline: pipeline, jobs: jobs)
    do throws(StageFailure) {
      try runner.run(lazyInputs: inputs.next, sink: sink, report: &report) { err in printError(err.line) }
      let reportData = try RecordEncoder().pretty(report)
      try sink.finish(report: reportData)
    } catch {
      sink.abandon()
      printError("gongwen: error: \(error.message); nothing was written")
      throw ExitCode(2)
    }
    if report.counts.failed > 0 || !report.errors.isEmpty { throw ExitCode(1) }
  }

  func runExplain(_ pipeline: Pipeline) throws {
    let color = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    var failed = false
    for path in InputWalker().walk(paths).files {
      switch Inputs.read(path: path, maxBytes: maxBytes) {
      case .failure(let e): printError(e.line); failed = true
      case .success(let input):
        do throws(StageFailure) {
          let out = try pipeline.process(input)
          print("=== \(path)")
          let moves = out.document.warnings.filter { $0.code == "reordered_units" }
          print(Explainer.render(source: out.source.text, removed: out.document.removed, moves: moves, color: color))
        } catch {
          printError("gongwen: error: \(path): \(error.stage): \(error.message)")
          failed = true
        }
      }
    }
    if failed { throw ExitCode(1) }
  }
}

/// Supplies inputs one at a time: files from the walk, or records from stdin.
final class InputSource {
  private var files: [String]
  private var index = 0
  private let stdin: Bool
  private let maxBytes: Int
  private var lineNumber = 0
  private let lines = LineBytesReader()

  init(paths: [String], stdin: Bool, maxBytes: Int, report: inout BatchReport) {
    self.stdin = stdin
    self.maxBytes = maxBytes
    if stdin {
      files = []
    } else {
      let listing = InputWalker().walk(paths)
      files = listing.files
      for s in listing.skipped {
        report.counts.skipped += 1
        report.files.append(FileStatus(path: s.path, status: "skipped", documentId: nil, tasks: nil, format: nil,
                                       encoding: nil, warnings: [s.reason], error: nil))
      }
      for m in listing.missing {
        let err = FileError(path: m.path, stage: "read", code: "not_found", message: m.reason)
        report.counts.failed += 1
        report.errors.append(err)
        report.files.append(FileStatus(path: m.path, status: "failed", documentId: nil, tasks: nil, format: nil,
                                       encoding: nil, warnings: nil, error: err))
        printError(err.line)
      }
    }
  }

  /// The next input, read or parsed later by the worker that processes it (in parallel with others).
  func next() -> BatchInput? {
    if stdin {
      while let line = lines.next() {
        lineNumber += 1
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
        let number = lineNumber
        return { Inputs.stdinRecord(repairing: line, lineNumber: number) }
      }
      return nil
    }
    guard index < files.count else { return nil }
    defer { index += 1 }
    let (path, maxBytes) = (files[index], maxBytes)
    return { Inputs.read(path: path, maxBytes: maxBytes) }
  }
}

/// Where records go: a folder of three files written atomically, or stdout/stderr.
final class OutputSink: BatchSink {
  private let documents: AtomicFileWriter?
  private let tasks: AtomicFileWriter?
  private let reportPath: String?
  private let encoder = RecordEncoder()
  /// Fills each document's `duplicates` with links to the other notices of the batch (folder output only).
  var linker: BatchDuplicateLinker? {
    didSet { linker?.storedText = { [unowned self] line in self.documentText(line) } }
  }
  /// Where each document line written so far starts in documents.jsonl (for `documentText`).
  private var lineStarts: [Int64] = []

  private init(documents: AtomicFileWriter?, tasks: AtomicFileWriter?, reportPath: String?) {
    self.documents = documents
    self.tasks = tasks
    self.reportPath = reportPath
  }

  static func stdout() throws(StageFailure) -> OutputSink { OutputSink(documents: nil, tasks: nil, reportPath: nil) }

  static func folder(_ dir: String) throws(StageFailure) -> OutputSink {
    do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
      throw StageFailure(stage: "emit", code: "output_unwritable",
                         message: "cannot create output folder \(dir): \(error.localizedDescription)")
    }
    let d = try AtomicFileWriter(path: dir + "/documents.jsonl")
    let t = try AtomicFileWriter(path: dir + "/tasks.jsonl")
    activeWriters.set([d, t])
    return OutputSink(documents: d, tasks: t, reportPath: dir + "/report.json")
  }

  /// What a worker thread prepares for `accept`: the task lines, encoded, and the document's fingerprint.
  struct Prepared: Sendable {
    /// The document's line as it is when no duplicate links are added (most documents).
    var documentLine: Data?
    var taskLines: Data?
    var link: BatchDuplicateLinker.Prepared?
  }

  var prepare: (@Sendable (PipelineOutput) -> (any Sendable)?)? {
    let encoder = self.encoder
    guard documents != nil else {
      // stdout: the task lines, encoded on the worker (in parallel with other documents)
      return { output in Prepared(taskLines: encoder.lines(output.tasks)) }
    }
    let similarity = linker?.rules
    return { output in
      var p = Prepared()
      do throws(StageFailure) {
        p.taskLines = encoder.lines(output.tasks)
        if output.document.duplicates.isEmpty { p.documentLine = try encoder.line(output.document) }
      } catch {
        p.taskLines = nil  // accept encodes again and reports the failure
      }
      if let similarity { p.link = BatchDuplicateLinker.prepare(output, rules: similarity) }
      return p
    }
  }

  /// `accept` writes the records (and links them); it never reads the intermediates.
  var acceptsIntermediates: Bool { false }
  /// Tasks on stdout: no document record is written, so its text is never read.
  var needsDocumentText: Bool { documents != nil }

  func accept(_ output: PipelineOutput) throws(StageFailure) {
    if let documents, let tasks {
      let prepared = output.sinkPayload as? Prepared
      var document = output.document
      if let linker { document.duplicates = linker.link(document, prepared: prepared?.link) }
      lineStarts.append(documents.position)
      if document.duplicates.isEmpty, let line = prepared?.documentLine {
        try documents.writeLine(line)
      } else {
        try documents.writeLine(encoder.line(document))
      }
      if let lines = prepared?.taskLines {
        try tasks.write(lines)
      } else {
        for t in output.tasks { try tasks.writeLine(encoder.line(t)) }
      }
    } else {
      FileHandle.standardOutput.write((output.sinkPayload as? Prepared)?.taskLines ?? encoder.lines(output.tasks))
    }
  }

  /// The text of document `line`, read back from the documents file being written (the linker asks
  /// for the few it needs instead of keeping every text). nil when it cannot be read: a failing
  /// output fails the run at its next write anyway.
  private func documentText(_ line: Int) -> String? {
    guard let documents, line >= 0, line < lineStarts.count else { return nil }
    let start = lineStarts[line]
    let end = (line + 1 < lineStarts.count ? lineStarts[line + 1] : documents.position) - 1  // before the newline
    guard let bytes = try? documents.readBack(at: start, count: Int(end - start)) else { return nil }
    return encoder.documentText(ofLine: bytes)
  }

  func finish(report: Data) throws(StageFailure) {
    if let documents, let tasks, let reportPath {
      if let linker, linker.documentsWithReverseLinks > 0 {
        // second, streaming pass: earlier documents gain the links found from later ones. It reads
        // the first pass's temporary file (releasing its pages as it goes), which is then dropped:
        // documents.jsonl is replaced once, by the patched file.
        try documents.flush()
        let patched = try AtomicFileWriter(path: documents.path, tempSuffix: "-linked")
        activeWriters.set([documents, patched, tasks])
        do throws(StageFailure) {
          try linker.rewriteDocuments(from: documents.tempPath, into: patched, releasingSource: true)
        } catch {
          patched.abandon()
          throw error
        }
        try patched.commit()
        documents.abandon()
      } else {
        try documents.commit()
      }
      try tasks.commit()
      let r = try AtomicFileWriter(path: reportPath)
      try r.write(report)
      try r.write(Data([0x0A]))
      try r.commit()
      activeWriters.set([])
    } else {
      FileHandle.standardError.write(report + Data([0x0A]))
    }
  }

  func abandon() {
    documents?.abandon()
    tasks?.abandon()
    activeWriters.set([])
  }
}

/// Temporary files to delete if the run is interrupted.
final class WriterRegistry: @unchecked Sendable {
  private var writers: [AtomicFileWriter] = []
  private let lock = NSLock()
  func set(_ w: [AtomicFileWriter]) { lock.lock(); writers = w; lock.unlock() }
  func abandonAll() { lock.lock(); writers.forEach { $0.abandon() }; lock.unlock() }
}
let activeWriters = WriterRegistry()

/// On SIGINT/SIGTERM: remove temporary outputs (finished outputs from earlier runs stay intact) and exit.
func installSignalHandlers() {
  for sig in [SIGINT, SIGTERM] {
    signal(sig, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
    source.setEventHandler {
      activeWriters.abandonAll()
      printError("gongwen: interrupted; partial outputs removed, earlier outputs left as they were")
      Foundation.exit(130)
    }
    source.resume()
    signalSources.append(source)
  }
}
nonisolated(unsafe) var signalSources: [any DispatchSourceSignal] = []
