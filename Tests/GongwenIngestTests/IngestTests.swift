import Foundation
import GongwenCore
import GongwenRules
import GongwenTestSupport
import Testing

@testable import GongwenIngest

let ingestor: Ingestor = {
  let path = TestSupport.packageRoot.appendingPathComponent("Rules/ingest.yaml").path
  let yaml = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "version: 1"
  do { return Ingestor(rules: try RuleSet.decode(IngestRules.self, yaml: yaml, file: "ingest.yaml")) } catch {
    Issue.record("Rules/ingest.yaml does not load: \(error)")
    return Ingestor(rules: try! IngestRules(raw: .init(version: 1), file: "<defaults>"))
  }
}()

/// Removes every whitespace scalar (ASCII, full-width, NBSP), so layout differences do not matter.
func squash(_ s: some StringProtocol) -> String {
  String(String.UnicodeScalarView(s.unicodeScalars.filter { !$0.properties.isWhitespace }))
}

/// The seed's non-blank lines, whitespace removed.
func keyLines(_ text: String) -> [String] {
  text.split(separator: "\n").map(squash).filter { !$0.isEmpty }
}

/// The lines of `expected` that are not found, in order, in `text` (both whitespace-squashed).
func missingInOrder(_ expected: [String], in text: String) -> [String] {
  let hay = squash(text)
  var from = hay.startIndex
  var missing: [String] = []
  for line in expected {
    if let r = hay.range(of: line, range: from..<hay.endIndex) { from = r.upperBound } else { missing.append(line) }
  }
  return missing
}

func failure(_ body: () throws(StageFailure) -> SourceDocument) -> StageFailure? {
  do {
    _ = try body()
    return nil
  } catch { return error }
}

func seedBytes(_ prefix: String) -> [UInt8] { Array(TestSupport.corpusNotice(prefix).utf8) }

