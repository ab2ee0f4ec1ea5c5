import Dispatch
import Foundation
import GongwenCore

/// What happened to one input.
public struct FileStatus: Codable, Sendable {
  public var path: String
  /// `ok`, `failed`, `skipped`.
  public var status: String
  public var documentId: String?
  public var tasks: Int?
  public var format: String?
  public var encoding: String?
  public var warnings: [String]?
  public var error: FileError?

  public init(path: String, status: String, documentId: String? = nil, tasks: Int? = nil, format: String? = nil,
              encoding: String? = nil, warnings: [String]? = nil, error: FileError? = nil) {
    self.path = path
    self.status = status
    self.documentId = documentId
    self.tasks = tasks
    self.format = format
    self.encoding = encoding
    self.warnings = warnings
    self.error = error
  }

  enum CodingKeys: String, CodingKey {
    case path, status, documentId = "document_id", tasks, format, encoding, warnings, error
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
    public var warnings = 0
    public init() {}
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
  func accept(_ output: PipelineOutput) throws(StageFailure)
}

/// Runs the pipeline over many inputs: in parallel (`jobs`), in bounded chunks (memory does not
/// grow with the batch), delivering results to the sink in input order so output is deterministic.
/// One bad input never stops the batch.
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
    let start = DispatchTime.now()
    let chunkSize = jobs == 1 ? 1 : jobs * 8
    var done = false
    while !done {
      var chunk: [Result<PipelineInput, FileError>] = []
      while chunk.count < chunkSize, let item = next() { chunk.append(item) }
      if chunk.count < chunkSize { done = true }
      if chunk.isEmpty { break }
      let results = processChunk(chunk)
      for (item, result) in zip(chunk, results) {
        report.counts.inputs += 1
        switch result {
        case .success(let out):
          try sink.accept(out)
          report.timing.bytes += out.document.source.bytes
          report.counts.documents += 1
          report.counts.tasks += out.tasks.count
          report.counts.warnings += out.document.warnings.count
          for w in out.document.warnings { report.warningCounts[w.code, default: 0] += 1 }
          report.files.append(FileStatus(
            path: out.document.source.path ?? out.document.source.id ?? "<stdin>", status: "ok",
            documentId: out.document.id, tasks: out.tasks.count, format: out.document.source.format,
            encoding: out.document.source.encoding,
            warnings: out.document.warnings.map(\.code), error: nil))
        case .failure(let err):
          _ = item
          report.counts.failed += 1
          report.errors.append(err)
          report.files.append(FileStatus(path: err.path, status: "failed", documentId: nil, tasks: nil,
                                         format: nil, encoding: nil, warnings: nil, error: err))
          onError(err)
        }
      }
    }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    report.timing.elapsedSeconds = elapsed
    report.timing.megabytesPerSecond = elapsed > 0 ? Double(report.timing.bytes) / 1e6 / elapsed : 0
  }

  private func processChunk(_ chunk: [Result<PipelineInput, FileError>]) -> [Result<PipelineOutput, FileError>] {
    let pipeline = self.pipeline
    let one: @Sendable (Result<PipelineInput, FileError>) -> Result<PipelineOutput, FileError> = { item in
      switch item {
      case .failure(let e): return .failure(e)
      case .success(let input):
        do throws(StageFailure) { return .success(try pipeline.process(input)) } catch {
          return .failure(FileError(path: input.displayName, stage: error.stage, code: error.code,
                                    message: error.message))
        }
      }
    }
    if jobs == 1 || chunk.count == 1 { return chunk.map(one) }
    let box = ResultBox(count: chunk.count)
    DispatchQueue.concurrentPerform(iterations: chunk.count) { i in
      box.set(i, one(chunk[i]))
    }
    return box.results.map { $0! }
  }
}

private final class ResultBox: @unchecked Sendable {
  var results: [Result<PipelineOutput, FileError>?]
  let lock = NSLock()
  init(count: Int) { results = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ r: Result<PipelineOutput, FileError>) {
    lock.lock()
    results[i] = r
    lock.unlock()
  }
}
