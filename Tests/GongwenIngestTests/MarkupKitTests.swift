import GongwenIngest
import MarkupKit
import Testing

@Suite struct MarkupKitTests {
  @Test func htmlTreeHasNamesAttributesAndText() throws {
    let t = try MarkupKit.parseHTML(utf8: Array("<HTML><body><DIV id=\"zoom\" Class=\"a b\">正文&amp;<b>加粗</b></div>".utf8))
    let div = try #require(t.elements(named: "div").first)
    #expect(t[div].attribute("id") == "zoom")
    #expect(t[div].attribute("class") == "a b")
    #expect(t.textContent(of: div) == "正文&加粗")
    #expect(t[div].parent.map { t[$0].name } == "body")
  }

  @Test func xmlKeepsNamespacesAndRefusesMalformedInput() throws {
    let t = try MarkupKit.parseXML(Array("<w:document xmlns:w=\"urn:w\"><w:p w:val=\"1\">x</w:p></w:document>".utf8))
    let p = try #require(t.elements(named: "p").first)
    #expect(t[p].prefix == "w" && t[p].namespaceURI == "urn:w")
    #expect(t[p].attributes == [MarkupTree.Attribute(name: "val", prefix: "w", value: "1")])
    #expect(throws: MarkupError.self) { try MarkupKit.parseXML(Array("<a><b></a>".utf8)) }
    #expect(throws: MarkupError.self) { try MarkupKit.parseXML(Array("<a>x</a>".utf8), maxBytes: 4) }
  }

  @Test func xmlPredefinedAndCharacterEntitiesAreDecoded() throws {
    let t = try MarkupKit.parseXML(Array("<a x=\"&lt;&quot;\">A &amp; B &#x4E00;<![CDATA[<c>]]></a>".utf8))
    let root = try #require(t.root)
    #expect(t.textContent(of: root) == "A & B 一<c>")
    #expect(t[root].attribute("x") == "<\"")
  }

  @Test func xmlDoesNotLoadExternalEntities() throws {
    let xxe = """
      <?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/hostname">]><d>A&x;B</d>
      """
    let t = try MarkupKit.parseXML(Array(xxe.utf8))
    #expect(t.textContent(of: try #require(t.root)) == "AB")
  }

  @Test func xmlDoesNotExpandEntityBombs() {
    var dtd = "<!ENTITY a0 \"xxxxxxxxxx\">"
    for i in 1...9 { dtd += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
    let bomb = "<?xml version=\"1.0\"?><!DOCTYPE d [\(dtd)]><d>&a9;</d>"
    // either refused or left unexpanded: never 10^10 characters
    if let t = try? MarkupKit.parseXML(Array(bomb.utf8)), let root = t.root {
      #expect(t.textContent(of: root).utf8.count < 1000)
    }
  }

  @Test func deepXMLIsRefusedByLibxml2Limits() {
    let deep = String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000)
    #expect(throws: MarkupError.self) { try MarkupKit.parseXML(Array(deep.utf8)) }
  }

  @Test func emptyHTML() throws {
    let t = try MarkupKit.parseHTML(utf8: [])
    #expect(t.root == nil && t.nodes.isEmpty)
  }
}

@Suite struct HTMLBoilerplateTests {
  @Test func articleHeaderIsKeptSiteHeaderDropped() throws {
    let html = """
      <html><body><header><p>某市人民政府门户网站</p></header>
      <article><header><h1>关于做好医改工作的通知</h1></header><p>一、加快推进改革工作任务落实。</p></article>
      <footer>网站标识码：1234</footer></body></html>
      """
    let doc = try ingestor.ingest(Array(html.utf8))
    #expect(doc.text == "关于做好医改工作的通知\n一、加快推进改革工作任务落实。")
  }

  @Test func hintedElementWithTheDocNumberIsKept() throws {
    let html = """
      <html><body><div class="nav"><a href="/">首页</a><a href="/a">政务公开</a></div>
      <div class="wrap"><div class="article-header"><h1>关于做好医改工作的通知</h1><p>某政办发〔2013〕5号</p></div>
      <div class="content"><p>一、加快推进改革工作任务落实。</p></div></div></body></html>
      """
    let doc = try ingestor.ingest(Array(html.utf8))
    #expect(doc.text == "关于做好医改工作的通知\n某政办发〔2013〕5号\n一、加快推进改革工作任务落实。")
  }
}