@Suite struct FixtureTests {
  @Test func manifestListsEveryVariant() {
    let pairs = IngestFixtures.pairs
    #expect(pairs.count == 18)
    #expect(Set(pairs.map(\.seed)).count == 5)
    for format in ["html", "docx", "text"] { #expect(pairs.filter { $0.format == format }.count >= 5) }
  }

  @Test(arguments: IngestFixtures.pairs.map(\.file))
  func fixtureYieldsTheSeedText(_ file: String) throws {
    let pair = try #require(IngestFixtures.pairs.first { $0.file == file })
    let bytes = IngestFixtures.bytes(file)
    #expect(!bytes.isEmpty)
    let doc = try ingestor.ingest(bytes, pathHint: file)
    #expect(doc.format == pair.format)
    #expect(doc.encoding == pair.encoding)
    let expected = keyLines(pair.expectedText)
    #expect(expected.count > 10)
    let missing = missingInOrder(expected, in: doc.text)
    #expect(missing.isEmpty, "\(missing.count) of \(expected.count) lines missing or out of order; first: \(missing.first ?? "")")
    #expect(!doc.warnings.contains { $0.code == "undecodable_bytes" })
    // every clause marker 一、二、… at a line start survives, in order
    let markers = expected.compactMap { l in ["一、", "二、", "三、", "四、", "五、"].first { l.hasPrefix($0) } }
    let got = keyLines(doc.text).compactMap { l in ["一、", "二、", "三、", "四、", "五、"].first { l.hasPrefix($0) } }
    #expect(Array(got.prefix(markers.count)) == markers || got == markers)
    if pair.format == "html" {
      #expect(doc.pageTitle == pair.pageTitle)
      #expect(doc.pagePublished == pair.pagePublished)
      for junk in ["网站标识码", "ICP备", "分享到", "当前位置", "相关文件", "siteName", "欢迎访问", "无障碍", "网站地图", "政务服务"] {
        #expect(!doc.text.contains(junk), "boilerplate '\(junk)' kept")
      }
      // the notice's own title (h1) is kept with the body
      #expect(doc.text.contains(try #require(pair.pageTitle?.split(separator: "_").first.map(String.init))))
    }
  }

  @Test(arguments: IngestFixtures.pairs.filter { $0.format == "docx" || $0.format == "text" }.map(\.file))
  func docxAndReencodedTextGiveTheSeedExactly(_ file: String) throws {
    // python-docx wrote one paragraph per seed line, so nothing but the container differs
    let pair = try #require(IngestFixtures.pairs.first { $0.file == file })
    let doc = try ingestor.ingest(IngestFixtures.bytes(file), pathHint: file)
    #expect(doc.text == pair.expectedText)
  }

  @Test func plainUTF8SeedIsUnchanged() throws {
    let seed = TestSupport.corpusNotice("001")
    let doc = try ingestor.ingest(Array(seed.utf8), pathHint: "a.txt")
    #expect(doc.text == seed)
    #expect(doc.format == "text" && doc.encoding == "UTF-8" && doc.warnings.isEmpty)
  }

  @Test func big5RoundTripIsLossless() throws {
    let pair = try #require(IngestFixtures.pairs.first { $0.encoding == "Big5" })
    let doc = try ingestor.ingest(IngestFixtures.bytes(pair.file), pathHint: nil)
    #expect(doc.text == pair.expectedText)
    #expect(doc.text.contains("衛生"))
  }

  @Test func gb18030AndGBKAreTheSameDecoder() throws {
    // seed 003 has U+00A0, which GBK cannot encode: the GB18030 four-byte form must decode
    let doc = try ingestor.ingest(IngestFixtures.bytes("003.gb18030.txt"))
    #expect(doc.text == TestSupport.corpusNotice("003"))
  }
}

@Suite struct DocxTests {
  @Test func wordNumberingBecomesVisibleMarkers() throws {
    let doc = try ingestor.ingest(IngestFixtures.bytes("numbered.docx"), pathHint: "numbered.docx")
    let expected = try String(contentsOf: IngestFixtures.directory.appendingPathComponent("numbered.expected.txt"),
                              encoding: .utf8)
    #expect(doc.format == "docx")
    #expect(doc.text == expected)
    #expect(!doc.text.contains("PAGE"))  // field instruction
    #expect(!doc.text.contains("99"))  // deleted revision
    #expect(!doc.text.contains("隐藏"))  // hidden text
  }

  @Test func chineseCountingAndOtherFormats() {
    let f = WordNumbering.format
    #expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 111, 1000, 1001].map { f($0, "chineseCounting") }
      == ["一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十", "一百一十一", "一千", "一千零一"])
    #expect(f(3, "decimalEnclosedCircleChinese") == "③")
    #expect(f(21, "decimalEnclosedCircle") == "㉑")
    #expect(f(3, "ideographTraditional") == "丙")
    #expect(f(28, "upperLetter") == "BB")
    #expect(f(14, "lowerRoman") == "xiv")
    #expect(f(5, "decimalZero") == "05")
    #expect(f(12, "chineseLegalSimplified") == "壹拾贰")
  }

  @Test func countersRestartBelowAHigherLevel() {
    var n = WordNumbering()
    n.numToAbstract["1"] = "0"
    n.abstracts["0"] = [0: .init(start: 1, format: "chineseCounting", text: "%1、", suffix: ""),
                        1: .init(start: 1, format: "chineseCounting", text: "（%2）", suffix: ""),
                        2: .init(start: 3, format: "decimal", text: "%1.%3", suffix: " ")]
    let seq = [(0), (1), (1), (2), (0), (1), (2)].map { n.next(numId: "1", ilvl: $0) }
    #expect(seq == ["一、", "（一）", "（二）", "一.3 ", "二、", "（一）", "二.3 "])
  }

  @Test func zipBombIsRefused() {
    let f = failure { () throws(StageFailure) in try ingestor.ingest(IngestFixtures.bytes("bomb.docx"), pathHint: "x.docx") }
    #expect(f?.code == "zip_bomb")
    #expect(f?.message.contains("zip bomb") == true)
  }

