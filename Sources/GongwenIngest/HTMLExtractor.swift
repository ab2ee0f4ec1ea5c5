import GongwenCore
import ICUKit
import MarkupKit

/// HTML page -> the notice body as text with paragraph breaks, plus page metadata.
///
/// The body is chosen by a measurable rule, not by one site's CSS class: every container
/// element is scored by its Han characters outside links, minus `link_penalty` times the Han
/// characters inside links, plus bonuses when it holds a 发文字号 and clause markers (一、/（一）).
/// Boilerplate (script/style/nav/footer..., and elements whose id/class match `boilerplate_hint`)
/// is dropped first.
struct HTMLExtractor {
  let rules: IngestRules

  struct Page {
    var text: String
    var title: String?
    var published: String?
    var warnings: [DocumentWarning]
  }

  static let blockElements: Set<String> = [
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "section", "article", "ul", "ol", "dl",
    "dt", "dd", "blockquote", "pre", "center", "address", "main", "hr", "caption", "thead", "tbody", "tfoot",
    "fieldset", "figure", "figcaption", "title", "body", "html",
  ]
  static let containers: Set<String> = [
    "div", "td", "article", "section", "main", "body", "table", "tbody", "center", "font", "span", "dd", "li", "form",
  ]

  func extract(_ text: String) throws(StageFailure) -> Page {
    let tree: MarkupTree
    do { tree = try MarkupKit.parseHTML(utf8: Array(text.utf8), maxDepth: rules.maxMarkupDepth) } catch {
      throw StageFailure(stage: "ingest", code: "bad_html",
                         message: "the HTML page cannot be parsed (\(error.message)); save the page's text as .txt")
    }
    var warnings: [DocumentWarning] = []
    if tree.depthLimited {
      warnings.append(DocumentWarning(
        code: "deep_nesting", stage: "ingest",
        message: "HTML elements nested deeper than \(rules.maxMarkupDepth) levels were flattened (limits.max_markup_depth); the text is kept"))
    }
    guard let root = tree.root else {
      warnings.append(DocumentWarning(code: "html_no_text", stage: "ingest", message: "the HTML page has no content"))
      return Page(text: "", title: nil, published: nil, warnings: warnings)
    }
    let order = tree.preorder(from: root)
    let title = tree.elements(named: "title").first.map { collapse(tree.textContent(of: $0)) }.flatMap { $0.isEmpty ? nil : $0 }
    var published = metaPublished(tree, order: order)

    // --- measure ---------------------------------------------------------------
    let n = tree.nodes.count
    var dropped = [Bool](repeating: false, count: n)
    var inLink = [Bool](repeating: false, count: n)
    var inArticle = [Bool](repeating: false, count: n)
    for i in order {
      let node = tree[i]
      if let p = node.parent {
        dropped[i] = dropped[p]
        inLink[i] = inLink[p]
        inArticle[i] = inArticle[p]
      }
      if node.kind == .element {
        // an HTML5 <header> inside <article>/<main> holds the notice's own title: kept
        let articleHeader = node.name == "header" && inArticle[i]
        if rules.dropElements.contains(node.name) && !articleHeader { dropped[i] = true }
        if isHidden(node) { dropped[i] = true }
        if node.name == "a" { inLink[i] = true }
        if node.name == "article" || node.name == "main" { inArticle[i] = true }
      }
    }
    var good = [Int](repeating: 0, count: n), link = [Int](repeating: 0, count: n)
    var docNum = [Int](repeating: 0, count: n), markers = [Int](repeating: 0, count: n)
    let numRe = try matcher(rules.docNumber)
    let markerRe = try matcher(rules.clauseMarker)
    func measure() throws(StageFailure) {
      for i in 0..<n { good[i] = 0; link[i] = 0; docNum[i] = 0; markers[i] = 0 }
      for i in order.reversed() {
        let node = tree[i]
        if dropped[i] { continue }
        if node.kind == .text {
          let han = node.text.unicodeScalars.reduce(0) { $0 + (isHan($1) ? 1 : 0) }
          if inLink[i] { link[i] = han } else { good[i] = han }
          if han > 0 && !inLink[i] {
            do { docNum[i] = try numRe.firstMatch(in: node.text.unicodeScalars) != nil ? 1 : 0 } catch {
              throw rules.docNumber.failure(error, stage: "ingest")
            }
            do { markers[i] = try markerRe.matches(in: node.text).count } catch {
              throw rules.clauseMarker.failure(error, stage: "ingest")
            }
          }
        }
        if let p = node.parent {
          good[p] += good[i]; link[p] += link[i]; docNum[p] += docNum[i]; markers[p] += markers[i]
        }
      }
    }
    try measure()
    // boilerplate hints on id/class, unless the element holds most of the page's text
    let hintRe = try matcher(rules.boilerplateHint)
    let total = good[root]
    var hinted = false
    for i in order where tree[i].kind == .element && !dropped[i] {
      let node = tree[i]
      let label = [node.attribute("id"), node.attribute("class")].compactMap { $0 }.joined(separator: " ")
      if label.isEmpty || ["body", "html"].contains(node.name) { continue }
      let hit: Bool
      do { hit = try hintRe.firstMatch(in: label.unicodeScalars) != nil } catch {
        throw rules.boilerplateHint.failure(error, stage: "ingest")
      }
      // never drop by hint what holds much of the page's prose or the notice's 发文字号
      if hit, Double(good[i]) <= rules.boilerplateMaxShare * Double(max(1, total)), docNum[i] == 0 {
        for j in tree.preorder(from: i) { dropped[j] = true }
        hinted = true
      }
    }
    if hinted { try measure() }

    // --- choose -----------------------------------------------------------------
    var best: Int? = nil
    var bestScore = -Double.infinity
    for i in order where tree[i].kind == .element && !dropped[i] && Self.containers.contains(tree[i].name) {
      var score = Double(good[i]) - rules.linkPenalty * Double(link[i])
      if docNum[i] > 0 { score += Double(rules.docNumberBonus) }
      if markers[i] > 0 { score += Double(rules.clauseMarkerBonus) }
      if score > bestScore {
        bestScore = score
        best = i
      }
    }
    let chosen = best ?? root
    // headings just before the chosen element (title, doc number) belong to the notice
    var parts: [Int] = []
    if let parent = tree[chosen].parent {
      let siblings = tree[parent].children
      if let at = siblings.firstIndex(of: chosen) {
        var k = at - 1
        while k >= 0 {
          let s = siblings[k]
          k -= 1
          let node = tree[s]
          if node.kind == .text {
            if node.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { continue }
            break
          }
          if dropped[s] { continue }
          if link[s] > 0 || good[s] == 0 { break }
          let isHeading = ["h1", "h2", "h3", "h4", "h5", "h6"].contains(node.name)
            || (node.attribute("class") ?? "").lowercased().contains("title") || docNum[s] > 0
          if !isHeading { break }
          parts.insert(s, at: 0)
        }
      }
    }
    parts.append(chosen)
    var out = ""
    for p in parts { render(tree, from: p, dropped: dropped, good: good, into: &out) }
    let body = tidy(out)
    // a 发布日期 in the notice area first, then anywhere on the page
    if published == nil { published = try textPublished(collapse(body)) }
    if published == nil { published = try textPublished(collapse(tree.textContent(of: root))) }
    if body.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
      warnings.append(DocumentWarning(code: "html_no_text", stage: "ingest",
                                      message: "the HTML page has no body text; check that the file is the notice page"))
    }
    return Page(text: body, title: title, published: published, warnings: warnings)
  }

  /// `hidden`, `style="display:none"` or `visibility:hidden`: not shown to the reader.
  private func isHidden(_ node: MarkupTree.Node) -> Bool {
    if node.attribute("hidden") != nil { return true }
    guard let style = node.attribute("style") else { return false }
    let s = String(String.UnicodeScalarView(style.lowercased().unicodeScalars.filter { $0 != " " && $0 != "\t" }))
    return s.contains("display:none") || s.contains("visibility:hidden")
  }

  private func matcher(_ r: RuleRegex) throws(StageFailure) -> ICURegex { try r.matcher() }

  /// Text of the subtree with block structure: blocks become line breaks, table cells end with a
  /// tab, one table row per line. Iterative (explicit stack).
  private func render(_ tree: MarkupTree, from start: Int, dropped: [Bool], good: [Int], into out: inout String) {
    var stack: [(Int, Bool)] = [(start, false)]
    var cellDepth = 0, preDepth = 0
    var layoutCells = Set<Int>()
    // per open <table>: whether it is written one cell per line (html.cell_per_line_headers)
    var cellPerLine: [Bool] = []
    func breakLine() {
      if cellDepth == 0 { out += "\n"; return }
      if let l = out.unicodeScalars.last, l == " " || l == "\t" || l == "\n" { return }
      out += " "
    }
    while let (i, exiting) = stack.popLast() {
      let node = tree[i]
      if dropped[i] { continue }
      if node.kind == .text {
        if preDepth > 0 { out += node.text } else { out += collapseSpaces(node.text) }
        continue
      }
      let name = node.name
      let cell = name == "td" || name == "th"
      if exiting {
        if cell && layoutCells.contains(i) {
          breakLine()
        } else if cell {
          cellDepth -= 1
          while let l = out.unicodeScalars.last, l == " " { out.unicodeScalars.removeLast() }
          out += cellDepth > 0 ? " " : (cellPerLine.last == true ? "\n" : "\t")
        } else if name == "pre" {
          preDepth -= 1
          breakLine()
        } else if name == "table" {
          cellPerLine.removeLast()
          breakLine()
        } else if name == "tr" || Self.blockElements.contains(name) {
          breakLine()
        }
        continue
      }
      if cell {
        // a layout cell (a page laid out with tables) holds paragraphs of prose: it is a block, not a data cell
        if cellDepth == 0 && isLayoutCell(tree, i, good: good) {
          layoutCells.insert(i)
          breakLine()
        } else {
          cellDepth += 1
        }
      } else {
        switch name {
        case "table":
          cellPerLine.append(isTaskTable(tree, i))
          breakLine()
        case "br", "hr": breakLine()
        case "pre":
          preDepth += 1
          breakLine()
        case "li":
          breakLine()
          // items of an ordered list show the number the browser draws
          if let list = node.parent, tree[list].name == "ol" {
            out += orderedMarker(tree, item: i, list: list)
          }
        default: if Self.blockElements.contains(name) { breakLine() }
        }
      }
      stack.append((i, true))
      for c in node.children.reversed() { stack.append((c, false)) }
    }
  }

  /// A table whose first cell reads as a task-table header (`序号`, `html.cell_per_line_headers`):
  /// written one cell per line, the layout of a flattened 任务分解表 that Segment reads row by row.
  /// Cells run together (one row per line, cells tab-separated) lose their boundaries in Normalize.
  private func isTaskTable(_ tree: MarkupTree, _ table: Int) -> Bool {
    guard !rules.cellPerLineHeaders.isEmpty,
      let first = tree.preorder(from: table).first(where: {
        tree[$0].kind == .element && (tree[$0].name == "td" || tree[$0].name == "th")
      })
    else { return false }
    return rules.isTaskTableHeader(tree.textContent(of: first))
  }

  /// The marker a browser draws for `<li>` `item` of `<ol>` `list` (`start`, `type`, `value` honoured).
  private func orderedMarker(_ tree: MarkupTree, item: Int, list: Int) -> String {
    var n = tree[list].attribute("start").flatMap { Int($0) } ?? 1
    for c in tree[list].children where tree[c].kind == .element && tree[c].name == "li" {
      if let v = tree[c].attribute("value").flatMap({ Int($0) }) { n = v }
      if c == item { break }
      n += 1
    }
    let format: String
    switch tree[list].attribute("type") {
    case "a": format = "lowerLetter"
    case "A": format = "upperLetter"
    case "i": format = "lowerRoman"
    case "I": format = "upperRoman"
    default: format = "decimal"
    }
    return WordNumbering.format(n, format) + ". "
  }

  /// A table cell used for page layout rather than data: it holds a nested table, or it is the only
  /// cell of its row, or it holds several paragraphs/line breaks in a row of at most two cells.
  private func isLayoutCell(_ tree: MarkupTree, _ i: Int, good: [Int]) -> Bool {
    let rowCells = tree[i].parent.map { r in
      tree[r].children.filter { tree[$0].kind == .element && (tree[$0].name == "td" || tree[$0].name == "th") }.count
    } ?? 1
    if rowCells <= 1 { return true }
    var blocks = 0
    for c in tree.preorder(from: i).dropFirst() where tree[c].kind == .element {
      switch tree[c].name {
      case "table": return true
      case "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol": blocks += 1
      default: break
      }
    }
    return blocks >= 3 && rowCells <= 2
  }

  /// Lines trimmed of ASCII spaces (full-width indentation is kept), trailing cell tabs removed,
  /// blank lines (also those holding only NBSP or full-width spaces) dropped.
  private func tidy(_ s: String) -> String {
    var lines: [String] = []
    for raw in s.split(separator: "\n", omittingEmptySubsequences: true) {
      var scalars = Substring(raw).unicodeScalars[...]
      while let f = scalars.first, f == " " || f == "\t" || f == "\r" { scalars = scalars.dropFirst() }
      while let l = scalars.last, l == " " || l == "\t" || l == "\r" { scalars = scalars.dropLast() }
      if scalars.allSatisfy({ $0.properties.isWhitespace }) { continue }  // e.g. <p>&nbsp;</p>
      lines.append(String(String.UnicodeScalarView(scalars)))
    }
    return lines.joined(separator: "\n")
  }

  private func collapseSpaces(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    var space = false
    for c in s.unicodeScalars {
      if c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" {
        if !space { out.append(" ") }
        space = true
      } else {
        out.append(c)
        space = false
      }
    }
    return String(out)
  }

  private func collapse(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    var space = false
    for c in s.unicodeScalars {
      if c.properties.isWhitespace {
        if !space && !out.isEmpty { out.append(" ") }
        space = true
      } else {
        out.append(c)
        space = false
      }
    }
    while out.last == " " { out.removeLast() }
    return String(out)
  }

  /// Publish date from `<meta name|property|http-equiv|itemprop=... content=...>`.
  private func metaPublished(_ tree: MarkupTree, order: [Int]) -> String? {
    for i in order where tree[i].kind == .element && tree[i].name == "meta" {
      let node = tree[i]
      let key = node.attribute("name") ?? node.attribute("property") ?? node.attribute("http-equiv")
        ?? node.attribute("itemprop")
      guard let key, rules.publishedMetaNames.contains(key.lowercased()), let content = node.attribute("content"),
        let date = Self.isoDate(content)
      else { continue }
      return date
    }
    return nil
  }

  private func textPublished(_ text: String) throws(StageFailure) -> String? {
    let re = try rules.publishedText.matcher()
    let scalars = Array(text.unicodeScalars)
    do {
      guard let m = try re.firstMatch(in: scalars), m.groups.count >= 3 else { return nil }
      let parts = m.groups.prefix(3).map { g in g.map { String(String.UnicodeScalarView(scalars[$0])) } ?? "" }
      return Self.isoDate(parts.joined(separator: "-"))
    } catch { throw rules.publishedText.failure(error, stage: "ingest") }
  }

  /// `2011-03-07`, `2011/3/7 10:00`, `2011年3月7日`, `20110307`, ISO 8601 -> `YYYY-MM-DD`.
  static func isoDate(_ s: String) -> String? {
    var groups: [String] = []
    var cur = ""
    for c in s.unicodeScalars {
      if c.value >= 0x30 && c.value <= 0x39 { cur.unicodeScalars.append(c) } else {
        if !cur.isEmpty { groups.append(cur) }
        cur = ""
        if groups.count >= 3 { break }
      }
    }
    if !cur.isEmpty { groups.append(cur) }
    var y = 0, m = 0, d = 0
    if let g = groups.first, g.count == 8, let v = Int(g) {
      y = v / 10000; m = v / 100 % 100; d = v % 100
    } else if groups.count >= 3, groups[0].count == 4, let a = Int(groups[0]), let b = Int(groups[1]), let c = Int(groups[2]) {
      y = a; m = b; d = c
    } else {
      return nil
    }
    guard (1900...2200).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(y)-\(two(m))-\(two(d))"
  }
}
