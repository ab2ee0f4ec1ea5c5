import GongwenCore

/// Stage 1: raw bytes of one file -> decoded notice text.
///
/// The format is decided by content (magic bytes, markup near the start); `pathHint` only
/// sharpens messages and breaks ties. Plain text is the fast path: valid UTF-8 is accepted
/// without calling the charset detector.
///
/// Decoding order (see `TextDecoding`): BOM -> UTF-16 by NUL-byte pattern -> valid UTF-8 ->
/// a charset the page/XML declares, if decoding with it is clean -> UTF-8 with a few damaged
/// bytes -> GB18030 / Big5 / BOM-less UTF-16 by the share of common Chinese characters ->
/// ICU's detector -> GB18030 with an `encoding_uncertain` warning.
///
/// Failure codes (`StageFailure.code`, stage `ingest`): `unsupported_format` (PDF, images,
/// legacy .doc/OLE2, RTF, archives, non-Word zips, Word XML), `binary_file`, `too_large`,
/// `corrupt_docx`, `zip_bomb`, `undecodable`, `bad_html`, `io_error`.
/// Warning codes: `undecodable_bytes`, `nul_bytes`, `encoding_uncertain`, `deep_nesting`,
/// `html_no_text`, `docx_part_unreadable`.
public struct Ingestor: Sendable {
  public let rules: IngestRules
  public init(rules: IngestRules) { self.rules = rules }

  /// Decodes `bytes`. `pathHint` (a file name or extension) helps format detection but content wins.
  /// `knownValidUTF8`: the caller guarantees `bytes` are valid UTF-8 (e.g. a `--stdin` record's text),
  /// so the UTF-8 fast path takes them without validating them again; the result is the same.
  public func ingest(_ bytes: [UInt8], pathHint: String? = nil, knownValidUTF8: Bool = false) throws(StageFailure)
    -> SourceDocument
  {
    guard bytes.count <= rules.maxInputBytes else {
      throw StageFailure(stage: "ingest", code: "too_large",
                         message: "the file has \(bytes.count) bytes, more than the limit of \(rules.maxInputBytes) (limits.max_input_bytes in ingest.yaml); split it or raise the limit")
    }
    let ext = pathHint.map(Sniff.fileExtension) ?? ""
    let kind = Sniff.container(bytes)
    switch kind {
    case .zip:
      let (text, warnings) = try DocxExtractor(rules: rules).extract(bytes)
      return SourceDocument(text: text, format: "docx", encoding: "UTF-8", warnings: warnings)
    case .refused(let code, let message):
      throw StageFailure(stage: "ingest", code: code, message: message)
    case .other:
      break
    }
    if ext == "docx" {
      throw StageFailure(stage: "ingest", code: "corrupt_docx",
                         message: "the file is named .docx but is not a zip archive; re-save it as .docx in Word or LibreOffice, or export its text")
    }
    let markupHint = Sniff.looksLikeMarkup(bytes.prefix(4096))
    let declared = markupHint ? Sniff.declaredCharset(bytes.prefix(4096)) : nil
    let decoded = try TextDecoding(rules: rules).decode(bytes, declared: declared, knownValidUTF8: knownValidUTF8)
    let head = Sniff.asciiHead(decoded.text, scalars: 4096)
    if Sniff.isWordXML(head[...]) {
      throw StageFailure(stage: "ingest", code: "unsupported_format",
                         message: "this is a Word XML document (Word 2003 XML or flat OPC), not a page or plain text; save it as .docx and pass that")
    }
    let isHTML = Sniff.looksLikeHTML(head[...]) || ((ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml")
                                                    && head.contains(UInt8(ascii: "<")))
    if isHTML {
      let page = try HTMLExtractor(rules: rules).extract(decoded.text)
      return SourceDocument(text: page.text, format: "html", encoding: decoded.encoding, pageTitle: page.title,
                            pagePublished: page.published, warnings: decoded.warnings + page.warnings)
    }
    return SourceDocument(text: decoded.text, format: "text", encoding: decoded.encoding, warnings: decoded.warnings)
  }
}

/// Content sniffing on raw bytes.
enum Sniff {
  /// The first `scalars` scalars of `text`, each ASCII one as its byte and every other as 0x80 (read
  /// from the UTF-8 bytes: a scalar is ASCII exactly when its lead byte is).
  static func asciiHead(_ text: String, scalars: Int) -> [UInt8] {
    var text = text
    return text.withUTF8 { bytes in
      [UInt8](unsafeUninitializedCapacity: min(scalars, bytes.count)) { head, count in
        var k = 0
        for b in bytes where b & 0xC0 != 0x80 {
          if k == scalars { break }
          head[k] = b < 0x80 ? b : 0x80
          k &+= 1
        }
        count = k
      }
    }
  }

