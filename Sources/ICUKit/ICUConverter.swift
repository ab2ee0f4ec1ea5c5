internal import CICU

/// Charset conversion to Unicode with ICU's converters.
public enum ICUConverter {
  /// The result of decoding bytes: the text and the byte offsets of sequences that
  /// could not be decoded (each replaced by U+FFFD in `text`).
  public struct Decoded: Sendable {
    public let text: String
    public let invalidByteOffsets: [Int]
    /// Total count of invalid sequences (may exceed `invalidByteOffsets.count`, which is capped).
    public let invalidCount: Int
  }

  /// Decodes `bytes` from `charset` (any ICU name or alias: "GB18030", "Big5", "UTF-16LE", ...).
  public static func decode(_ bytes: [UInt8], charset: String, maxReportedOffsets: Int = 64) throws(ICUError) -> Decoded {
    if bytes.isEmpty { return Decoded(text: "", invalidByteOffsets: [], invalidCount: 0) }
    var st: Int32 = 0
    var badCount: Int32 = 0
    var bad = [Int32](repeating: 0, count: maxReportedOffsets)
    // UTF-16 output is at most one unit per input byte for every charset we accept, plus slack.
    var capacity = bytes.count + 16
    while true {
      var out = [UInt16](repeating: 0, count: capacity)
      st = 0
      let n = bytes.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dst in
          bad.withUnsafeMutableBufferPointer { b in
            src.baseAddress!.withMemoryRebound(to: CChar.self, capacity: src.count) { cs in
              cicu_decode(charset, cs, Int32(src.count), dst.baseAddress, Int32(capacity), b.baseAddress,
                          Int32(b.count), &badCount, &st)
            }
          }
        }
      }
      if cicu_is_buffer_overflow(st) != 0 { capacity = Int(n) + 16; continue }
      if failed(st) { throw ICUError(st, "ucnv_toUnicode(\(charset))") }
      let text = String(decoding: out[0..<Int(n)], as: UTF16.self)
      let reported = bad[0..<min(Int(badCount), bad.count)].map { Int($0) }
      return Decoded(text: text, invalidByteOffsets: reported, invalidCount: Int(badCount))
    }
  }

  /// ICU's canonical name for a charset label, or nil when ICU does not know it.
  public static func canonicalName(_ label: String) -> String? {
    var st: Int32 = 0
    guard let p = cicu_charset_canonical(label, &st), !failed(st) else { return nil }
    return String(cString: p)
  }
}

/// Charset detection with ICU's ucsdet.
public enum ICUCharsetDetector {
  public struct Candidate: Sendable, Equatable {
    public let name: String
    public let confidence: Int
  }

  /// Candidates, best first.
  public static func detect(_ bytes: [UInt8], limit: Int = 8) -> [Candidate] {
    if bytes.isEmpty { return [] }
    var names = [(CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar,
                  CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar,
                  CChar, CChar, CChar, CChar)](
      repeating: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
      count: limit)
    var conf = [Int32](repeating: 0, count: limit)
    var st: Int32 = 0
    let n = bytes.withUnsafeBufferPointer { src in
      src.baseAddress!.withMemoryRebound(to: CChar.self, capacity: src.count) { cs in
        names.withUnsafeMutableBufferPointer { nb in
          conf.withUnsafeMutableBufferPointer { cb in
            cicu_detect(cs, Int32(src.count), nb.baseAddress, cb.baseAddress, Int32(limit), &st)
          }
        }
      }
    }
    if failed(st) { return [] }
    var result: [Candidate] = []
    for i in 0..<Int(n) {
      let name = withUnsafeBytes(of: names[i]) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      result.append(Candidate(name: name, confidence: Int(conf[i])))
    }
    return result
  }
}

/// Unicode normalization forms through ICU.
public enum ICUNormalizer {
  public enum Form: Int32, Sendable { case nfc = 0, nfkc = 1, nfd = 2, nfkd = 3 }

  public static func normalize(_ s: String, form: Form) throws(ICUError) -> String {
    let src = Array(s.utf16)
    if src.isEmpty { return s }
    var st: Int32 = 0
    var capacity = src.count + 16
    while true {
      var out = [UInt16](repeating: 0, count: capacity)
      st = 0
      let n = src.withUnsafeBufferPointer { sp in
        out.withUnsafeMutableBufferPointer { op in
          cicu_normalize(Int32(form.rawValue), sp.baseAddress, Int32(sp.count), op.baseAddress, Int32(capacity), &st)
        }
      }
      if cicu_is_buffer_overflow(st) != 0 { capacity = Int(n) + 16; continue }
      if failed(st) { throw ICUError(st, "unorm2_normalize") }
      return String(decoding: out[0..<Int(n)], as: UTF16.self)
    }
  }
}
