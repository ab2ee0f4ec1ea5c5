import Foundation
import GongwenCore
import MarkupKit
import ZIPFoundation

/// .docx -> text: one line per paragraph, tables one row per line (cells separated by a tab),
/// Word-generated list numbers rendered as the reader sees them.
///
/// Parts are extracted by streaming with a running byte count (headers are not trusted), so
/// a zip bomb is refused after at most `max_docx_part_bytes` of output.
struct DocxExtractor {
  let rules: IngestRules

  static let fixAdvice = "re-save it as .docx in Word or LibreOffice, or export its text as .txt"

  func extract(_ bytes: [UInt8]) throws(StageFailure) -> (String, [DocumentWarning]) {
    // ZIPFoundation's in-memory archives crash (a Range trap) when a damaged header points past the end
    // of the data, so the archive is read from a private temporary file, where such reads just fail.
    let temp = FileManager.default.temporaryDirectory
      .appendingPathComponent("gongwen-ingest-\(UUID().uuidString).zip")
    do { try Data(bytes).write(to: temp) } catch {
      throw StageFailure(stage: "ingest", code: "io_error",
                         message: "cannot write a temporary copy of the .docx (\(error.localizedDescription)); set TMPDIR to a writable folder")
    }
    defer { try? FileManager.default.removeItem(at: temp) }
    let archive: Archive
    do { archive = try Archive(url: temp, accessMode: .read) } catch {
      throw StageFailure(stage: "ingest", code: "corrupt_docx",
                         message: "the zip archive is truncated or damaged (\(error)); \(Self.fixAdvice)")
    }
    guard let document = try mainDocument(archive, archiveSize: bytes.count) else {
      throw StageFailure(stage: "ingest", code: "unsupported_format", message: describeOtherZip(archive))
    }
    var warnings: [DocumentWarning] = []
    let xml = try read(document, from: archive, archiveSize: bytes.count)
    let tree: MarkupTree
    do { tree = try MarkupKit.parseXML(xml, maxBytes: rules.maxDocxPartBytes, maxDepth: rules.maxMarkupDepth) } catch {
      throw StageFailure(stage: "ingest", code: "corrupt_docx",
                         message: "\(document.path) is not well-formed XML (\(error.message)); \(Self.fixAdvice)")
    }
    var numbering = WordNumbering()
    for (part, isStyles) in [("word/numbering.xml", false), ("word/styles.xml", true)] {
      guard let entry = archive[part] else { continue }
      do {
        let t = try MarkupKit.parseXML(try read(entry, from: archive, archiveSize: bytes.count), maxBytes: rules.maxDocxPartBytes,
                                       maxDepth: rules.maxMarkupDepth)
        if isStyles { numbering.loadStyles(t) } else { numbering.loadNumbering(t) }
      } catch let failure as StageFailure where failure.code == "zip_bomb" || failure.code == "too_large" {
        throw failure
      } catch {
        warnings.append(DocumentWarning(code: "docx_part_unreadable", stage: "ingest",
                                        message: "\(part) cannot be read (\(error)); list numbers may be missing"))
      }
    }
    if tree.depthLimited {
      warnings.append(DocumentWarning(code: "deep_nesting", stage: "ingest",
                                      message: "word/document.xml is nested deeper than \(rules.maxMarkupDepth) levels; deeper elements were flattened"))
    }
    var renderer = DocxText(tree: tree, numbering: numbering, isTaskTableHeader: rules.isTaskTableHeader)
    let text = renderer.render()
    return (text, warnings)
  }

  /// `word/document.xml`, or the part `_rels/.rels` names as the office document (some tools write
  /// `word/document2.xml`); entry names are compared case-insensitively with `\` read as `/`.
  private func mainDocument(_ archive: Archive, archiveSize: Int) throws(StageFailure) -> Entry? {
    func find(_ path: String) -> Entry? {
      if let e = archive[path] { return e }
      let want = path.lowercased()
      for e in archive where e.path.replacingOccurrences(of: "\\", with: "/").lowercased() == want { return e }
      return nil
    }
    if let e = find("word/document.xml") { return e }
    guard let rels = find("_rels/.rels"),
      let tree = try? MarkupKit.parseXML(try read(rels, from: archive, archiveSize: archiveSize), maxBytes: 1 << 20),
      let root = tree.root
    else { return nil }
    for r in tree.children(of: root, named: "Relationship")
    where tree[r].attribute("Type")?.hasSuffix("/officeDocument") == true {
      guard var target = tree[r].attribute("Target") else { continue }
      while target.hasPrefix("/") { target.removeFirst() }
      if let e = find(target) { return e }
    }
    return nil
  }

