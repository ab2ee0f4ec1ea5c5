import Dispatch
import Foundation
import GongwenCore
import Synchronization

/// What happened to one input.
public struct FileStatus: Codable, Sendable {
  public var path: String
  /// `ok`, `failed`, `skipped`, or `duplicate`: the input's bytes are identical to an earlier input's of
  /// the batch (`duplicate_of` names it), so it is the same document (`document_id`) and its
  /// document and tasks are written once, under the first input.
  public var status: String
  public var documentId: String?
  /// For a `duplicate`: the path (or `--stdin` record id) of the first input with the same bytes.
  public var duplicateOf: String?
  public var tasks: Int?
  public var format: String?
  public var encoding: String?
  public var warnings: [String]?
  public var error: FileError?

  public init(path: String, status: String, documentId: String? = nil, tasks: Int? = nil, format: String? = nil,
              encoding: String? = nil, warnings: [String]? = nil, error: FileError? = nil,
              duplicateOf: String? = nil) {
    self.path = path
    self.status = status
    self.documentId = documentId
    self.duplicateOf = duplicateOf
    self.tasks = tasks
    self.format = format
    self.encoding = encoding
    self.warnings = warnings
    self.error = error
  }

  enum CodingKeys: String, CodingKey {
    case path, status, documentId = "document_id", duplicateOf = "duplicate_of", tasks, format, encoding, warnings,
      error
  }
}

public struct FileError: Codable, Sendable, Error {
  public var path: String
  public var stage: String
  public var code: String
  public var message: String

  public init(path: String, stage: String, code: String, message: String) {
    self.path = path
    self.stage = stage
    self.code = code
    self.message = message
  }

  /// The one line printed on stderr.
  public var line: String { "gongwen: error: \(path): \(stage): \(message)" }
}

/// `report.json`: counts, per-file status and warnings, errors, timing.
public struct BatchReport: Codable, Sendable {
  public struct Counts: Codable, Sendable {
    public var inputs = 0
    public var documents = 0
    public var tasks = 0
    public var failed = 0
    public var skipped = 0
    /// Inputs whose bytes repeat an earlier input's (status `duplicate`): not written again.
    public var exactDuplicates = 0
    public var warnings = 0
    public init() {}
    enum CodingKeys: String, CodingKey {
      case inputs, documents, tasks, failed, skipped, exactDuplicates = "exact_duplicates", warnings
    }
  }
  public struct Timing: Codable, Sendable {
    public var elapsedSeconds: Double
    public var bytes: Int
    public var megabytesPerSecond: Double
    public init(elapsedSeconds: Double, bytes: Int, megabytesPerSecond: Double) {
      self.elapsedSeconds = elapsedSeconds
      self.bytes = bytes
      self.megabytesPerSecond = megabytesPerSecond
    }
    enum CodingKeys: String, CodingKey {
      case elapsedSeconds = "elapsed_seconds", bytes, megabytesPerSecond = "mb_per_second"
    }
  }
  public var schemaVersion = schemaVersion_
  public var generator: GeneratorInfo
  public var counts = Counts()
  public var files: [FileStatus] = []
  public var errors: [FileError] = []
  public var warningCounts: [String: Int] = [:]
  public var timing = Timing(elapsedSeconds: 0, bytes: 0, megabytesPerSecond: 0)

  public init(generator: GeneratorInfo) { self.generator = generator }

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version", generator, counts, files, errors, warningCounts = "warning_counts", timing
  }
}
private let schemaVersion_ = GongwenCore.schemaVersion

/// Receives processed documents in input order.
public protocol BatchSink: AnyObject {
  /// Work on one output that can run on a worker thread, in parallel with other documents, before
  /// `accept` (e.g. encoding its tasks, fingerprinting its text). Stored in `output.sinkPayload`.
  /// Must not touch the sink's mutable state. Default: none.
  var prepare: (@Sendable (PipelineOutput) -> (any Sendable)?)? { get }
  /// Whether `accept` reads `output.source` and `output.clean` (the decoded source text and the
  /// clean text with its offset map). When it does not, the worker frees them after `prepare`: they
  /// are the largest part of an output, and freeing them on the thread that made them keeps the
  /// window of outputs small and spares the allocator frees across threads. Default: true.
  var acceptsIntermediates: Bool { get }
  /// Whether `prepare` or `accept` reads `document.text` / `document.textSha256`. When not (tasks on
  /// stdout), the pipeline leaves them empty instead of encoding and hashing the clean text.
  /// Default: true.
  var needsDocumentText: Bool { get }
  func accept(_ output: PipelineOutput) throws(StageFailure)
}