  @Test func zipBombWithLyingHeadersIsStoppedWhileStreaming() {
    let bytes = IngestFixtures.bytes("bomb-lying.docx")
    #expect(bytes.count < 64 * 1024)
    let f = failure { () throws(StageFailure) in try ingestor.ingest(bytes, pathHint: "x.docx") }
    #expect(f?.code == "zip_bomb")
  }

  @Test func partCapComesFromRules() throws {
    let rules = try RuleSet.decode(IngestRules.self, yaml: "version: 1\nlimits:\n  max_docx_part_bytes: 2048\n")
    let f = failure { () throws(StageFailure) in try Ingestor(rules: rules).ingest(IngestFixtures.bytes("000.docx")) }
    #expect(f?.code == "too_large")
    #expect(f?.message.contains("max_docx_part_bytes") == true)
  }

  @Test func mainDocumentFoundThroughRels() throws {
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    let rels = """
      <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>
      """
    let doc = "<w:document xmlns:w=\"\(w)\"><w:body><w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">（一）加快推进。</w:t></w:r></w:p></w:body></w:document>"
    let zip = storedZip([("_rels/.rels", rels), ("word/document2.xml", doc)])
    let result = try ingestor.ingest(zip, pathHint: "a.docx")
    #expect(result.format == "docx")
    #expect(result.text == "一、总体要求\n（一）加快推进。")
  }

  @Test func docxTaskTableIsWrittenOneCellPerLineOtherTablesOneRowPerLine() throws {
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    func cell(_ t: String) -> String { "<w:tc><w:p><w:r><w:t>\(t)</w:t></w:r></w:p></w:tc>" }
    func row(_ cells: [String]) -> String { "<w:tr>" + cells.map(cell).joined() + "</w:tr>" }
    let task = "<w:tbl>" + row(["序号", "重点工作任务", "牵头单位"]) + row(["1", "推进农村公路建设。", "县交通局"]) + "</w:tbl>"
    let other = "<w:tbl>" + row(["项目", "金额"]) + row(["道路", "50"]) + "</w:tbl>"
    let doc = "<w:document xmlns:w=\"\(w)\"><w:body>\(task)<w:p><w:r><w:t>说明</w:t></w:r></w:p>\(other)</w:body></w:document>"
    let result = try ingestor.ingest(storedZip([("word/document.xml", doc)]), pathHint: "t.docx")
    #expect(result.text == "序号\n重点工作任务\n牵头单位\n1\n推进农村公路建设。\n县交通局\n说明\n项目\t金额\n道路\t50")
  }

  @Test func unreadableNumberingIsAWarningNotAFailure() throws {
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    let doc = "<w:document xmlns:w=\"\(w)\"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>总体要求</w:t></w:r></w:p></w:body></w:document>"
    let zip = storedZip([("word/document.xml", doc), ("word/numbering.xml", "<w:numbering")])
    let result = try ingestor.ingest(zip)
    #expect(result.text == "总体要求")
    #expect(result.warnings.map(\.code) == ["docx_part_unreadable"])
  }

  @Test func truncatedDocx() {
    let bytes = IngestFixtures.bytes("000.docx")
    let f = failure { () throws(StageFailure) in try ingestor.ingest(Array(bytes.prefix(bytes.count / 2)), pathHint: "a.docx") }
    #expect(f?.code == "corrupt_docx")
    #expect(f?.stage == "ingest")
    #expect(f.map { !$0.message.contains("\n") } == true)
  }

  @Test func documentXMLThatIsNotXML() {
    let f = failure { () throws(StageFailure) in try ingestor.ingest(IngestFixtures.bytes("notxml.docx"), pathHint: "a.docx") }
    #expect(f?.code == "corrupt_docx")
    #expect(f?.message.contains("not well-formed") == true)
  }

  @Test func docxNameOnNonZip() {
    let f = failure { () throws(StageFailure) in try ingestor.ingest(Array("hello".utf8), pathHint: "a.docx") }
    #expect(f?.code == "corrupt_docx")
  }
}

