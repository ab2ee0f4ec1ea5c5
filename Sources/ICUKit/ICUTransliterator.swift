internal import CICU

/// An ICU transliterator such as `Traditional-Simplified`. Not thread-safe: one per task.
public final class ICUTransliterator: @unchecked Sendable {
  public let id: String
  private let handle: OpaquePointer

  public init(id: String) throws(ICUError) {
    self.id = id
    let units = Array(id.utf16)
    var st: Int32 = 0
    let h = units.withUnsafeBufferPointer { cicu_trans_open($0.baseAddress, Int32($0.count), &st) }
    guard let h, !failed(st) else { throw ICUError(st, "utrans_open(\(id))") }
    handle = h
  }

  deinit { cicu_trans_close(handle) }

  /// Transliterates a whole string.
  public func transliterate(_ s: String) throws(ICUError) -> String {
    var units = Array(s.utf16)
    let originalCount = units.count
    var capacity = max(16, originalCount * 2 + 16)
    while true {
      var buf = units
      buf.append(contentsOf: repeatElement(0, count: capacity - originalCount))
      var length = Int32(originalCount)
      var st: Int32 = 0
      buf.withUnsafeMutableBufferPointer { p in
        cicu_trans_run(handle, p.baseAddress, &length, Int32(capacity), &st)
      }
      if cicu_is_buffer_overflow(st) != 0 {
        capacity = Int(length) + 16
        continue
      }
      if failed(st) { throw ICUError(st, "utrans_transUChars") }
      units = Array(buf[0..<Int(length)])
      return String(decoding: units, as: UTF16.self)
    }
  }
}