  private func describeOtherZip(_ archive: Archive) -> String {
    var names: [String] = []
    for e in archive { names.append(e.path) }
    if names.contains(where: { $0.hasPrefix("xl/") }) {
      return "this is an Excel workbook (.xlsx), not a Word document; save the notice as .docx or .txt"
    }
    if names.contains(where: { $0.hasPrefix("ppt/") }) {
      return "this is a PowerPoint file (.pptx), not a Word document; save the notice as .docx or .txt"
    }
    if names.contains("content.xml") {
      return "this is an OpenDocument file (.odt); save it as .docx (e.g. soffice --headless --convert-to docx) and pass that"
    }
    return "this is a zip archive without word/document.xml, not a .docx; unzip it and pass the notice files"
  }

  private struct TooLarge: Error { let message: String }

  /// Extracts one part by streaming, refusing it once the output passes the size cap or the
  /// compression ratio becomes absurd.
  private func read(_ entry: Entry, from archive: Archive, archiveSize: Int) throws(StageFailure) -> [UInt8] {
    let cap = rules.maxDocxPartBytes
    let compressed = max(1, Int(clamping: entry.compressedSize))
    let declared = Int(clamping: entry.uncompressedSize)
    let ratioLimit = rules.maxCompressionRatio
    let minBytes = rules.compressionCheckMinBytes
    func bomb(_ size: Int) -> String {
      "\(entry.path) expands from \(compressed) to \(size)+ bytes (ratio over \(Int(ratioLimit)), limits.max_compression_ratio); this looks like a zip bomb and was not extracted"
    }
    // headers that cannot be true are damage (and ZIPFoundation would allocate what a symlink entry claims)
    guard entry.type == .file, Int(clamping: entry.compressedSize) <= archiveSize else {
      throw StageFailure(stage: "ingest", code: "corrupt_docx",
                         message: "\(entry.path) has an impossible zip header (not a file, or larger than the archive); \(Self.fixAdvice)")
    }
    if declared > cap {
      throw StageFailure(stage: "ingest", code: "too_large",
                         message: "\(entry.path) declares \(declared) bytes uncompressed, over the limit of \(cap) (limits.max_docx_part_bytes in ingest.yaml); split the document or raise the limit")
    }
    if declared > minBytes, Double(declared) / Double(compressed) > ratioLimit {
      throw StageFailure(stage: "ingest", code: "zip_bomb", message: bomb(declared))
    }
    var out: [UInt8] = []
    out.reserveCapacity(min(declared, cap))
    do {
      _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
        out.append(contentsOf: chunk)
        if out.count > cap {
          throw TooLarge(message: "\(entry.path) expands to more than \(cap) bytes (limits.max_docx_part_bytes in ingest.yaml); refused as too large or a zip bomb")
        }
        if out.count > minBytes, Double(out.count) / Double(compressed) > ratioLimit {
          throw TooLarge(message: bomb(out.count))
        }
      }
    } catch let e as TooLarge {
      throw StageFailure(stage: "ingest", code: "zip_bomb", message: e.message)
    } catch {
      throw StageFailure(stage: "ingest", code: "corrupt_docx",
                         message: "\(entry.path) cannot be extracted (\(error)); the file is truncated or damaged; \(Self.fixAdvice)")
    }
    return out
  }
}

@inline(__always) func isWordML(_ node: MarkupTree.Node) -> Bool {
  guard let ns = node.namespaceURI else { return false }
  return ns.hasSuffix("wordprocessingml/2006/main") || ns.hasSuffix("wordprocessingml/main")
}

/// Walks `w:body` iteratively and renders paragraphs, tables, tabs and breaks.
struct DocxText {
  let tree: MarkupTree
  var numbering: WordNumbering
  /// Whether a table with this first cell is a task table, written one cell per line
  /// (`IngestRules.isTaskTableHeader`, `html.cell_per_line_headers`).
  let isTaskTableHeader: (String) -> Bool

  /// Subtrees whose text the reader does not see as body text.
  static let skipped: Set<String> = [
    "pPr", "rPr", "tblPr", "tblGrid", "trPr", "tcPr", "sectPr", "sdtPr", "del", "moveFrom", "delText", "instrText",
    "footnoteReference", "endnoteReference", "commentReference", "annotationRef", "delInstrText", "fldData",
  ]

