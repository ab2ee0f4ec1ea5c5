import Foundation
import GongwenCore

/// Stage 6: records -> deterministic JSON text.
///
/// Keys are sorted, so the same records always give the same bytes; no timestamps or
/// other run-dependent values are written into documents or tasks.
public struct RecordEncoder: Sendable {
  public init() {}

  private static func makeEncoder() -> JSONEncoder {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return e
  }

  /// One JSON object on one line, without the trailing newline.
  public func line<T: Encodable>(_ value: T) throws(StageFailure) -> Data { try foundationLine(value) }

  /// A document record on one line: the hand-written `RecordWriter` (same bytes as `JSONEncoder`).
  public func line(_ document: DocumentRecord) throws(StageFailure) -> Data {
    var w = RecordWriter(capacity: document.text.utf8.count * 2 + 1024)
    if w.document(document) { return Data(w.bytes) }
    return try foundationLine(document)
  }

  /// A task record on one line: the hand-written `RecordWriter` (same bytes as `JSONEncoder`).
  public func line(_ task: TaskRecord) throws(StageFailure) -> Data {
    var w = RecordWriter(capacity: task.text.utf8.count + 512)
    w.task(task)
    return Data(w.bytes)
  }

  /// Task records, each on its own line followed by a newline: the bytes of `line(_:)` and `\n` for
  /// each task, written into one buffer (no intermediate `Data` per task).
  public func lines(_ tasks: [TaskRecord]) -> Data {
    var capacity = 0
    for t in tasks { capacity += t.text.utf8.count + 512 }
    var w = RecordWriter(capacity: capacity)
    tasks.withUnsafeBufferPointer { tasks in
      // (read in place: a `for t in tasks` copy retains and releases every field of every task)
      for i in tasks.indices {
        w.task(tasks[i])
        w.newline()
      }
    }
    return Data(w.bytes)
  }

  /// `line` through `JSONEncoder`, for any record (the reference the fast paths are tested against).
  public func foundationLine<T: Encodable>(_ value: T) throws(StageFailure) -> Data {
    do { return try Self.makeEncoder().encode(value) } catch {
      throw StageFailure(stage: "emit", code: "encode_failed", message: "could not encode record: \(error)")
    }
  }

  /// A pretty, sorted JSON document (for report.json and golden files).
  public func pretty<T: Encodable>(_ value: T) throws(StageFailure) -> Data {
    let e = Self.makeEncoder()
    e.outputFormatting.insert(.prettyPrinted)
    do { return try e.encode(value) } catch {
      throw StageFailure(stage: "emit", code: "encode_failed", message: "could not encode record: \(error)")
    }
  }
}

/// Writes a file atomically: everything goes to a hidden temporary file beside the target,
/// which is renamed over the target only by `commit()`. A reader never sees half a file.
public final class AtomicFileWriter {
  public let path: String
  /// Where the bytes go until `commit()`.
  public let tempPath: String
  private var handle: FileHandle?
  private var buffer = Data()
  private var written = 0
  /// Test seam: `GONGWEN_FAULT_WRITE_LIMIT=N` makes writes fail (as with a full disk) once a file
  /// passes N bytes, so tests can check that a failed write leaves no half-written output.
  private let faultLimit: Int? = ProcessInfo.processInfo.environment["GONGWEN_FAULT_WRITE_LIMIT"].flatMap(Int.init)

  /// `tempSuffix` tells apart two writers of the same `path` open at once (a second pass that
  /// rewrites the first's temporary file).
  public init(path: String, tempSuffix: String = "") throws(StageFailure) {
    self.path = path
    let dir = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    tempPath = (dir.isEmpty ? "." : dir) + "/." + name + ".tmp-\(getpid())" + tempSuffix
    guard FileManager.default.createFile(atPath: tempPath, contents: nil),
      let h = FileHandle(forWritingAtPath: tempPath)
    else {
      throw StageFailure(stage: "emit", code: "output_unwritable",
                         message: "cannot write \(path): check that the folder exists and is writable")
    }
    handle = h
  }

  public func write(_ data: Data) throws(StageFailure) {
    buffer.append(data)
    if buffer.count >= 1 << 20 { try flush() }
  }

  /// Appends the bytes in `bytes` (copied before returning).
  public func write(_ bytes: UnsafeRawBufferPointer) throws(StageFailure) {
    if bytes.isEmpty { return }
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 20 { try flush() }
  }

  public func writeLine(_ data: Data) throws(StageFailure) {
    try write(data)
    buffer.append(0x0A)
    if buffer.count >= 1 << 20 { try flush() }
  }

  /// Writes out what is buffered, so that the temporary file holds everything written so far.
  public func flush() throws(StageFailure) {
    guard let handle, !buffer.isEmpty else { return }
    written += buffer.count
    if let faultLimit, written > faultLimit {
      throw StageFailure(stage: "emit", code: "write_failed",
                         message: "cannot write \(path): No space left on device (injected)")
    }
    do { try handle.write(contentsOf: buffer) } catch {
      throw StageFailure(stage: "emit", code: "write_failed", message: "cannot write \(path): \(error.localizedDescription)")
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, syncs and renames the temporary file over `path`.
  public func commit() throws(StageFailure) {
    try flush()
    guard let h = handle else { return }
    do {
      try h.synchronize()
      try h.close()
    } catch {
      throw StageFailure(stage: "emit", code: "write_failed", message: "cannot write \(path): \(error.localizedDescription)")
    }
    handle = nil
    if rename(tempPath, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(tempPath)
      throw StageFailure(stage: "emit", code: "write_failed", message: "cannot move output into place at \(path): \(reason)")
    }
  }

  /// Drops the temporary file (on failure or interruption).
  public func abandon() {
    try? handle?.close()
    handle = nil
    unlink(tempPath)
  }

  deinit { if handle != nil { abandon() } }
}
