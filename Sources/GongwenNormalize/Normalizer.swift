import GongwenCore

/// Stage 2: decoded source text → canonical clean text with an offset map.
///
/// A fixed sequence of small steps, each switchable in `Rules/normalize.yaml` (`steps`):
///
/// 1. `newlines`     CRLF / CR / U+2028 / U+2029 → `\n`
/// 2. `decoding`     BOM, zero-width, soft hyphen, control characters removed; NBSP → space
/// 3. `bar_cells`    a cell wrapped over lines between two `|` lines → one line (with `table_cells`, `tables.bar_cells`)
/// 4. `junk`         navigation lists, Word artefacts, page furniture (pattern rules, reason `junk`)
/// 5. `traditional`  Traditional → Simplified when the text is measured to be Traditional
/// 6. `whitespace`   U+3000 / tabs → space, indentation and trailing spaces gone, blank lines gone
/// 7. `flattened_lines` line breaks a scrape turned into spaces → line breaks again
/// 8. `table_cells`  a table's rows written one per line with `|` between cells → one cell per line
/// 9. `line_join`    lines broken inside a sentence or word are joined
/// 10. `doc_number`  发文字号 brackets → 〔〕
/// 11. `width`       full-width ASCII → half-width; half-width punctuation → Chinese in Chinese context
/// 12. `cjk_spacing` spaces between Chinese characters and between Chinese and numbers removed
///    (inside a table kept between two runs of Chinese characters: they separate the names in a cell)
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
      steps.append(DecodingStep(invisible: rules.invisible, control: rules.control, toSpace: rules.decodingToSpace,
                                glyphs: rules.decodingGlyphs, fold: rules.decodingFold))
    }
    if on.tableCells, let b = rules.tables.barCells {
      steps.append(BarCellsStep(separators: rules.tables.cellSeparators, minBars: b.minBars, maxLines: b.maxLines))
    }
    if on.junk, !rules.junk.isEmpty { steps.append(JunkStep(rules: rules.junk)) }
    if on.traditional { steps.append(TraditionalStep(rules: rules.traditional)) }
    if on.whitespace { steps.append(WhitespaceStep(toSpace: rules.whitespaceToSpace)) }
    if on.flattenedLines, let f = rules.flattenedLines {
      steps.append(FlattenedLinesStep(minLineLength: f.minLineLength, minBreaks: f.minBreaks, minMeanSegment: f.minMeanSegment,
                                      tableHeader: f.tableMinColumns > 0 ? rules.lineJoin.tableHeader : [],
                                      tableMinColumns: f.tableMinColumns, tableColumnMaxLength: f.tableColumnMaxLength,
                                      signatureEndings: f.signatureEndings,
                                      titleEndings: f.recipientsAfterTitle ? rules.lineJoin.titleEndings : [],
                                      recipientsWords: f.recipientsWords))
    }
    if on.tableCells, !rules.tables.cellSeparators.isEmpty || rules.tables.spaceRows {
      steps.append(TableCellsStep(header: rules.lineJoin.tableHeader, separators: rules.tables.cellSeparators,
                                  spaceRows: rules.tables.spaceRows))
    }
    if on.lineJoin { steps.append(LineJoinStep(rules: rules.lineJoin)) }
    if on.docNumber {
      steps.append(DocNumberStep(rule: rules.docNumber, open: rules.docNumberOpen, close: rules.docNumberClose))
    }
    if on.width { steps.append(WidthStep(rules: rules.width)) }
    if on.cjkSpacing {
      steps.append(CJKSpacingStep(numericTail: rules.numericTail, latin: rules.removeBetweenCJKAndLatin,
                                  marker: rules.lineJoin.marker,
                                  tableHeader: rules.lineJoin.tableHeader, cellSpaceMinRun: rules.tables.cellSpaceMinRun,
                                  listLabels: rules.listLabels))
    }
    self.steps = steps
  }

  /// The ids of the steps that run, in order.
  public var stepIDs: [String] { steps.map { type(of: $0).id } }

  public func normalize(_ source: String) throws(StageFailure) -> NormalizedDocument {
    let scalars = [Unicode.Scalar](scalarsOf: source)
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