extension BatchSink {
  public var prepare: (@Sendable (PipelineOutput) -> (any Sendable)?)? { nil }
  public var acceptsIntermediates: Bool { true }
  public var needsDocumentText: Bool { true }
}

/// One input, read or parsed when a worker calls it (so reading and parsing run in parallel too).
public typealias BatchInput = @Sendable () -> Result<PipelineInput, FileError>

/// Runs the pipeline over many inputs: in parallel (`jobs`), streaming (at most `jobs × 8` documents
/// in flight, so memory does not grow with the batch), delivering results to the sink in input order
/// so output is deterministic. One bad input never stops the batch.
///
/// With `jobs` > 1, `jobs` worker threads take inputs from a bounded window while the calling thread
/// reads the next inputs and feeds finished documents to the sink in order; a slow document only
/// holds back the window, not the other workers. With `jobs` = 1 everything runs on the calling thread.
public struct BatchRunner: Sendable {
  public let pipeline: Pipeline
  public let jobs: Int

  public init(pipeline: Pipeline, jobs: Int) {
    self.pipeline = pipeline
    self.jobs = max(1, jobs)
  }

  /// `next()` yields inputs (or a read failure for one path) until nil.
  public func run(inputs next: () -> Result<PipelineInput, FileError>?, sink: BatchSink,
                  report: inout BatchReport, onError: (FileError) -> Void) throws(StageFailure) {
    let lazy: () -> BatchInput? = {
      guard let item = next() else { return nil }
      let input: BatchInput = { item }
      return input
    }
    try run(lazyInputs: lazy, sink: sink, report: &report, onError: onError)
  }

  /// `next()` yields inputs to read/parse on a worker (or nil at the end).
  public func run(lazyInputs next: () -> BatchInput?, sink: BatchSink,
                  report: inout BatchReport, onError: (FileError) -> Void) throws(StageFailure) {
    let start = DispatchTime.now()
    // the first input of the batch with each document id (the id hashes the input's bytes)
    var seen: [String: String] = [:]
    let claims = CopyClaims()
    let one = worker(prepare: sink.prepare, keepIntermediates: sink.acceptsIntermediates,
                     documentText: sink.needsDocumentText, claims: claims)
    var index = 0
    if jobs == 1 {
      while let item = next() {
        try deliver(one(index, item), sink: sink, seen: &seen, report: &report, onError: onError)
        index += 1
      }
    } else {
      let pool = WorkerPool(threads: jobs, work: one)
      defer { pool.stop() }
      // Eight per worker: with four, one long notice at the head of the window left the other
      // worker idle once the window filled (--jobs 2 ran at 1.66x --jobs 1 on the 100 MB corpus,
      // 1.8x with eight; peak RSS rose from 69 to 74 MB).
      let window = jobs * 8
      var pending: [WorkerPool.Slot] = []
      var head = 0
      var more = true
      while true {
        while more && pending.count - head < window {
          if let item = next() {
            pending.append(pool.submit(index, item))
            index += 1
          } else {
            more = false
          }
        }
        if head == pending.count { break }
        let result = pending[head].wait()
        head += 1
        if head > 64 {
          pending.removeFirst(head)
          head = 0
        }
        try deliver(result, sink: sink, seen: &seen, report: &report, onError: onError)
      }
    }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    report.timing.elapsedSeconds = elapsed
    report.timing.megabytesPerSecond = elapsed > 0 ? Double(report.timing.bytes) / 1e6 / elapsed : 0
  }