  enum Container {
    case zip
    case refused(code: String, message: String)
    case other
  }

  static func fileExtension(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
      return name.hasPrefix(".") ? String(name.dropFirst()).lowercased() : ""
    }
    return String(name[name.index(after: dot)...]).lowercased()
  }

  /// Magic bytes of containers Gongwen reads (zip) or refuses with advice.
  static func container(_ b: [UInt8]) -> Container {
    func at(_ sig: [UInt8], _ offset: Int = 0) -> Bool {
      b.count >= offset + sig.count && Array(b[offset..<offset + sig.count]) == sig
    }
    if at([0x50, 0x4B, 0x03, 0x04]) || at([0x50, 0x4B, 0x05, 0x06]) { return .zip }
    if let pdf = firstIndex(of: Array("%PDF-".utf8), in: b.prefix(1024)), pdf >= 0 {
      return .refused(code: "unsupported_format",
                      message: "this is a PDF; extract its text first (e.g. pdftotext -layout) and pass the .txt")
    }
    let image = "is an image, not text; run OCR on it (e.g. tesseract IMAGE out -l chi_sim) and pass the .txt"
    if at([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
      return .refused(code: "unsupported_format", message: "this is a PNG image and " + image)
    }
    if at([0xFF, 0xD8, 0xFF]) { return .refused(code: "unsupported_format", message: "this is a JPEG image and " + image) }
    if at(Array("GIF87a".utf8)) || at(Array("GIF89a".utf8)) {
      return .refused(code: "unsupported_format", message: "this is a GIF image and " + image)
    }
    if at([0x49, 0x49, 0x2A, 0x00]) || at([0x4D, 0x4D, 0x00, 0x2A]) {
      return .refused(code: "unsupported_format", message: "this is a TIFF image and " + image)
    }
    if at([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      return .refused(code: "unsupported_format",
                      message: "this is a legacy Office file (.doc/.wps/.xls, OLE2) or a password-protected .docx; remove the password and save it as .docx, or convert it (e.g. soffice --headless --convert-to docx) and pass that")
    }
    if at(Array("{\\rtf".utf8)) {
      return .refused(code: "unsupported_format",
                      message: "this is an RTF document; save it as .docx or plain text (e.g. soffice --headless --convert-to docx) and pass that")
    }
    if at([0x1F, 0x8B]) || at(Array("Rar!".utf8)) || at([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) {
      return .refused(code: "unsupported_format",
                      message: "this is a compressed archive (gzip/rar/7z); extract the notices from it and pass those files")
    }
    if at([0x7F, 0x45, 0x4C, 0x46]) {
      return .refused(code: "binary_file", message: "this is an executable (ELF), not a notice; pass .txt, .html or .docx files")
    }
    return .other
  }

  static func firstIndex(of needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
    guard needle.count <= hay.count, let first = needle.first else { return nil }
    var i = hay.startIndex
    while i + needle.count <= hay.endIndex {
      if hay[i] == first && hay[i..<i + needle.count].elementsEqual(needle) { return i - hay.startIndex }
      i += 1
    }
    return nil
  }

  private static func lowerASCII(_ b: ArraySlice<UInt8>) -> [UInt8] {
    b.withUnsafeBufferPointer { src in
      [UInt8](unsafeUninitializedCapacity: src.count) { out, count in
        for i in 0..<src.count {
          let c = src[i]
          out[i] = c &- 0x41 < 26 ? c | 0x20 : c
        }
        count = src.count
      }
    }
  }

  /// Word's single-file XML formats (`<w:wordDocument>` of Word 2003, `<pkg:package>` flat OPC).
  static func isWordXML(_ b: ArraySlice<UInt8>) -> Bool {
    // `<?xml` within the first 64 bytes first: most texts are not XML, and need no more lowering
    guard firstIndex(of: Array("<?xml".utf8), in: lowerASCII(b.prefix(64))[...]) != nil else { return false }
    let l = lowerASCII(b.prefix(4096))[...]
    return firstIndex(of: Array("<w:worddocument".utf8), in: l) != nil
      || firstIndex(of: Array("<pkg:package".utf8), in: l) != nil
  }

  /// HTML or XML markup near the start (used to look for a declared charset).
  static func looksLikeMarkup(_ b: ArraySlice<UInt8>) -> Bool {
    let l = lowerASCII(b)[...]
    return looksLikeHTML(l) || firstIndex(of: Array("<?xml".utf8), in: l.prefix(64)) != nil
  }

  /// `<html`, `<!doctype html`, `<head`, `<body`, `<div`, ... near the start of the (ASCII-mapped) text.
  static func looksLikeHTML(_ b: ArraySlice<UInt8>) -> Bool {
    let head = lowerASCII(b.prefix(1024))[...]
    if firstIndex(of: Array("<html".utf8), in: head) != nil
      || firstIndex(of: Array("<!doctype html".utf8), in: head) != nil
    {
      return true
    }
    // otherwise the text must start with a tag and show a typical HTML element soon after
    // (lowering changes neither spaces nor `<`, so the first character is read before lowering)
    let b = b.prefix(4096)
    guard let first = b.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }), first == 0x3C else {
      return false
    }
    let l = lowerASCII(b)[...]
    for tag in ["<head", "<body", "<div", "<meta", "<title", "<table", "<p>", "<p ", "<span", "<center", "<font"]
    where firstIndex(of: Array(tag.utf8), in: l) != nil {
      return true
    }
    return false
  }

  /// The charset a page or XML document declares in its first bytes (`<meta charset>`,
  /// `http-equiv` content `charset=`, `<?xml ... encoding=`).
  static func declaredCharset(_ b: ArraySlice<UInt8>) -> String? {
    let l = lowerASCII(b)[...]
    if firstIndex(of: Array("<?xml".utf8), in: l.prefix(64)) != nil,
      let e = firstIndex(of: Array("encoding".utf8), in: l.prefix(200)),
      let v = value(after: l.startIndex + e + 8, in: l)
    {
      return v
    }
    var from = l.startIndex
    while let i = firstIndex(of: Array("charset".utf8), in: l[from...]) {
      let at = from + i + 7
      if let v = value(after: at, in: l) { return v }
      from = at
    }
    return nil
  }

  /// Reads `= "label"` (quotes optional) starting at `i`.
  private static func value(after i: Int, in l: ArraySlice<UInt8>) -> String? {
    var j = i
    while j < l.endIndex, l[j] == 0x20 || l[j] == 0x09 { j += 1 }
    guard j < l.endIndex, l[j] == UInt8(ascii: "=") else { return nil }
    j += 1
    while j < l.endIndex, l[j] == 0x20 || l[j] == 0x09 || l[j] == 0x22 || l[j] == 0x27 { j += 1 }
    var out: [UInt8] = []
    while j < l.endIndex, out.count < 40 {
      let c = l[j]
      let ok = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F || c == 0x2E || c == 0x3A
      if !ok { break }
      out.append(c)
      j += 1
    }
    return out.isEmpty ? nil : String(decoding: out, as: UTF8.self)
  }
}
