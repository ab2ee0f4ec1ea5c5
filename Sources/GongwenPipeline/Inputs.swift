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
  public static func stdinRecord(line: Data, lineNumber: Int) -> Result<PipelineInput, FileError> {
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
