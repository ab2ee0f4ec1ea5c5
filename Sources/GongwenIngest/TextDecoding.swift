import GongwenCore
import ICUKit

/// Bytes -> text: BOMs, UTF-16 without BOM, UTF-8, a declared charset, GB18030 vs Big5, ICU detection.
struct TextDecoding {
  let rules: IngestRules

  struct Result {
    var text: String
    var encoding: String
    var warnings: [DocumentWarning]
  }

  /// Decodes `bytes`. `declared` is a charset label the container carries (HTML meta, XML declaration).
  /// `knownValidUTF8`: `bytes` are valid UTF-8 (the caller checked), so step 3 does not validate them again.
  func decode(_ bytes: [UInt8], declared: String?, knownValidUTF8: Bool = false) throws(StageFailure) -> Result {
    if bytes.isEmpty { return Result(text: "", encoding: "UTF-8", warnings: []) }
    // 1. byte-order marks
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try finish(bytes, skip: 3, charset: "UTF-8", name: "UTF-8") }
    if bytes.starts(with: [0xFF, 0xFE]) { return try finish(bytes, skip: 2, charset: "UTF-16LE", name: "UTF-16LE") }
    if bytes.starts(with: [0xFE, 0xFF]) { return try finish(bytes, skip: 2, charset: "UTF-16BE", name: "UTF-16BE") }
    // 2. UTF-16 without BOM: NUL bytes concentrated on one parity
    if let utf16 = utf16ByNulPattern(bytes) { return try finish(bytes, skip: 0, charset: utf16, name: utf16) }
    // 3. the fast path: valid UTF-8, no detector call
    // the measurements below run on a sample; only the chosen decoding runs over the whole file
    let sample = bytes.count > Self.sampleBytes ? Array(bytes.prefix(Self.sampleBytes)) : bytes
    let valid = knownValidUTF8
      ? bytes.withUnsafeBufferPointer { String(uncheckedUTF8: $0) } : String(validating: bytes, as: UTF8.self)
    if let s = valid {
      // Short GBK can happen to be valid UTF-8 made of two-byte sequences only (通知 = CD A8 D6 AA).
      // Text with no character beyond U+07FF but some beyond ASCII gets a second look.
      if !s.unicodeScalars.contains(where: { $0.value >= 0x800 }), s.unicodeScalars.contains(where: { $0.value >= 0x80 }),
        let gb = evaluate(sample, charset: "GB18030"), gb.decoded.invalidCount == 0, gb.han >= 2, gb.quality >= 0.5
      {
        return try chosen(gb, bytes: bytes, sample: sample)
      }
      return try check(Result(text: s, encoding: "UTF-8", warnings: []), invalid: 0, bytes: bytes.count)
    }
    // 4. a charset the document declares wins when decoding with it is (nearly) clean
    if let declared, let charset = canonical(declared) {
      if let d = try? ICUConverter.decode(bytes, charset: charset, maxReportedOffsets: rules.reportedOffsets),
        Double(d.invalidCount) <= rules.declaredMaxErrorShare * Double(max(1, bytes.count / 2))
      {
        return try finish(d, bytes: bytes, skip: 0, name: charset)
      }
    }
    // 5. UTF-8 with a few damaged sequences (GBK read as UTF-8 fails on nearly every character)
    func mostlyUTF8(_ b: [UInt8]) -> ICUConverter.Decoded? {
      let nonASCII = b.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
      guard let d = try? ICUConverter.decode(b, charset: "UTF-8", maxReportedOffsets: rules.reportedOffsets),
        Double(d.invalidCount) <= rules.utf8MaxErrorShare * Double(nonASCII)
      else { return nil }
      return d
    }
    if mostlyUTF8(sample) != nil, let d = sample.count == bytes.count ? mostlyUTF8(sample) : mostlyUTF8(bytes) {
      return try finish(d, bytes: bytes, skip: 0, name: "UTF-8")
    }
    // 6. Chinese encodings (GB18030, Big5, and UTF-16 without BOM or ASCII), decided by a measurable
    //    check: decode with each and keep the reading whose Han characters are most often common ones
    var candidates = ["GB18030", "Big5"]
    if bytes.count % 2 == 0 { candidates += ["UTF-16LE", "UTF-16BE"] }
    let cjkBest = candidates.compactMap { evaluate(sample, charset: $0) }.max { a, b in a.score < b.score }
    if let best = cjkBest, best.han >= 2, best.quality >= 0.15 {
      return try chosen(best, bytes: bytes, sample: sample)
    }
    // 7. ICU's detector for everything else (Latin-1, Shift_JIS, EUC-KR, ...)
    for c in ICUCharsetDetector.detect(sample) where c.confidence >= rules.detectorMinConfidence {
      // UTF-16/32 without a BOM is only believed on the NUL-byte evidence above
      guard let charset = canonical(c.name), charset != "UTF-8", !charset.hasPrefix("UTF-") else { continue }
      if let d = try? ICUConverter.decode(bytes, charset: charset, maxReportedOffsets: rules.reportedOffsets),
        Double(d.invalidCount) <= 0.05 * Double(max(1, bytes.count))
      {
        return try finish(d, bytes: bytes, skip: 0, name: charset)
      }
    }
    // 8. nothing convincing: GB18030 (the usual encoding of mainland notices), with its damage reported
    var r = try finish(bytes, skip: 0, charset: "GB18030", name: "GB18030")
    r.warnings.append(DocumentWarning(
      code: "encoding_uncertain", stage: "ingest",
      message: "the file is not UTF-8 and its encoding could not be recognised; read as GB18030. Convert it to UTF-8 if the text looks wrong"))
    return r
  }

  /// Measurements look at most this many bytes.
  static let sampleBytes = 256 * 1024

  /// The evaluated decoding, or (when only a sample was evaluated) the whole file in that charset.
  private func chosen(_ e: Evaluation, bytes: [UInt8], sample: [UInt8]) throws(StageFailure) -> Result {
    if sample.count == bytes.count { return try finish(e.decoded, bytes: bytes, skip: 0, name: e.name) }
    return try finish(bytes, skip: 0, charset: e.name, name: e.name)
  }

  /// Canonical decoder name for a label: GBK/GB2312 labels read as GB18030, Big5 labels as Big5.
  func canonical(_ label: String) -> String? {
    let l = label.lowercased()
    if rules.gb18030Labels.contains(l) { return "GB18030" }
    if rules.big5Labels.contains(l) {
      return l == "big5-hkscs" && ICUConverter.canonicalName("Big5-HKSCS") != nil ? "Big5-HKSCS" : "Big5"
    }
    if l == "utf-8" || l == "utf8" { return "UTF-8" }
    if l == "utf-16le" || l == "utf-16be" { return l.uppercased() }
    // any other label ICU knows, kept as written (ICU's internal names such as ibm-5348_P100-1997 mean
    // nothing to a reader of the dataset's `encoding` field)
    guard ICUConverter.canonicalName(label) != nil else { return nil }
    return label
  }

  struct Evaluation {
    var name: String
    var decoded: ICUConverter.Decoded
    /// Han characters in the decoded text.
    var han: Int
    /// Share of Han characters that are among the common characters of official Chinese (either script).
    var quality: Double
    var score: Double
  }

  /// Decodes with `charset` and measures how much the result looks like Chinese prose:
  /// the share of common characters among Han characters, minus invalid sequences.
  func evaluate(_ bytes: [UInt8], charset: String) -> Evaluation? {
    guard let d = try? ICUConverter.decode(bytes, charset: charset, maxReportedOffsets: rules.reportedOffsets) else {
      return nil
    }
    var han = 0, common = 0
    let set = CommonHan.set
    for s in d.text.unicodeScalars where isHan(s) {
      han += 1
      if set.contains(s) { common += 1 }
    }
    let quality = Double(common) / Double(max(1, han))
    let errorShare = Double(d.invalidCount) / Double(max(1, han))
    return Evaluation(name: charset, decoded: d, han: han, quality: quality, score: quality - 2 * errorShare)
  }

  /// UTF-16 without a BOM: in the first 4 KB, NUL bytes almost all at odd (LE) or even (BE) offsets.
  func utf16ByNulPattern(_ bytes: [UInt8]) -> String? {
    let n = min(bytes.count, 4096) & ~1
    guard n >= 8 else { return nil }
    var even = 0, odd = 0
    for i in 0..<n where bytes[i] == 0 { if i & 1 == 0 { even += 1 } else { odd += 1 } }
    let pairs = n / 2
    if odd * 10 >= pairs, even * 20 <= odd { return "UTF-16LE" }
    if even * 10 >= pairs, odd * 20 <= even { return "UTF-16BE" }
    return nil
  }

  private func finish(_ bytes: [UInt8], skip: Int, charset: String, name: String) throws(StageFailure) -> Result {
    let body = skip == 0 ? bytes : Array(bytes[skip...])
    let d: ICUConverter.Decoded
    do { d = try ICUConverter.decode(body, charset: charset, maxReportedOffsets: rules.reportedOffsets) } catch {
      throw StageFailure(stage: "ingest", code: "undecodable",
                         message: "cannot decode the file as \(name) (\(error.name)); convert it to UTF-8 and retry")
    }
    return try finish(d, bytes: bytes, skip: skip, name: name)
  }

  private func finish(_ d: ICUConverter.Decoded, bytes: [UInt8], skip: Int, name: String) throws(StageFailure) -> Result {
    var text = d.text
    if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
    var warnings: [DocumentWarning] = []
    if d.invalidCount > 0 {
      let offsets = d.invalidByteOffsets.prefix(rules.reportedOffsets).map { String($0 + skip) }.joined(separator: ", ")
      let more = d.invalidCount > rules.reportedOffsets ? ", …" : ""
      warnings.append(DocumentWarning(
        code: "undecodable_bytes", stage: "ingest",
        message: "\(d.invalidCount) undecodable byte sequence(s) in \(name) replaced by U+FFFD, first at byte offset(s) \(offsets)\(more); check the file's encoding or damage"))
    }
    return try check(Result(text: text, encoding: name, warnings: warnings), invalid: d.invalidCount, bytes: bytes.count)
  }

  /// Refuses binary content (mostly undecodable or control characters) and removes NUL characters.
  private func check(_ r: Result, invalid: Int, bytes: Int) throws(StageFailure) -> Result {
    var r = r
    var controls = 0, nuls = 0, total = 0
    var firstNul: Int? = nil
    // Read on the UTF-8 bytes: a byte that is not a continuation byte starts a scalar; control
    // characters are single bytes, and U+FFFD is EF BF BD.
    var text = r.text
    // Words of 8 bytes holding no byte below 0x20, no 0x7F and no 0xBD (the last byte of U+FFFD)
    // only add their scalar starts; the others are read byte by byte, where U+FFFD is recognised
    // at its last byte (EF BF BD ending at i: the same sequences as starting at i - 2).
    text.withUTF8 { b in
      let n = b.count
      var i = 0
      let raw = b.baseAddress.map { UnsafeRawPointer($0) }
      let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
      while i < n {
        if let raw, i &+ 8 <= n {
          let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
          let below = (w &- ones &* 0x20) & ~w & highs
          let x7f = w ^ (ones &* 0x7F), xbd = w ^ (ones &* 0xBD)
          let special = below | ((x7f &- ones) & ~x7f & highs) | ((xbd &- ones) & ~xbd & highs)
          if special == 0 {
            total &+= 8 &- (w & ~(w &<< 1) & highs).nonzeroBitCount
            i &+= 8
            continue
          }
        }
        let c = b[i]
        if c & 0xC0 != 0x80 { total += 1 }
        if c < 0x20 {
          if c == 0 {
            nuls += 1
            if firstNul == nil { firstNul = total - 1 }
          }
          if c != 0x0A, c != 0x0D, c != 0x09, c != 0x0C, c != 0x0B, c != 0x1B { controls += 1 }
        } else if c == 0x7F || (c == 0xBD && i >= 2 && b[i - 1] == 0xBF && b[i - 2] == 0xEF) {
          controls += 1
        }
        i += 1
      }
    }
    let bad = Double(controls)
    if total > 0, bad / Double(total) > rules.binaryShare {
      throw StageFailure(stage: "ingest", code: "binary_file",
                         message: "this looks like a binary file (\(Int(bad * 100 / Double(total)))% control or undecodable characters), not a text notice; pass the notice as .txt, .html or .docx")
    }
    if nuls > 0 {
      r.text.unicodeScalars.removeAll { $0.value == 0 }
      r.warnings.append(DocumentWarning(
        code: "nul_bytes", stage: "ingest",
        message: "removed \(nuls) NUL character(s), the first at character offset \(firstNul ?? 0); the file may be damaged or in UTF-16"))
    }
    return r
  }
}

@inline(__always) func isHan(_ s: Unicode.Scalar) -> Bool {
  let v = s.value
  return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
    || (0x20000...0x2FA1F).contains(v)
}

/// The most frequent characters of official Chinese (government notices and general prose),
/// in Simplified form plus their Traditional forms (derived with ICU at first use).
enum CommonHan {
  static let simplified =
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道命此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车务卫医药疗保障险县乡镇财负责健委办厅局监督规划单位施落推完善健立服层院品供价格补偿信息标准考核试城居村参筹报销门诊住疾病预防控妇幼育市省府州通知关于印安排重点改革工作方案施意见牵头配合有关落实加快推进完善健全机制服务基层公立医院"

  static let set: Set<Unicode.Scalar> = {
    var s = Set(simplified.unicodeScalars.filter(isHan))
    if let t = try? ICUTransliterator(id: "Simplified-Traditional"), let trad = try? t.transliterate(simplified) {
      s.formUnion(trad.unicodeScalars.filter(isHan))
    }
    return s
  }()
}
