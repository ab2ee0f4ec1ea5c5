internal import CLibXML2

/// MarkupKit: libxml2's HTML and XML parsers behind a small Swift API (no Foundation).
/// Parsed trees are converted to Swift values and the C document is freed before returning.
///
/// The tree is an arena (`MarkupTree.nodes`, children as indices), built and walked
/// without recursion, so a document nested 10,000 levels deep neither overflows the
/// stack while converting nor while being destroyed.
public enum MarkupKit {
  /// libxml2's runtime version string, e.g. "20914".
  public static var libxmlVersion: String { String(cString: cxml_version()) }

  /// Parses HTML with libxml2's HTML parser in recover mode, without network access.
  /// `utf8` must already be UTF-8 (transcode first): the document's own charset hints are ignored.
  /// Elements nested deeper than `maxDepth` are flattened into their ancestor at that depth
  /// (their text is kept) and `MarkupTree.depthLimited` is set.
  public static func parseHTML(utf8 bytes: [UInt8], maxDepth: Int = 512) throws(MarkupError) -> MarkupTree {
    initialize()
    guard bytes.count < Int(Int32.max) else { throw MarkupError(kind: .tooLarge, message: "document larger than 2 GB") }
    // XML_PARSE_HUGE lifts libxml2's fixed 256-level depth limit, which otherwise stops the parse and
    // silently drops the rest of the page. libxml2's HTML parser keeps open elements on a heap stack,
    // the conversion below caps depth itself (`maxDepth`), and callers cap the input size.
    let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                          | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)
    let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf -> htmlDocPtr? in
      guard let base = buf.baseAddress else { return nil }
      return base.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
        htmlReadMemory(p, Int32(buf.count), nil, "UTF-8", options)
      }
    }
    guard let doc else {
      // libxml2 returns no document for empty input; an empty tree is the honest answer.
      return MarkupTree(nodes: [], root: nil, depthLimited: false, isHTML: true)
    }
    defer { xmlFreeDoc(doc) }
    return convert(doc: doc, maxDepth: maxDepth, html: true)
  }

  /// Parses XML with libxml2: no network, no entity substitution, no DTD loading, and
  /// libxml2's default limits (no `XML_PARSE_HUGE`). Refuses input larger than `maxBytes`.
  /// A document that is not well-formed throws `MarkupError` with libxml2's message.
  public static func parseXML(_ bytes: [UInt8], maxBytes: Int = 64 << 20, maxDepth: Int = 512) throws(MarkupError)
    -> MarkupTree
  {
    initialize()
    guard bytes.count <= maxBytes, bytes.count < Int(Int32.max) else {
      throw MarkupError(kind: .tooLarge, message: "XML of \(bytes.count) bytes exceeds the limit of \(maxBytes) bytes")
    }
    guard !bytes.isEmpty else { throw MarkupError(kind: .notWellFormed, message: "empty document") }
    guard let ctxt = xmlNewParserCtxt() else { throw MarkupError(kind: .notWellFormed, message: "out of memory") }
    defer { xmlFreeParserCtxt(ctxt) }
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf -> xmlDocPtr? in
      guard let base = buf.baseAddress else { return nil }
      return base.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
        xmlCtxtReadMemory(ctxt, p, Int32(buf.count), nil, nil, options)
      }
    }
    let wellFormed = ctxt.pointee.wellFormed != 0
    guard let doc else { throw MarkupError(kind: .notWellFormed, message: lastError(ctxt)) }
    defer { xmlFreeDoc(doc) }
    if !wellFormed { throw MarkupError(kind: .notWellFormed, message: lastError(ctxt)) }
    return convert(doc: doc, maxDepth: maxDepth, html: false)
  }

  private static func lastError(_ ctxt: xmlParserCtxtPtr) -> String {
    guard let e = xmlCtxtGetLastError(UnsafeMutableRawPointer(ctxt)), let m = e.pointee.message else {
      return "not well-formed XML"
    }
    // libxml2 messages may span lines ("...\nBytes: 0x.."): keep the first, as one line
    let full = String(cString: m)
    var s = full.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? full
    while let last = s.last, last == " " || last == "!" { s.removeLast() }
    return "line \(e.pointee.line): \(s)"
  }

  private static func initialize() { _ = libxmlInitialized }

  /// Copies the C tree into Swift values, iteratively (pointer walking, no recursion).
  private static func convert(doc: xmlDocPtr, maxDepth: Int, html: Bool) -> MarkupTree {
    var nodes: [MarkupTree.Node] = []
    var limited = false
    guard let rootC = xmlDocGetRootElement(doc) else {
      return MarkupTree(nodes: [], root: nil, depthLimited: false, isHTML: html)
    }
    // Walk the C tree by pointers. `cStack` holds the open C elements; `stack` the Swift index each maps
    // to (the same index repeats where elements beyond `maxDepth` are flattened into their ancestor).
    var stack: [Int] = []
    var cStack: [xmlNodePtr] = []
    var cur: xmlNodePtr? = rootC
    while let n = cur {
      var descend = false
      let parentIndex = stack.last
      switch n.pointee.type {
      case XML_ELEMENT_NODE:
        let depth = stack.count
        var index: Int
        if depth >= maxDepth, let p = parentIndex {
          limited = true
          index = p  // flatten: children go to the capped ancestor
        } else {
          index = nodes.count
          nodes.append(MarkupTree.Node(kind: .element, name: str(n.pointee.name), prefix: nsPrefix(n),
                                       namespaceURI: nsHref(n), attributes: attributes(n), text: "", children: [], parent: parentIndex))
          if let p = parentIndex { nodes[p].children.append(index) }
        }
        if n.pointee.children != nil {
          stack.append(index)
          cStack.append(n)
          descend = true
        }
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let p = parentIndex, let c = n.pointee.content {
          let t = String(cString: c)
          if !t.isEmpty {
            if let last = nodes[p].children.last, nodes[last].kind == .text {
              nodes[last].text += t  // merge adjacent text (e.g. after flattening)
            } else {
              let index = nodes.count
              nodes.append(MarkupTree.Node(kind: .text, name: "", prefix: nil, namespaceURI: nil, attributes: [], text: t, children: [],
                                           parent: p))
              nodes[p].children.append(index)
            }
          }
        }
      default:
        break  // comments, processing instructions, entity references, DTD nodes
      }
      if descend {
        cur = n.pointee.children
        continue
      }
      // next sibling, or climb up to the parent's next sibling
      var x = n
      while true {
        if x == rootC { cur = nil; break }
        if let next = x.pointee.next { cur = next; break }
        guard let top = cStack.popLast() else { cur = nil; break }
        stack.removeLast()
        x = top
      }
    }
    return MarkupTree(nodes: nodes, root: nodes.isEmpty ? nil : 0, depthLimited: limited, isHTML: html)
  }

  private static func str(_ p: UnsafePointer<xmlChar>?) -> String {
    guard let p else { return "" }
    return String(cString: p)
  }

  private static func nsPrefix(_ n: xmlNodePtr) -> String? {
    guard let ns = n.pointee.ns, let p = ns.pointee.prefix else { return nil }
    return String(cString: p)
  }

  private static func nsHref(_ n: xmlNodePtr) -> String? {
    guard let ns = n.pointee.ns, let p = ns.pointee.href else { return nil }
    return String(cString: p)
  }

  private static func attributes(_ n: xmlNodePtr) -> [MarkupTree.Attribute] {
    var out: [MarkupTree.Attribute] = []
    var a = n.pointee.properties
    while let attr = a {
      var value = ""
      var c = attr.pointee.children
      while let t = c {
        if let content = t.pointee.content { value += String(cString: content) }
        c = t.pointee.next
      }
      var prefix: String? = nil
      if let ns = attr.pointee.ns, let p = ns.pointee.prefix { prefix = String(cString: p) }
      out.append(MarkupTree.Attribute(name: str(attr.pointee.name), prefix: prefix, value: value))
      a = attr.pointee.next
    }
    return out
  }
}

