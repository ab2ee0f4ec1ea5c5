import Foundation
import GongwenCore

/// Reading inputs: files from disk (with a size cap) and `--stdin` JSONL records.
public enum Inputs {
  /// Default cap on one input file's size.
  public static let defaultMaxBytes = 64 << 20

  /// Reads one file. Failures name the file and say what to do.
  public static func read(path: String, maxBytes: Int = defaultMaxBytes) -> Result<PipelineInput, FileError> {
    func fail(_ code: String, _ msg: String) -> Result<PipelineInput, FileError> {
      .failure(FileError(path: path, stage: "read", code: code, message: msg))
    }
    var st = stat()
    guard stat(path, &st) == 0 else {
      return fail("not_found", "cannot read file: \(String(cString: strerror(errno))) (it may have been moved or deleted)")
    }
    if (st.st_mode & S_IFMT) == S_IFDIR { return fail("is_folder", "is a folder") }
    if Int(st.st_size) > maxBytes {
      return fail("too_large", "file is \(st.st_size) bytes, over the \(maxBytes)-byte limit (raise it with --max-bytes)")
    }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      return fail("unreadable", "cannot open file: \(String(cString: strerror(errno))); check its permissions")
    }
    defer { close(fd) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(st.st_size))
    var buf = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = buf.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return fail("unreadable", "read failed: \(String(cString: strerror(errno)))")
      }
      if n == 0 { break }
      bytes.append(contentsOf: buf[0..<n])
      if bytes.count > maxBytes {
        return fail("too_large", "file grew over the \(maxBytes)-byte limit while reading")
      }
    }
    return .success(PipelineInput(path: path, bytes: bytes))
  }

  /// Parses one `--stdin` JSONL line: `{"id": ..., "text": ...}`; other fields go to `extra`.
  /// The common record (exactly a string `id` and a string `text`) is read by `StdinRecordScanner`
  /// straight into the text's bytes; anything else goes through JSONDecoder, with the same result.
  public static func stdinRecord(line: String, lineNumber: Int) -> Result<PipelineInput, FileError> {
    var line = line
    return line.withUTF8 { validRecord($0, lineNumber: lineNumber) }
  }

  /// A record from a line of valid UTF-8: the scanner's fast path, else JSONDecoder.
  static func validRecord(_ b: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> Result<PipelineInput, FileError> {
    if let (id, text) = StdinRecordScanner.scan(b) {
      // unescaped from valid UTF-8 (escapes encode scalars; lone surrogates are refused): valid UTF-8
      return .success(PipelineInput(path: nil, bytes: text, recordID: id, extra: nil, bytesAreValidUTF8: true))
    }
    return decodedRecord(line: Data(b), lineNumber: lineNumber)
  }

  /// The same for a line of bytes (valid UTF-8 or not).
  public static func stdinRecord(line: Data, lineNumber: Int) -> Result<PipelineInput, FileError> {
    line.withUnsafeBytes { raw in
      let b = raw.bindMemory(to: UInt8.self)
      if String.isValidUTF8(b) { return validRecord(b, lineNumber: lineNumber) }
      return decodedRecord(line: line, lineNumber: lineNumber)
    }
  }

  /// The same for a line of bytes read from standard input, read as `readLine` reads it: invalid
  /// UTF-8 is repaired (U+FFFD) first. Valid lines (nearly all) are scanned in place, validated once.
  public static func stdinRecord(repairing line: [UInt8], lineNumber: Int) -> Result<PipelineInput, FileError> {
    line.withUnsafeBufferPointer { b in
      if String.isValidUTF8(b) { return validRecord(b, lineNumber: lineNumber) }
      return stdinRecord(line: String(decoding: b, as: UTF8.self), lineNumber: lineNumber)
    }
  }

  static func decodedRecord(line: Data, lineNumber: Int) -> Result<PipelineInput, FileError> {
    let name = "stdin line \(lineNumber)"
    func fail(_ msg: String) -> Result<PipelineInput, FileError> {
      .failure(FileError(path: name, stage: "read", code: "bad_record", message: msg))
    }
    guard let obj = try? JSONDecoder().decode([String: JSONValue].self, from: line) else {
      return fail("not a JSON object; each line must be {\"id\": ..., \"text\": ...}")
    }
    guard case .string(let text)? = obj["text"] else { return fail("record has no string field \"text\"") }
    let id: String
    switch obj["id"] {
    case .string(let s)?: id = s
    case .number(let n)?: id = n == n.rounded() ? String(Int64(n)) : String(n)
    default: return fail("record has no \"id\" (a string or number)")
    }
    var extra = obj
    extra["id"] = nil
    extra["text"] = nil
    return .success(PipelineInput(path: nil, bytes: Array(text.utf8), recordID: id, extra: extra.isEmpty ? nil : extra,
                                  bytesAreValidUTF8: true))
  }
}