  func deliver(_ result: Result<Outcome, FileError>, sink: BatchSink, seen: inout [String: String],
                       report: inout BatchReport, onError: (FileError) -> Void) throws(StageFailure) {
    var result = result
    if case .success(.copy(let copy)) = result {
      if let first = seen[copy.documentID] {
        report.counts.inputs += 1
        report.timing.bytes += copy.input.bytes.count
        Self.recordDuplicate(path: copy.path, id: copy.documentID, format: copy.format, encoding: copy.encoding, of: first,
                             in: &report)
        return
      }
      // (the earlier input with these bytes failed after its ingest, so it was never delivered: this one runs in full, here,
      // and fails or succeeds as the pipeline decides)
      result = fullRun(copy.input, sha256: copy.sha256, prepare: sink.prepare, keepIntermediates: sink.acceptsIntermediates,
                       documentText: sink.needsDocumentText).map { .processed($0) }
    }
    report.counts.inputs += 1
    switch result {
    case .success(.copy): preconditionFailure("a copy is resolved above")
    case .success(.processed(let out)):
      let path = out.document.source.path ?? out.document.source.id ?? "<stdin>"
      report.timing.bytes += out.document.source.bytes
      // the same bytes again: the same document, with the same id and the same tasks. Writing it twice
      // would give the dataset two records under one id; the report keeps the input and names the first.
      if let first = seen[out.document.id] {
        Self.recordDuplicate(path: path, id: out.document.id, format: out.document.source.format,
                             encoding: out.document.source.encoding, of: first, in: &report)
        return
      }
      seen[out.document.id] = path
      try sink.accept(out)
      report.counts.documents += 1
      report.counts.tasks += out.tasks.count
      report.counts.warnings += out.document.warnings.count
      for w in out.document.warnings { report.warningCounts[w.code, default: 0] += 1 }
      report.files.append(FileStatus(
        path: path, status: "ok",
        documentId: out.document.id, tasks: out.tasks.count, format: out.document.source.format,
        encoding: out.document.source.encoding,
        warnings: out.document.warnings.map(\.code), error: nil))
    case .failure(let err):
      report.counts.failed += 1
      report.errors.append(err)
      report.files.append(FileStatus(path: err.path, status: "failed", documentId: nil, tasks: nil,
                                     format: nil, encoding: nil, warnings: nil, error: err))
      onError(err)
    }
  }

  /// An input whose bytes are those of the batch's input `first` (its path or record id): reported as a `duplicate`.
  static func recordDuplicate(path: String, id: String, format: String, encoding: String, of first: String,
                              in report: inout BatchReport) {
    report.counts.exactDuplicates += 1
    report.files.append(FileStatus(path: path, status: "duplicate", documentId: id, tasks: 0, format: format, encoding: encoding,
                                   duplicateOf: first))
  }

  /// The work on one input (its place in the batch and the input): read or parse it, hash its bytes, and run the pipeline —
  /// or, when an earlier input of the batch has the same bytes (`CopyClaims`), only Ingest, for the report's format and
  /// encoding: the copy's document and tasks would be the earlier input's and are not written again.
  private func worker(prepare: (@Sendable (PipelineOutput) -> (any Sendable)?)?, keepIntermediates: Bool,
                      documentText: Bool, claims: CopyClaims)
    -> @Sendable (Int, BatchInput) -> Result<Outcome, FileError>
  {
    let runner = self
    return { index, item in
      switch item() {
      case .failure(let e): return .failure(e)
      case .success(let input):
        let sha = sha256Hex(input.bytes)
        let id = Pipeline.documentID(sha256: sha)
        if claims.earlierInput(than: index, has: id), let source = try? runner.pipeline.ingest(input) {
          return .success(.copy(Copy(input: input, sha256: sha, format: Pipeline.format(of: input, source),
                                     encoding: source.encoding)))
        }
        return runner.fullRun(input, sha256: sha, prepare: prepare, keepIntermediates: keepIntermediates,
                              documentText: documentText).map { .processed($0) }
      }
    }
  }

