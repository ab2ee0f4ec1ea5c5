import Foundation
import GongwenCore

/// Hand-written JSON for the two record types of the dataset (schema v1), the hot path of `process`.
///
/// Writes exactly the bytes `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` writes for the
/// same record (keys in code-point order, nulls written where the record's `encode(to:)` writes them,
/// absent optionals of the nested synthesized types left out, `"`/`\`/controls escaped as Foundation
/// does, integral doubles without a fraction); `RecordWriterTests` checks this against `JSONEncoder`
/// on every golden notice and on hostile strings. It is ~10× faster because it appends UTF-8 bytes to
/// one buffer instead of building an intermediate value tree.
///
/// Values it does not write itself (a `--stdin` record's pass-through `extra`, doubles outside the
/// plain-decimal range) make it return nil, and `RecordEncoder` falls back to `JSONEncoder`.
struct RecordWriter {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  // MARK: records

  mutating func document(_ d: DocumentRecord) -> Bool {
    guard d.source.extra == nil, d.duplicates.allSatisfy({ Self.isPlain($0.similarity) }) else { return false }
    raw("{\"attachments\":"); strings(d.attachments)
    raw(",\"date\":"); optional(d.date)
    raw(",\"doc_number\":"); optional(d.docNumber)
    raw(",\"duplicates\":")
    array(d.duplicates) { w, link in
      w.raw("{\"document_id\":"); w.string(link.documentId)
      w.raw(",\"relation\":"); w.string(link.relation)
      w.raw(",\"similarity\":"); w.number(link.similarity)
      w.byte(0x7D)
    }
    raw(",\"forwarded\":")
    if let f = d.forwarded {
      // synthesized Codable: nil fields are left out
      var first = true
      byte(0x7B)
      if let v = f.date { key("date", &first); string(v) }
      if let v = f.docNumber { key("doc_number", &first); string(v) }
      if let v = f.issuer { key("issuer", &first); string(v) }
      if let v = f.title { key("title", &first); string(v) }
      byte(0x7D)
    } else {
      raw("null")
    }
    raw(",\"generator\":{\"name\":"); string(d.generator.name)
    raw(",\"rules\":"); string(d.generator.rules)
    raw(",\"version\":"); string(d.generator.version)
    raw("},\"id\":"); string(d.id)
    raw(",\"issuer\":"); optional(d.issuer)
    raw(",\"published\":"); optional(d.published)
    raw(",\"recipients\":"); strings(d.recipients)
    raw(",\"removed\":")
    array(d.removed) { w, r in
      // synthesized Codable: nil fields are left out
      var first = true
      w.byte(0x7B)
      if let dup = r.duplicates { w.key("duplicates", &first); w.span(dup) }
      w.key("reason", &first); w.string(r.reason)
      if let rule = r.rule { w.key("rule", &first); w.string(rule) }
      w.key("span", &first); w.span(r.span)
      w.key("stage", &first); w.string(r.stage)
      w.key("text", &first); w.string(r.text)
      w.byte(0x7D)
    }
    raw(",\"schema_version\":"); int(d.schemaVersion)
    raw(",\"source\":{\"bytes\":"); int(d.source.bytes)
    raw(",\"encoding\":"); string(d.source.encoding)
    raw(",\"format\":"); string(d.source.format)
    if let id = d.source.id { raw(",\"id\":"); string(id) }
    if let path = d.source.path { raw(",\"path\":"); string(path) }
    raw(",\"sha256\":"); string(d.source.sha256)
    raw("},\"stats\":{")
    for (i, (k, v)) in d.stats.sorted(by: { Self.codePointOrder($0.key, $1.key) }).enumerated() {
      if i > 0 { byte(0x2C) }
      string(k); byte(0x3A); int(v)
    }
    raw("},\"text\":"); string(d.text)
    raw(",\"text_sha256\":"); string(d.textSha256)
    raw(",\"title\":"); optional(d.title)
    raw(",\"warnings\":")
    array(d.warnings) { w, warning in
      w.raw("{\"code\":"); w.string(warning.code)
      w.raw(",\"message\":"); w.string(warning.message)
      if let s = warning.span { w.raw(",\"span\":"); w.span(s) }
      w.raw(",\"stage\":"); w.string(warning.stage)
      w.byte(0x7D)
    }
    byte(0x7D)
    return true
  }

  mutating func task(_ t: TaskRecord) {
    raw("{\"attribution\":"); optional(t.attribution)
    raw(",\"departments\":"); strings(t.departments)
    raw(",\"departments_raw\":"); strings(t.departmentsRaw)
    raw(",\"document_id\":"); string(t.documentId)
    raw(",\"heading\":"); optional(t.heading)
    raw(",\"id\":"); string(t.id)
    raw(",\"lead\":"); strings(t.lead)
    raw(",\"markers\":"); strings(t.markers)
    raw(",\"participating\":"); strings(t.participating)
    raw(",\"path\":"); array(t.path) { w, p in w.int(p) }
    raw(",\"responsible\":"); strings(t.responsible)
    raw(",\"schema_version\":"); int(t.schemaVersion)
    raw(",\"span\":"); span(t.span)
    raw(",\"text\":"); string(t.text)
    byte(0x7D)
  }

