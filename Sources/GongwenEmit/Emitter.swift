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

  /// The `text` of a document record from its line as `line(_:)` wrote it, without decoding the rest
  /// of the record (the duplicate linker reads back the texts it needs from documents.jsonl instead
  /// of keeping a copy of every text). nil if the line is not a document record.
  ///
  /// The text is the last string value before the top-level `"text_sha256"` key (keys are sorted:
  /// `text`, `text_sha256`, then only `title` and `warnings`, which have no such key inside). Inside a
  /// JSON string every quote is escaped, so the two key patterns below can only match at keys.
  public func documentText(ofLine line: [UInt8]) -> String? {
    let fast: String? = line.withUnsafeBufferPointer { b in
      let close = Array("\",\"text_sha256\":".utf8), open = Array("\"text\":\"".utf8)
      guard let end = lastMatch(close, in: b, before: b.count),
        let key = lastMatch(open, in: b, before: end)
      else { return nil }
      // the value from its opening quote; its closing quote must be the one before `text_sha256`
      var i = key + open.count - 1
      guard let bytes = readJSONString(b, at: &i), i == end + 1 else { return nil }
      return String(decoding: bytes, as: UTF8.self)
    }
    if let fast { return fast }
    return (try? JSONDecoder().decode(DocumentRecord.self, from: Data(line)))?.text
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

/// Where `pattern` last starts in `b` such that it ends at or before `limit`.
private func lastMatch(_ pattern: [UInt8], in b: UnsafeBufferPointer<UInt8>, before limit: Int) -> Int? {
  var i = limit - pattern.count
  while i >= 0 {
    if b[i] == pattern[0] && b[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
    i -= 1
  }
  return nil
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
  /// Opened by `readBack` (on the temporary file) the first time it is called.
  private var reader: Int32 = -1
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

  /// Bytes written so far, buffered or not: the offset in the file at which the next write starts.
  public var position: Int64 { Int64(written + buffer.count) }

  /// `count` bytes written earlier at `offset`, read back from the temporary file (flushed first when
  /// some of them are still in the buffer).
  public func readBack(at offset: Int64, count: Int) throws(StageFailure) -> [UInt8] {
    guard offset >= 0, count >= 0, offset + Int64(count) <= position else {
      throw StageFailure(stage: "emit", code: "output_unreadable", message: "cannot read back \(tempPath): out of range")
    }
    if offset + Int64(count) > Int64(written) { try flush() }
    if reader < 0 { reader = open(tempPath, O_RDONLY) }
    var out = [UInt8](repeating: 0, count: count)
    var got = 0
    while got < count {
      let n = out.withUnsafeMutableBytes { buf in pread(reader, buf.baseAddress! + got, count - got, off_t(offset) + off_t(got)) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 {
        throw StageFailure(stage: "emit", code: "output_unreadable", message: "cannot read back \(tempPath)")
      }
      got += n
    }
    return out
  }

  private func closeReader() {
    if reader >= 0 { close(reader) }
    reader = -1
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
    closeReader()
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
    closeReader()
    try? handle?.close()
    handle = nil
    unlink(tempPath)
  }

  deinit { if handle != nil { abandon() } }
}