@Suite struct RefusalTests {
  @Test func pngRenamedTxt() {
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 200)
    let f = failure { () throws(StageFailure) in try ingestor.ingest(png, pathHint: "notice.txt") }
    #expect(f?.code == "unsupported_format")
    #expect(f?.message.contains("PNG") == true)
  }

  @Test func pdfRenamedTxt() {
    let f = failure { () throws(StageFailure) in try ingestor.ingest(Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8), pathHint: "a.txt") }
    #expect(f?.code == "unsupported_format")
    #expect(f?.message.contains("pdftotext") == true)
  }

  @Test func legacyDocAndJPEG() {
    let doc: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 512)
    #expect(failure { () throws(StageFailure) in try ingestor.ingest(doc, pathHint: "a.doc") }?.message.contains(".docx") == true)
    let jpg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 1, count: 64)
    #expect(failure { () throws(StageFailure) in try ingestor.ingest(jpg) }?.code == "unsupported_format")
  }

  @Test func wordXMLIsRefusedWithAdvice() {
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><?mso-application progid=\"Word.Document\"?><w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\"><w:body/></w:wordDocument>"
    let f = failure { () throws(StageFailure) in try ingestor.ingest(Array(xml.utf8), pathHint: "a.xml") }
    #expect(f?.code == "unsupported_format")
    #expect(f?.message.contains(".docx") == true)
  }

  @Test func randomBytesAreBinary() {
    var x: UInt32 = 12345
    let bytes = (0..<20_000).map { _ -> UInt8 in
      x = x &* 1_664_525 &+ 1_013_904_223
      return UInt8(x >> 24)
    }
    let f = failure { () throws(StageFailure) in try ingestor.ingest(bytes, pathHint: "a.txt") }
    #expect(f?.code == "binary_file")
  }

  @Test func otherZipIsNotADocx() {
    // an .xlsx-shaped archive: the numbered fixture with its document renamed would be overkill; use a tiny stored zip
    let f = failure { () throws(StageFailure) in try ingestor.ingest(storedZip(name: "xl/workbook.xml", content: "<x/>")) }
    #expect(f?.code == "unsupported_format")
    #expect(f?.message.contains("Excel") == true)
  }
}

@Suite struct EncodingTests {
  @Test func invalidUTF8InTheMiddle() throws {
    var bytes = seedBytes("002")
    let mid = bytes.count / 2
    // step back to a character boundary so only the inserted bytes are bad
    var at = mid
    while at > 0, bytes[at] & 0xC0 == 0x80 { at -= 1 }
    bytes.insert(contentsOf: [0xFF, 0xFE, 0xC3], at: at)
    let doc = try ingestor.ingest(bytes, pathHint: "a.txt")
    #expect(doc.encoding == "UTF-8")
    #expect(doc.text.contains("\u{FFFD}"))
    let w = try #require(doc.warnings.first { $0.code == "undecodable_bytes" })
    #expect(w.stage == "ingest")
    #expect(w.message.contains("\(at)"))
    #expect(missingInOrder(keyLines(TestSupport.corpusNotice("002")), in: doc.text).count <= 1)
  }

  @Test func nulByteIsRemovedWithAWarning() throws {
    var bytes = seedBytes("004")
    bytes.insert(0, at: 30)
    bytes.insert(0, at: 1000)
    let doc = try ingestor.ingest(bytes)
    #expect(doc.encoding == "UTF-8")
    #expect(!doc.text.unicodeScalars.contains("\u{0}"))
    #expect(doc.warnings.contains { $0.code == "nul_bytes" && $0.message.contains("2 NUL") })
  }

  @Test func utf8BOMIsDropped() throws {
    let doc = try ingestor.ingest([0xEF, 0xBB, 0xBF] + Array("一、总体要求".utf8))
    #expect(doc.text == "一、总体要求")
    #expect(doc.encoding == "UTF-8")
  }

  @Test func utf16WithoutBOMFromNulPattern() throws {
    let text = "Notice No. 12 (2013)\n一、总体要求\nSee the attached table for details.\n"
    let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let be = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    #expect(try ingestor.ingest(le).encoding == "UTF-16LE")
    #expect(try ingestor.ingest(le).text == text)
    #expect(try ingestor.ingest(be).encoding == "UTF-16BE")
    #expect(try ingestor.ingest([0xFE, 0xFF] + be).text == text)
  }