/// Reads the common `--stdin` record, `{"id": "…", "text": "…"}` (keys in either order, JSON
/// whitespace anywhere), from valid UTF-8, unescaping the strings straight into bytes. Returns nil
/// for anything else (a number id, other fields, a repeated key, a lone surrogate escape, bad
/// syntax), which the caller then hands to JSONDecoder: this is only a fast path, never a second
/// opinion on what a record means.
enum StdinRecordScanner {
  static func scan(_ b: UnsafeBufferPointer<UInt8>) -> (id: String, text: [UInt8])? {
    var i = 0
    let n = b.count
    func skipSpace() {
      while i < n, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
    }
    /// A JSON string from its opening quote, unescaped, as UTF-8. `reserve`: room for the rest of
    /// the line (the text, which is most of it) up front.
    func string(reserve: Bool = false) -> [UInt8]? {
      readJSONString(b, at: &i, reserve: reserve ? n - i : 0)
    }

    skipSpace()
    guard i < n, b[i] == 0x7B else { return nil }
    i += 1
    var id: [UInt8]? = nil, text: [UInt8]? = nil
    while true {
      skipSpace()
      guard let key = string() else { return nil }
      skipSpace()
      guard i < n, b[i] == 0x3A else { return nil }
      i += 1
      skipSpace()
      guard let value = string(reserve: key.elementsEqual("text".utf8) && text == nil) else { return nil }
      if key.elementsEqual("id".utf8), id == nil {
        id = value
      } else if key.elementsEqual("text".utf8), text == nil {
        text = value
      } else {
        return nil
      }
      skipSpace()
      guard i < n else { return nil }
      if b[i] == 0x2C {
        i += 1
        continue
      }
      guard b[i] == 0x7D else { return nil }
      i += 1
      break
    }
    skipSpace()
    guard i == n, let id, let text else { return nil }
    return (String(decoding: id, as: UTF8.self), text)
  }
}

/// Lines of standard input (or any file descriptor) as bytes, split at `\n` with the newline (and a
/// `\r` before it) removed, as `readLine(strippingNewline: true)` does, read in large chunks. Unlike
/// `readLine` it does not decode the line into a String (which validated every byte, before the
/// record scanner validated the record's text a second time).
public final class LineBytesReader {
  private let fd: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var eof = false

  public init(fileDescriptor: Int32 = 0) { fd = fileDescriptor }

  public func next() -> [UInt8]? {
    while true {
      let found: Int? = buffer.withUnsafeBufferPointer { b -> Int? in
        guard start < b.count, let base = b.baseAddress else { return nil }
        guard let p = memchr(base + start, 0x0A, b.count - start) else { return nil }
        return UnsafePointer(p.assumingMemoryBound(to: UInt8.self)) - base
      }
      if let nl = found {
        var end = nl
        if end > start, buffer[end - 1] == 0x0D { end -= 1 }
        defer { start = nl + 1 }
        return Array(buffer[start..<end])
      }
      if eof {
        if start >= buffer.count { return nil }
        defer { start = buffer.count }
        return Array(buffer[start...])
      }
      if start > 0 {
        buffer.removeFirst(start)
        start = 0
      }
      let chunk = 1 << 20
      let old = buffer.count
      buffer.reserveCapacity(old + chunk)
      var got = 0
      buffer.append(contentsOf: repeatElement(0, count: chunk))
      while true {
        got = buffer.withUnsafeMutableBufferPointer { Foundation.read(fd, $0.baseAddress! + old, chunk) }
        if got < 0 && errno == EINTR { continue }
        break
      }
      buffer.removeLast(chunk - max(0, got))
      if got <= 0 { eof = true }
    }
  }
}
