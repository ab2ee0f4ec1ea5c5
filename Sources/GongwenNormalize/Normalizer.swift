import GongwenCore

/// Stage 2: decoded source text → canonical clean text with an offset map.
///
/// A fixed sequence of small steps, each switchable in `Rules/normalize.yaml` (`steps`):
///
/// 1. `newlines`     CRLF / CR / U+2028 / U+2029 → `\n`
/// 2. `decoding`     BOM, zero-width, soft hyphen, control characters removed; NBSP → space
/// 3. `junk`         navigation lists, Word artefacts, page furniture (pattern rules, reason `junk`)
/// 4. `traditional`  Traditional → Simplified when the text is measured to be Traditional
/// 5. `whitespace`   U+3000 / tabs → space, indentation and trailing spaces gone, blank lines gone
/// 6. `line_join`    lines broken inside a sentence or word are joined
/// 7. `doc_number`   发文字号 brackets → 〔〕
/// 8. `width`        full-width ASCII → half-width; half-width punctuation → Chinese in Chinese context
/// 9. `cjk_spacing`  spaces between Chinese characters and between Chinese and numbers removed
///
/// Canonical form: paragraphs are separated by exactly one `\n`; there are no blank lines and no
/// line break or space at the start or end of the text or of any line.
///
/// Steps only delete scalars or replace one scalar by one (T→S excepted, which maps every output
/// scalar to the source scalar it came from), so `CleanText.origin` stays exact. Deleted content
/// (junk, invisible and control characters) is recorded as `Removal`s; whitespace-only layout
/// deletions are counted in `stats` and listed only with `record_layout_removals: true`.
public struct Normalizer: Sendable {
  public let rules: NormalizeRules
  let steps: [any NormalizeStep]

  public init(rules: NormalizeRules) {
    self.rules = rules
    var steps: [any NormalizeStep] = []
    let on = rules.steps
    if on.newlines { steps.append(NewlineStep()) }
    if on.decoding {
      steps.append(DecodingStep(invisible: rules.invisible, control: rules.control, toSpace: rules.decodingToSpace))
    }
    if on.junk, !rules.junk.isEmpty { steps.append(JunkStep(rules: rules.junk)) }
    if on.traditional { steps.append(TraditionalStep(rules: rules.traditional)) }
    if on.whitespace { steps.append(WhitespaceStep(toSpace: rules.whitespaceToSpace)) }
    if on.lineJoin { steps.append(LineJoinStep(rules: rules.lineJoin)) }
    if on.docNumber {
      steps.append(DocNumberStep(rule: rules.docNumber, open: rules.docNumberOpen, close: rules.docNumberClose))
    }
    if on.width { steps.append(WidthStep(rules: rules.width)) }
    if on.cjkSpacing {
      steps.append(CJKSpacingStep(numericTail: rules.numericTail, latin: rules.removeBetweenCJKAndLatin,
                                  marker: rules.lineJoin.marker))
    }
    self.steps = steps
  }

  /// The ids of the steps that run, in order.
  public var stepIDs: [String] { steps.map { type(of: $0).id } }

  public func normalize(_ source: String) throws(StageFailure) -> NormalizedDocument {
    let scalars = unicodeScalars(of: source)
    var ctx = NormalizeContext(source: scalars, recordLayout: rules.recordLayoutRemovals)
    let n = scalars.count
    let identity = [Int](unsafeUninitializedCapacity: n) { buf, count in
      for i in 0..<n { buf[i] = i }
      count = n
    }
    var text = CleanText(scalars: scalars, origin: identity, sourceLength: n)
    for step in steps {
      try step.apply(&text, &ctx)
    }
    if text.scalars.isEmpty, scalars.contains(where: { !$0.properties.isWhitespace }) {
      ctx.warnings.append(DocumentWarning(code: "empty_after_normalize", stage: "normalize",
                                          message: "nothing is left of the text after normalization; see `removed`"))
    }
    ctx.removed.sort { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
    return NormalizedDocument(text: text, removed: ctx.removed, warnings: ctx.warnings, stats: ctx.stats)
  }
}

/// The Unicode scalars of `source`, decoded from its UTF-8 in two passes over contiguous bytes
/// (count eight bytes at a time, then fill a buffer of that size); `Array(source.unicodeScalars)`
/// walks the string twice through the generic scalar iterator, which cost several times more.
func unicodeScalars(of source: String) -> [Unicode.Scalar] {
  var source = source
  source.makeContiguousUTF8()
  let fast = source.utf8.withContiguousStorageIfAvailable { u -> [Unicode.Scalar] in
    guard let base = u.baseAddress, !u.isEmpty else { return [] }
    let end = u.count
    // every scalar has one byte that is not a continuation byte (0b10xxxxxx); counted eight
    // bytes at a time: bit 7 of a byte of `w & ~(w << 1)` is set for continuation bytes
    var continuation = 0
    var i = 0
    let raw = UnsafeRawPointer(base)
    while i &+ 8 <= end {
      let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      continuation &+= (w & ~(w &<< 1) & 0x8080_8080_8080_8080).nonzeroBitCount
      i &+= 8
    }
    while i < end {
      if base[i] & 0xC0 == 0x80 { continuation &+= 1 }
      i &+= 1
    }
    let n = end &- continuation
    return [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, count in
      // a String holds valid UTF-8, so the lead byte says how many continuation bytes follow
      var i = 0, k = 0
      while i < end && k < n {
        let b0 = UInt32(base[i])
        var v: UInt32
        if b0 < 0x80 {
          v = b0
          i &+= 1
        } else if b0 < 0xE0 {
          v = (b0 & 0x1F) << 6 | UInt32(base[i &+ 1] & 0x3F)
          i &+= 2
        } else if b0 < 0xF0 {
          v = (b0 & 0x0F) << 12 | UInt32(base[i &+ 1] & 0x3F) << 6 | UInt32(base[i &+ 2] & 0x3F)
          i &+= 3
        } else {
          v = (b0 & 0x07) << 18 | UInt32(base[i &+ 1] & 0x3F) << 12 | UInt32(base[i &+ 2] & 0x3F) << 6
            | UInt32(base[i &+ 3] & 0x3F)
          i &+= 4
        }
        out[k] = unsafeBitCast(v, to: Unicode.Scalar.self)  // valid UTF-8 decodes to a valid scalar
        k &+= 1
      }
      count = k
    }
  }
  return fast ?? Array(source.unicodeScalars)
}