  @Test func shortGBKAndBig5AreToldApart() throws {
    // one sentence each: ucsdet alone is unreliable on text this short
    let gbk = IngestFixtures.bytes("004.gb18030.txt")
    let big5 = IngestFixtures.bytes("004.big5.txt")
    for n in [60, 120, 400] {
      let g = try ingestor.ingest(cut(gbk, n))
      #expect(g.encoding == "GB18030", "GBK prefix of \(n) bytes read as \(g.encoding)")
      let b = try ingestor.ingest(cut(big5, n))
      #expect(b.encoding == "Big5", "Big5 prefix of \(n) bytes read as \(b.encoding)")
    }
  }

  @Test func declaredCharsetWinsWhenPlausible() throws {
    let big5Body = IngestFixtures.bytes("004.big5.txt")
    let page = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\"><title>t</title></head><body><div>".utf8)
      + big5Body + Array("</div></body></html>".utf8)
    let doc = try ingestor.ingest(page)
    #expect(doc.encoding == "Big5")
    #expect(doc.format == "html")
    // a page that claims Big5 but is GBK: the claim does not survive the decoding check
    let lying = Array("<html><head><meta charset=\"big5\"></head><body><p>".utf8) + IngestFixtures.bytes("004.gb18030.txt")
      + Array("</p></body></html>".utf8)
    #expect(try ingestor.ingest(lying).encoding == "GB18030")
  }

  @Test func declaredCharsetSniffing() {
    #expect(Sniff.declaredCharset(Array("<meta charset=\"GB2312\">".utf8)[...]) == "gb2312")
    #expect(Sniff.declaredCharset(Array("<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=gbk'>".utf8)[...]) == "gbk")
    #expect(Sniff.declaredCharset(Array("<?xml version=\"1.0\" encoding=\"Big5\"?><a/>".utf8)[...]) == "big5")
    #expect(TextDecoding(rules: ingestor.rules).canonical("GB2312") == "GB18030")
    #expect(TextDecoding(rules: ingestor.rules).canonical("x-gbk") == "GB18030")
    #expect(TextDecoding(rules: ingestor.rules).canonical("windows-1252") == "windows-1252")
    #expect(TextDecoding(rules: ingestor.rules).canonical("no-such-charset") == nil)
  }
}

@Suite struct HTMLTests {
  @Test func tenThousandNestedDivs() throws {
    let html = "<html><body>" + String(repeating: "<div>", count: 10_000) + "一、深层内容（市卫生局负责）"
      + String(repeating: "</div>", count: 10_000) + "</body></html>"
    let doc = try ingestor.ingest(Array(html.utf8), pathHint: "deep.html")
    #expect(doc.format == "html")
    #expect(doc.text.contains("一、深层内容（市卫生局负责）"))
    #expect(doc.warnings.contains { $0.code == "deep_nesting" })
  }

  @Test func deepNestingBeyondTheRuleCapWarns() throws {
    let rules = try RuleSet.decode(IngestRules.self, yaml: "version: 1\nlimits:\n  max_markup_depth: 32\n")
    let html = "<html><body>" + String(repeating: "<div>", count: 100) + "<p>正文一</p><p>正文二</p>"
      + String(repeating: "</div>", count: 100) + "</body></html>"
    let doc = try Ingestor(rules: rules).ingest(Array(html.utf8))
    #expect(doc.warnings.contains { $0.code == "deep_nesting" })
    #expect(doc.text.contains("正文一") && doc.text.contains("正文二"))
  }

  @Test func htmlWithNoBody() throws {
    let doc = try ingestor.ingest(Array("<!DOCTYPE html><html><head><title>空页面</title></head></html>".utf8))
    #expect(doc.format == "html")
    #expect(doc.pageTitle == "空页面")
    #expect(doc.text.isEmpty)
    #expect(doc.warnings.contains { $0.code == "html_no_text" })
  }