  mutating func render() -> String {
    guard let root = tree.root else { return "" }
    let body = tree.child(of: root, named: "body") ?? root
    var lines: [String] = []
    var paragraphs: [String] = []  // open paragraphs (text boxes can nest a paragraph inside another)
    var cells: [[String]] = []  // paragraphs of each open cell
    var rows: [[String]] = []  // cells of each open row
    // per open table: whether it is written one cell per line (a task table: its first cell is one
    // of html.cell_per_line_headers, e.g. 序号), and whether its first row has been seen
    var tables: [(cellPerLine: Bool, sawRow: Bool)] = []
    var fields: [Bool] = []  // open fields: false while in the instruction, true in the result
    func emit(_ line: String) {
      if !cells.isEmpty { cells[cells.count - 1].append(line) } else { lines.append(line) }
    }
    var stack: [(Int, Bool)] = [(body, false)]
    while let (i, exiting) = stack.popLast() {
      let node = tree[i]
      guard node.kind == .element else { continue }
      let w = isWordML(node)
      let name = node.name
      if exiting {
        guard w else { continue }
        switch name {
        case "p":
          emit(paragraphs.popLast() ?? "")
        case "tc":
          let c = cells.popLast() ?? []
          if !rows.isEmpty { rows[rows.count - 1].append(c.joined(separator: " ")) }
        case "tr":
          let row = rows.popLast() ?? []
          if var t = tables.last {
            if !t.sawRow, let first = row.first { t.cellPerLine = isTaskTableHeader(first) }
            t.sawRow = true
            tables[tables.count - 1] = t
          }
          if tables.last?.cellPerLine == true {
            for cell in row { emit(cell) }
          } else {
            emit(row.joined(separator: "\t"))
          }
        case "tbl":
          _ = tables.popLast()
        default: break
        }
        continue
      }
      if name == "Fallback" { continue }  // mc:AlternateContent: the Choice is read, the Fallback repeats it
      if w {
        if Self.skipped.contains(name) { continue }
        let visible = fields.allSatisfy { $0 }
        func add(_ s: String) {
          if visible, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1] += s }
        }
        switch name {
        case "p":
          paragraphs.append(marker(for: i))
        case "r":
          // hidden text (w:vanish) is not shown to the reader
          if let rPr = tree.child(of: i, named: "rPr"), let v = tree.child(of: rPr, named: "vanish"),
            !["0", "false", "off"].contains(tree[v].attribute("val") ?? "true")
          {
            continue
          }
        case "tc": cells.append([])
        case "tr": rows.append([])
        case "tbl": tables.append((cellPerLine: false, sawRow: false))
        case "t":
          add(tree.textContent(of: i))
          continue
        case "tab", "ptab": add("\t")
        case "br", "cr": add("\n")
        case "noBreakHyphen": add("-")
        case "fldChar":
          switch node.attribute("fldCharType") {
          case "begin": fields.append(false)
          case "separate": if !fields.isEmpty { fields[fields.count - 1] = true }
          case "end": _ = fields.popLast()
          default: break
          }
        default: break
        }
      }
      stack.append((i, true))
      for c in node.children.reversed() { stack.append((c, false)) }
    }
    return lines.joined(separator: "\n")
  }

  /// The list marker Word shows for paragraph `p` (from `w:numPr` or its style), plus its suffix.
  private mutating func marker(for p: Int) -> String {
    guard let pPr = tree.child(of: p, named: "pPr") else { return "" }
    var numId: String? = nil, ilvl: Int? = nil
    if let numPr = tree.child(of: pPr, named: "numPr") {
      numId = tree.child(of: numPr, named: "numId").flatMap { tree[$0].attribute("val") }
      ilvl = tree.child(of: numPr, named: "ilvl").flatMap { tree[$0].attribute("val") }.flatMap { Int($0) }
    }
    if numId == nil, let style = tree.child(of: pPr, named: "pStyle").flatMap({ tree[$0].attribute("val") }),
      let s = numbering.styleNumbering(style)
    {
      numId = s.numId
      ilvl = ilvl ?? s.ilvl
    }
    guard let numId, numId != "0" else { return "" }
    return numbering.next(numId: numId, ilvl: ilvl ?? 0)
  }
}