/// `xmlInitParser()` exactly once per process (Swift initialises globals lazily and thread-safely).
/// `xmlCleanupParser()` is never called: other threads may still be parsing.
private let libxmlInitialized: Bool = {
  xmlInitParser()
  return true
}()

/// Why a document could not be parsed.
public struct MarkupError: Error, Sendable, CustomStringConvertible {
  public enum Kind: Sendable { case notWellFormed, tooLarge }
  public let kind: Kind
  public let message: String
  public var description: String { message }
}

/// A parsed document as Swift values: an arena of nodes; `root` is the root element.
public struct MarkupTree: Sendable {
  public struct Attribute: Sendable, Equatable {
    /// Local name (`val` for `w:val`).
    public let name: String
    /// Namespace prefix as written (`w`), nil when none.
    public let prefix: String?
    public let value: String
    public init(name: String, prefix: String?, value: String) {
      self.name = name
      self.prefix = prefix
      self.value = value
    }
  }

  public struct Node: Sendable {
    public enum Kind: Sendable, Equatable { case element, text }
    public let kind: Kind
    /// Element local name (HTML names are lower-case); empty for text nodes.
    public let name: String
    /// Namespace prefix of the element (`w` for `w:p`), nil when none.
    public let prefix: String?
    /// Namespace URI of the element, nil when none (always nil for HTML).
    public let namespaceURI: String?
    public let attributes: [Attribute]
    /// Text of a text node (entities already decoded); empty for elements.
    public internal(set) var text: String
    /// Indices into `MarkupTree.nodes`, in document order.
    public internal(set) var children: [Int]
    public let parent: Int?

    /// The value of the first attribute with this local name (case-insensitive for HTML names).
    public func attribute(_ name: String) -> String? {
      for a in attributes where a.name == name { return a.value }
      let lower = name.lowercased()
      for a in attributes where a.name.lowercased() == lower { return a.value }
      return nil
    }
  }

  public let nodes: [Node]
  /// Index of the root element, nil for an empty document.
  public let root: Int?
  /// True when elements nested deeper than the parse's `maxDepth` were flattened.
  public let depthLimited: Bool
  public let isHTML: Bool

  public subscript(_ i: Int) -> Node { nodes[i] }

  /// Indices of `from` and all its descendants in document order (iterative).
  public func preorder(from start: Int) -> [Int] {
    var out: [Int] = []
    var stack = [start]
    while let i = stack.popLast() {
      out.append(i)
      stack.append(contentsOf: nodes[i].children.reversed())
    }
    return out
  }

  /// All element indices with this local name, in document order.
  public func elements(named name: String) -> [Int] {
    guard let root else { return [] }
    return preorder(from: root).filter { nodes[$0].kind == .element && nodes[$0].name == name }
  }

  /// The concatenated text of a node and its descendants (iterative).
  public func textContent(of i: Int) -> String {
    var s = ""
    for j in preorder(from: i) where nodes[j].kind == .text { s += nodes[j].text }
    return s
  }

  /// The element children of node `i` with this local name.
  public func children(of i: Int, named name: String) -> [Int] {
    nodes[i].children.filter { nodes[$0].kind == .element && nodes[$0].name == name }
  }

  /// The first element child of node `i` with this local name.
  public func child(of i: Int, named name: String) -> Int? {
    nodes[i].children.first { nodes[$0].kind == .element && nodes[$0].name == name }
  }
}
