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
    if let (id, text) = line.withUTF8({ StdinRecordScanner.scan($0) }) {
      return .success(PipelineInput(path: nil, bytes: text, recordID: id, extra: nil))
    }
    return decodedRecord(line: Data(line.utf8), lineNumber: lineNumber)
  }

  /// The same for a line of bytes (valid UTF-8 or not).
  public static func stdinRecord(line: Data, lineNumber: Int) -> Result<PipelineInput, FileError> {
    if let s = String(validating: line, as: UTF8.self) { return stdinRecord(line: s, lineNumber: lineNumber) }
    return decodedRecord(line: line, lineNumber: lineNumber)
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
    return .success(PipelineInput(path: nil, bytes: Array(text.utf8), recordID: id, extra: extra.isEmpty ? nil : extra))
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
    func hex4() -> UInt32? {
      guard i + 4 <= n else { return nil }
      var v: UInt32 = 0
      for k in 0..<4 {
        let c = b[i + k]
        let d: UInt8
        switch c {
        case 0x30...0x39: d = c - 0x30
        case 0x41...0x46: d = c - 0x41 + 10
        case 0x61...0x66: d = c - 0x61 + 10
        default: return nil
        }
        v = v << 4 | UInt32(d)
      }
      i += 4
      return v
    }
    /// A JSON string from its opening quote, unescaped, as UTF-8.
    func string() -> [UInt8]? {
      guard i < n, b[i] == 0x22 else { return nil }
      i += 1
      var out: [UInt8] = []
      var run = i
      while i < n {
        let c = b[i]
        if c == 0x22 {
          out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
          i += 1
          return out
        }
        if c < 0x20 { return nil }  // raw control characters are not allowed in a JSON string
        if c != 0x5C {
          i += 1
          continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
        i += 1
        guard i < n else { return nil }
        let e = b[i]
        i += 1
        switch e {
        case 0x22, 0x5C, 0x2F: out.append(e)
        case 0x62: out.append(0x08)
        case 0x66: out.append(0x0C)
        case 0x6E: out.append(0x0A)
        case 0x72: out.append(0x0D)
        case 0x74: out.append(0x09)
        case 0x75:
          guard var v = hex4() else { return nil }
          if v >= 0xDC00 && v <= 0xDFFF { return nil }
          if v >= 0xD800 && v <= 0xDBFF {
            guard i + 2 <= n, b[i] == 0x5C, b[i + 1] == 0x75 else { return nil }
            i += 2
            guard let lo = hex4(), lo >= 0xDC00 && lo <= 0xDFFF else { return nil }
            v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
          }
          guard let scalar = Unicode.Scalar(v) else { return nil }
          out.append(contentsOf: UTF8.encode(scalar)!)
        default: return nil
        }
        run = i
      }
      return nil
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
      guard let value = string() else { return nil }
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