  @Test func tablesKeepOneRowPerLine() throws {
    let html = """
      <html><body><div><p>一、工作任务</p><table><tr><td>任务</td><td>牵头单位</td></tr>
      <tr><td><p>推进公立医院改革</p></td><td>市卫生局</td></tr></table><p>二、保障措施</p></div></body></html>
      """
    let doc = try ingestor.ingest(Array(html.utf8))
    #expect(doc.text == "一、工作任务\n任务\t牵头单位\n推进公立医院改革\t市卫生局\n二、保障措施")
  }

  @Test func taskTableIsWrittenOneCellPerLine() throws {
    // a table whose first cell is 序号 (html.cell_per_line_headers): one cell per line, the layout
    // Segment reads flattened task tables in; long cells and <br> inside a cell stay one line
    let long = String(repeating: "推进公立医院综合改革，完善补偿机制。", count: 20)
    let html = "<html><body><div><p>一、任务分工</p><table><tr><th>序号</th><th>任务</th><th>牵头单位</th></tr>"
      + "<tr><td>1</td><td><p>\(long)</p></td><td>市卫生局<br>市财政局</td></tr></table><p>二、保障措施</p></div></body></html>"
    let doc = try ingestor.ingest(Array(html.utf8))
    #expect(doc.text == "一、任务分工\n序号\n任务\n牵头单位\n1\n\(long)\n市卫生局 市财政局\n二、保障措施")
  }

  @Test func layoutTableKeepsParagraphs() throws {
    let html = "<html><body><table><tr><td class=\"left\"><a href=\"#\">首页</a></td><td><p>关于印发方案的通知</p><p>某政办发〔2013〕5号</p><p>一、总体要求</p></td></tr></table></body></html>"
    let doc = try ingestor.ingest(Array(html.utf8))
    #expect(doc.text.hasSuffix("关于印发方案的通知\n某政办发〔2013〕5号\n一、总体要求"))
  }

  @Test func orderedListsShowTheirNumbers() throws {
    let html = "<html><body><div><p>三、保障措施</p><ol><li>加强领导</li><li>强化考核</li></ol><ol start=\"3\" type=\"a\"><li>其一</li><li value=\"9\">其二</li></ol><ul><li>无序</li></ul></div></body></html>"
    #expect(try ingestor.ingest(Array(html.utf8)).text == "三、保障措施\n1. 加强领导\n2. 强化考核\nc. 其一\ni. 其二\n无序")
  }

  @Test func hiddenElementsAreDropped() throws {
    let html = "<html><body><div><p>一、总体要求</p><p style=\"DISPLAY: none\">隐藏的关键词堆砌</p><p hidden>另一段隐藏文字</p><p>二、主要任务</p></div></body></html>"
    #expect(try ingestor.ingest(Array(html.utf8)).text == "一、总体要求\n二、主要任务")
  }

  @Test func publishDateFromPageText() throws {
    let html = "<html><body><div>发布时间：2013年7月5日</div><div><p>一、总体要求</p></div></body></html>"
    #expect(try ingestor.ingest(Array(html.utf8)).pagePublished == "2013-07-05")
    let meta = "<html><head><meta name=\"Maketime\" content=\"2013-07-15 09:30:00\"></head><body><div>发布时间：2013年7月5日</div></body></html>"
    #expect(try ingestor.ingest(Array(meta.utf8)).pagePublished == "2013-07-15")  // the meta tag wins over page text
    #expect(HTMLExtractor.isoDate("2016-07-01-08:15:00") == "2016-07-01")
    #expect(HTMLExtractor.isoDate("20120803") == "2012-08-03")
    #expect(HTMLExtractor.isoDate("2012-13-03") == nil)
  }