  // MARK: values

  private mutating func byte(_ b: UInt8) { bytes.append(b) }

  /// Ends a JSONL line.
  mutating func newline() { bytes.append(0x0A) }

  /// ASCII literal (keys and punctuation).
  private mutating func raw(_ s: StaticString) {
    s.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  private mutating func key(_ name: StaticString, _ first: inout Bool) {
    if !first { byte(0x2C) }
    first = false
    byte(0x22); raw(name); byte(0x22); byte(0x3A)
  }

  private mutating func span(_ s: Span) {
    raw("{\"end\":"); int(s.end)
    raw(",\"start\":"); int(s.start)
    byte(0x7D)
  }

  private mutating func optional(_ s: String?) {
    if let s { string(s) } else { raw("null") }
  }

  private mutating func strings(_ a: [String]) { array(a) { w, s in w.string(s) } }

  /// `[item,item,…]`, each item written by `body`.
  private mutating func array<T>(_ items: [T], _ body: (inout RecordWriter, T) -> Void) {
    byte(0x5B)
    for (i, item) in items.enumerated() {
      if i > 0 { byte(0x2C) }
      body(&self, item)
    }
    byte(0x5D)
  }

  private mutating func int(_ v: Int) {
    if v >= 0 && v < 10 { byte(0x30 &+ UInt8(v)); return }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var n = v.magnitude, count = 0
    withUnsafeMutableBytes(of: &digits) { buf in
      repeat {
        buf[19 - count] = 0x30 &+ UInt8(n % 10)
        n /= 10
        count += 1
      } while n > 0
      if v < 0 { bytes.append(0x2D) }
      bytes.append(contentsOf: buf[(20 - count)...])
    }
  }

  /// Doubles written the way JSONEncoder writes them: integral values without a fraction, others as
  /// Swift's shortest round-trip `description` (only called on `isPlain` values).
  private mutating func number(_ d: Double) {
    if d == d.rounded(.towardZero) { int(Int(d)); return }
    bytes.append(contentsOf: d.description.utf8)
  }

  /// Values whose `description` is plain decimal notation, as JSONEncoder would write them.
  static func isPlain(_ d: Double) -> Bool {
    d.isFinite && (d == 0 || (abs(d) >= 1e-4 && abs(d) < 1e15))
  }

  /// A JSON string: `"` and `\` escaped, controls as \b \t \n \f \r or \u00xx, everything else as UTF-8.
  private mutating func string(_ s: String) {
    byte(0x22)
    var s = s
    s.withUTF8 { utf8 in
      var runStart = 0
      var i = 0
      let n = utf8.count
      let raw = utf8.baseAddress.map { UnsafeRawPointer($0) }
      while i < n {
        // 16 bytes at a time (two words, one test), then 8, while none is a quote, a backslash or
        // a control character; the bytes are only looked at, so the output is the same
        if let raw, i &+ 16 <= n,
          specialBytes(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            | specialBytes(raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)) == 0 {
          i &+= 16
          continue
        }
        if let raw, i &+ 8 <= n, !jsonSpecialByteIn(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
          i &+= 8
          continue
        }
        let c = utf8[i]
        if c >= 0x20 && c != 0x22 && c != 0x5C { i &+= 1; continue }
        if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
        switch c {
        case 0x22: bytes.append(0x5C); bytes.append(0x22)
        case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
        case 0x08: bytes.append(0x5C); bytes.append(0x62)
        case 0x09: bytes.append(0x5C); bytes.append(0x74)
        case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
        case 0x0C: bytes.append(0x5C); bytes.append(0x66)
        case 0x0D: bytes.append(0x5C); bytes.append(0x72)
        default:
          let hex: [UInt8] = Array("0123456789abcdef".utf8)
          bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 0xF)]])
        }
        i &+= 1
        runStart = i
      }
      if runStart < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<n])) }
    }
    byte(0x22)
  }

  /// JSONEncoder's `.sortedKeys` order for the keys we write: Unicode code points.
  static func codePointOrder(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
  }
}

/// Nonzero exactly when `jsonSpecialByteIn(w)` (a quote, a backslash or a control character among
/// the 8 bytes): the same three byte tests with their common `& ~w & highs` taken once (the quote
/// and the backslash have bit 7 clear, so `~(w ^ c)` and `~w` agree on it).
@inline(__always)
private func specialBytes(_ w: UInt64) -> UInt64 {
  let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
  let quote = w ^ (ones &* 0x22), slash = w ^ (ones &* 0x5C)
  return ((w &- ones &* 0x20) | (quote &- ones) | (slash &- ones)) & ~w & highs
}