  /// Every stage on one input, then the sink's `prepare`; the intermediates freed unless the sink reads them.
  private func fullRun(_ input: PipelineInput, sha256: String, prepare: (@Sendable (PipelineOutput) -> (any Sendable)?)?,
                       keepIntermediates: Bool, documentText: Bool) -> Result<PipelineOutput, FileError> {
    do throws(StageFailure) {
      var times = StageTimes()
      var out = try pipeline.process(input, times: &times, documentText: documentText, sha256: sha256)
      if let prepare { out.sinkPayload = prepare(out) }
      if !keepIntermediates {
        out.source.text = ""
        out.clean = CleanText(sourceScalars: [])
      }
      return .success(out)
    } catch {
      return .failure(FileError(path: input.displayName, stage: error.stage, code: error.code, message: error.message))
    }
  }

  /// What a worker made of one input.
  enum Outcome: Sendable {
    case processed(PipelineOutput)
    /// The input's bytes are those of an earlier input of the batch.
    case copy(Copy)
  }

  /// An input whose bytes an earlier input of the batch has: what the report needs, and the input itself in case that
  /// earlier input failed and this one must run after all.
  struct Copy: Sendable {
    let input: PipelineInput
    let sha256: String
    let format: String
    let encoding: String
    var documentID: String { Pipeline.documentID(sha256: sha256) }
    /// As the report names an input: its path, or its `--stdin` record id.
    var path: String { input.path ?? input.recordID ?? "<stdin>" }
  }
}

/// The lowest place in the batch of an input seen so far with each document id, shared by the workers. A worker whose input
/// comes later than the one holding its id skips the pipeline (an exact copy: `BatchRunner.Outcome.copy`); an input that
/// comes earlier takes the id over and runs in full, so whichever order the workers reach them in, the first input of the
/// batch with those bytes is the one processed and written (`deliver` goes in input order) — as before copies were spotted
/// early, the output is the same.
final class CopyClaims: Sendable {
  private let first = Mutex<[String: Int]>([:])

  /// Whether an input before `index` has `id`; if not, `index` now holds it.
  func earlierInput(than index: Int, has id: String) -> Bool {
    first.withLock { table in
      if let k = table[id], k < index { return true }
      table[id] = index
      return false
    }
  }
}

/// A fixed set of threads running submitted inputs, first submitted first started.
final class WorkerPool: @unchecked Sendable {
  final class Slot: @unchecked Sendable {
    let index: Int
    let input: BatchInput
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<BatchRunner.Outcome, FileError>?
    init(_ index: Int, _ input: @escaping BatchInput) {
      self.index = index
      self.input = input
    }
    func fulfil(_ r: Result<BatchRunner.Outcome, FileError>) {
      result = r
      done.signal()
    }
    func wait() -> Result<BatchRunner.Outcome, FileError> {
      done.wait()
      defer { result = nil }  // the window does not keep delivered documents alive
      return result!
    }
  }

  private let condition = NSCondition()
  private var queue: [Slot] = []
  private var queueHead = 0
  private var stopped = false
  private let work: @Sendable (Int, BatchInput) -> Result<BatchRunner.Outcome, FileError>

  init(threads: Int, work: @escaping @Sendable (Int, BatchInput) -> Result<BatchRunner.Outcome, FileError>) {
    self.work = work
    for _ in 0..<threads {
      let t = Thread { [self] in loop() }
      t.stackSize = 8 << 20
      t.start()
    }
  }

  func submit(_ index: Int, _ input: @escaping BatchInput) -> Slot {
    let slot = Slot(index, input)
    condition.lock()
    queue.append(slot)
    condition.signal()
    condition.unlock()
    return slot
  }

  func stop() {
    condition.lock()
    stopped = true
    condition.broadcast()
    condition.unlock()
  }

  private func loop() {
    while true {
      condition.lock()
      while queueHead == queue.count && !stopped { condition.wait() }
      if queueHead == queue.count {
        condition.unlock()
        return
      }
      let slot = queue[queueHead]
      queueHead += 1
      if queueHead > 64 {
        queue.removeFirst(queueHead)
        queueHead = 0
      }
      condition.unlock()
      slot.fulfil(work(slot.index, slot.input))
    }
  }
}