  @Test func navigationHeavyPageKeepsTheBody() throws {
    // a menu with more link text than the notice has prose must not win
    let menu = (0..<60).map { "<li><a href=\"#\">关于做好第\($0)项重点工作的通知</a></li>" }.joined()
    let html = "<html><body><div class=\"wrap\"><ul>\(menu)</ul><div class=\"content\"><p>某政办发〔2013〕5号</p><p>一、加快推进</p><p>（一）完善制度。</p></div></div></body></html>"
    let doc = try ingestor.ingest(Array(html.utf8))
    #expect(doc.text == "某政办发〔2013〕5号\n一、加快推进\n（一）完善制度。")
  }
}

@Suite struct RulesTests {
  @Test func bundledRulesLoadThroughTheLoader() throws {
    #expect(ingestor.rules.maxDocxPartBytes == 64 << 20)
    #expect(ingestor.rules.gb18030Labels.contains("gbk"))
  }

  @Test func badValuesAreReportedWithTheirLine() {
    do {
      _ = try RuleSet.decode(IngestRules.self, yaml: "version: 1\nlimits:\n  binary_share: 3\nhtml:\n  doc_number: '(['\n")
      Issue.record("accepted invalid rules")
    } catch {
      #expect(error.problems.contains { $0.code == "R005" && $0.location.line == 3 })
      #expect(error.problems.contains { $0.code == "R004" && $0.location.line == 5 })
    }
  }

  @Test func unknownKeyAndWrongVersion() {
    #expect(throws: RuleErrors.self) { try RuleSet.decode(IngestRules.self, yaml: "version: 1\nlimits:\n  max_bytes: 3\n") }
    #expect(throws: RuleErrors.self) { try RuleSet.decode(IngestRules.self, yaml: "version: 2\n") }
  }
}

/// The first `n` bytes of a double-byte encoded text, cut at a character boundary (ASCII or lead+trail).
func cut(_ b: [UInt8], _ n: Int) -> [UInt8] {
  var i = 0
  while i < b.count, i < n { i += b[i] < 0x80 ? 1 : 2 }
  return Array(b.prefix(i))
}

/// A zip archive with stored (uncompressed) entries.
func storedZip(name: String, content: String) -> [UInt8] { storedZip([(name, content)]) }

func storedZip(_ entries: [(String, String)]) -> [UInt8] {
  func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
  func u32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(v >> (8 * $0) & 0xFF) } }
  var locals: [UInt8] = [], central: [UInt8] = []
  for (name, content) in entries {
    let data = Array(content.utf8), path = Array(name.utf8)
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    crc ^= 0xFFFF_FFFF
    let offset = UInt32(locals.count)
    locals += [0x50, 0x4B, 0x03, 0x04] + u16(20) + u16(0) + u16(0) + u16(0) + u16(0) + u32(crc)
    locals += u32(UInt32(data.count)) + u32(UInt32(data.count)) + u16(path.count) + u16(0) + path + data
    central += [0x50, 0x4B, 0x01, 0x02] + u16(20) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0) + u32(crc)
    central += u32(UInt32(data.count)) + u32(UInt32(data.count)) + u16(path.count) + u16(0) + u16(0) + u16(0) + u16(0)
    central += u32(0) + u32(offset) + path
  }
  let end = [0x50, 0x4B, 0x05, 0x06] + u16(0) + u16(0) + u16(entries.count) + u16(entries.count)
    + u32(UInt32(central.count)) + u32(UInt32(locals.count)) + u16(0)
  return locals + central + end
}

@Suite struct MoreEncodingTests {
  @Test func utf16WithoutBOMOrASCII() throws {
    let text = "关于印发深化医药卫生体制改革重点工作任务的通知各有关单位现将工作安排印发给你们请认真贯彻落实"
    let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let doc = try ingestor.ingest(le)
    #expect(doc.encoding == "UTF-16LE")
    #expect(doc.text == text)
  }

  @Test func veryShortGBK() throws {
    // "通知" in GBK: four bytes, no detector could be sure
    let doc = try ingestor.ingest([0xCD, 0xA8, 0xD6, 0xAA])
    #expect(doc.encoding == "GB18030")
    #expect(doc.text == "通知")
  }

  @Test func latin1FallsToTheDetector() throws {
    let text = "Le ministère de la santé publique a publié la décision relative à la réforme du système de soins médicaux. "
    let bytes = Array(text.unicodeScalars.map { UInt8($0.value) })
    let doc = try ingestor.ingest(bytes + bytes + bytes)
    #expect(doc.text.hasPrefix("Le ministère de la santé"))
    #expect(doc.encoding.contains("8859-1") || doc.encoding.contains("1252"))
  }
}

@Suite struct NumberingOverrideTests {
  @Test func levelOverrideAndStartOverride() {
    var n = WordNumbering()
    n.numToAbstract = ["1": "0", "2": "0"]
    n.abstracts["0"] = [0: .init(start: 1, format: "chineseCounting", text: "%1、", suffix: "")]
    n.startOverrides["2"] = [0: 5]
    n.levelOverrides["2"] = [0: .init(start: 1, format: "decimalEnclosedCircleChinese", text: "%1", suffix: "")]
    #expect(n.next(numId: "1", ilvl: 0) == "一、")
    #expect(n.next(numId: "2", ilvl: 0) == "⑤")
    #expect(n.next(numId: "1", ilvl: 0) == "二、")
    #expect(n.next(numId: "9", ilvl: 0) == "")  // unknown list: no marker rather than a guess
  }
}

@Suite struct RulesDefaultsTests {
  @Test func bundledYAMLStatesTheBuiltInDefaults() throws {
    let y = ingestor.rules
    let d = try IngestRules(raw: .init(version: 1), file: "<defaults>")
    #expect(y.maxInputBytes == d.maxInputBytes && y.maxDocxPartBytes == d.maxDocxPartBytes)
    #expect(y.maxCompressionRatio == d.maxCompressionRatio && y.compressionCheckMinBytes == d.compressionCheckMinBytes)
    #expect(y.maxMarkupDepth == d.maxMarkupDepth && y.binaryShare == d.binaryShare && y.reportedOffsets == d.reportedOffsets)
    #expect(y.gb18030Labels == d.gb18030Labels && y.big5Labels == d.big5Labels)
    #expect(y.declaredMaxErrorShare == d.declaredMaxErrorShare && y.utf8MaxErrorShare == d.utf8MaxErrorShare)
    #expect(y.detectorMinConfidence == d.detectorMinConfidence && y.dropElements == d.dropElements)
    #expect(y.boilerplateHint.pattern == d.boilerplateHint.pattern && y.boilerplateMaxShare == d.boilerplateMaxShare)
    #expect(y.linkPenalty == d.linkPenalty && y.docNumber.pattern == d.docNumber.pattern)
    #expect(y.docNumberBonus == d.docNumberBonus && y.clauseMarker.pattern == d.clauseMarker.pattern)
    #expect(y.clauseMarkerBonus == d.clauseMarkerBonus && y.publishedMetaNames == d.publishedMetaNames)
    #expect(y.publishedText.pattern == d.publishedText.pattern)
  }

  @Test func everyYAMLKeyIsCommented() throws {
    let yaml = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Rules/ingest.yaml"), encoding: .utf8)
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (i, line) in lines.enumerated() {
      let t = line.trimmingCharacters(in: .whitespaces)
      if t.isEmpty || t.hasPrefix("#") || !t.contains(":") { continue }
      let commented = line.contains(" # ") || (i > 0 && lines[i - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#"))
      #expect(commented, "line \(i + 1) has no comment: \(line)")
    }
  }
}

@Suite struct LargeInputTests {
  @Test func filesLargerThanTheSampleAreDecodedWhole() throws {
    for (file, expected) in [("001.gb18030.txt", TestSupport.corpusNotice("001")),
                             ("004.big5.txt", IngestFixtures.pairs.first { $0.encoding == "Big5" }?.expectedText ?? "")] {
      let one = IngestFixtures.bytes(file)
      let copies = TextDecoding.sampleBytes / one.count + 2
      let doc = try ingestor.ingest(Array([[UInt8]](repeating: one, count: copies).joined()))
      #expect(doc.text == String(repeating: expected, count: copies), "\(file)")
      #expect(doc.warnings.isEmpty)
    }
  }
}
