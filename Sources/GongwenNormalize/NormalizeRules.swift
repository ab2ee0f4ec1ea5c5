import GongwenCore
import ICUKit

/// Compiled rules for the normalize stage, from `Rules/normalize.yaml`.
///
/// Every threshold, character set, pattern and word list the normalizer uses lives in the YAML;
/// this type decodes it (`Raw`), validates it and compiles it once (regexes, character sets,
/// the Traditional→Simplified change table).
public struct NormalizeRules: RuleFile {
  public static let fileName = "normalize.yaml"

  /// The YAML as written. Unknown keys are rejected by the loader.
  public struct Raw: Decodable, Sendable {
    public var version: Int
    public var steps: Steps
    public var recordLayoutRemovals: Bool
    public var decoding: Decoding
    public var junk: [JunkRule]
    public var traditional: Traditional
    public var whitespace: Whitespace
    public var lineJoin: LineJoin
    public var docNumber: DocNumber
    public var width: Width
    public var cjkSpacing: CJKSpacing
    public var tables: Tables
    public var flattenedLines: FlattenedLines?

    enum CodingKeys: String, CodingKey {
      case version, steps, recordLayoutRemovals = "record_layout_removals", decoding, junk, traditional,
        whitespace, lineJoin = "line_join", docNumber = "doc_number", width, cjkSpacing = "cjk_spacing", tables,
        flattenedLines = "flattened_lines"
    }

    public struct FlattenedLines: Decodable, Sendable {
      public var minLineLength: Located<Int>
      public var minBreaks: Located<Int>
      public var minMeanSegment: Located<Int>
      public var tableMinColumns: Located<Int>?
      public var tableColumnMaxLength: Located<Int>?
      public var signatureEndings: Located<[String]>?
      public var recipientsAfterTitle: Bool?
      public var recipientsWords: Located<[String]>?
      enum CodingKeys: String, CodingKey {
        case minLineLength = "min_line_length", minBreaks = "min_breaks", minMeanSegment = "min_mean_segment",
          tableMinColumns = "table_min_columns", tableColumnMaxLength = "table_column_max_length",
          signatureEndings = "signature_endings", recipientsAfterTitle = "recipients_after_title",
          recipientsWords = "recipients_words"
      }
    }

    public struct Tables: Decodable, Sendable {
      public var cellSeparators: Located<String>
      public var cellSpaceMinRun: Located<Int>
      public var spaceRows: Bool?
      public var barCells: RawBarCells?
      enum CodingKeys: String, CodingKey {
        case cellSeparators = "cell_separators", cellSpaceMinRun = "cell_space_min_run", spaceRows = "space_rows"
        case barCells = "bar_cells"
      }
    }

    /// `tables.bar_cells` as written.
    public struct RawBarCells: Decodable, Sendable {
      public var minBars: Located<Int>
      public var maxLines: Located<Int>
      enum CodingKeys: String, CodingKey {
        case minBars = "min_bars", maxLines = "max_lines"
      }
    }

    public struct Steps: Decodable, Sendable {
      public var newlines: Bool
      public var decoding: Bool
      public var junk: Bool
      public var traditional: Bool
      public var whitespace: Bool
      public var tableCells: Bool
      public var lineJoin: Bool
      public var docNumber: Bool
      public var width: Bool
      public var cjkSpacing: Bool
      public var flattenedLines: Bool?
      enum CodingKeys: String, CodingKey {
        case newlines, decoding, junk, traditional, whitespace, tableCells = "table_cells", lineJoin = "line_join",
          docNumber = "doc_number", width, cjkSpacing = "cjk_spacing", flattenedLines = "flattened_lines"
      }
    }

    public struct Decoding: Decodable, Sendable {
      public var invisible: Located<[String]>
      public var control: Located<[String]>
      public var toSpace: Located<[String]>
      public var glyphs: Located<[String: String]>?
      public var foldToASCII: Located<[String]>?
      enum CodingKeys: String, CodingKey { case invisible, control, toSpace = "to_space", glyphs, foldToASCII = "fold_to_ascii" }
    }

    public struct JunkRule: Decodable, Sendable {
      public var id: String
      public var pattern: Located<String>
      /// Literal strings of which one must occur for the pattern to be tried (a fast pre-check).
      public var needles: [String]?
    }

    public struct Traditional: Decodable, Sendable {
      public var transliterator: Located<String>
      public var sampleChars: Located<Int>
      public var minHanChars: Located<Int>
      public var threshold: Located<Double>
      public var protect: Located<[String]>
      enum CodingKeys: String, CodingKey {
        case transliterator, sampleChars = "sample_chars", minHanChars = "min_han_chars", threshold, protect
      }
    }

    public struct Whitespace: Decodable, Sendable {
      public var toSpace: Located<[String]>
      enum CodingKeys: String, CodingKey { case toSpace = "to_space" }
    }

    public struct LineJoin: Decodable, Sendable {
      public var sentenceEnd: String
      public var paragraphEnd: String
      public var runningPunctuation: String
      public var enumerationComma: String
      public var markers: [Located<String>]
      public var headingMaxChars: Located<Int>
      public var headingMaxEnumerationCommas: Located<Int>
      public var fullLineQuantile: Located<Double>
      public var fullLineRatio: Located<Double>
      public var minLinesForTypical: Located<Int>
      public var maxIterations: Located<Int>
      public var titleOpeners: [String]
      public var titleEndings: [String]
      public var titleMaxChars: Located<Int>
      public var tableHeader: Located<[String]>
      public var fieldLabelMax: Located<Int>
      public var addressStarts: [String]
      public var statementEndings: [String]
      public var dateLine: Located<String>?
      public var docNumberLine: Located<String>?
      public var attachmentLine: Located<String>?
      public var pageDateLine: Located<String>?
      public var headingMaxCharsWithCommas: Located<Int>?
      public var continuationStarts: String?
      enum CodingKeys: String, CodingKey {
        case continuationStarts = "continuation_starts"
        case dateLine = "date_line", docNumberLine = "doc_number_line", attachmentLine = "attachment_line"
        case pageDateLine = "page_date_line"
        case headingMaxCharsWithCommas = "heading_max_chars_with_commas"
        case sentenceEnd = "sentence_end", paragraphEnd = "paragraph_end", runningPunctuation = "running_punctuation",
          enumerationComma = "enumeration_comma", markers, headingMaxChars = "heading_max_chars",
          headingMaxEnumerationCommas = "heading_max_enumeration_commas", fullLineQuantile = "full_line_quantile",
          fullLineRatio = "full_line_ratio", minLinesForTypical = "min_lines_for_typical",
          maxIterations = "max_iterations", titleOpeners = "title_openers", titleEndings = "title_endings",
          titleMaxChars = "title_max_chars", tableHeader = "table_header", fieldLabelMax = "field_label_max",
          addressStarts = "address_starts", statementEndings = "statement_endings"
      }
    }

    public struct DocNumber: Decodable, Sendable {
      public var pattern: Located<String>
      public var open: String
      public var close: String
    }

    public struct Width: Decodable, Sendable {
      public var foldToASCII: Located<[String]>
      public var chinesePunctuation: Located<[String: String]>
      public var smallForms: Located<[String: String]>
      public var fixMixedQuotes: Bool
      enum CodingKeys: String, CodingKey {
        case foldToASCII = "fold_to_ascii", chinesePunctuation = "chinese_punctuation", smallForms = "small_forms"
        case fixMixedQuotes = "fix_mixed_quotes"
      }
    }

    public struct CJKSpacing: Decodable, Sendable {
      public var numericTail: String
      public var removeBetweenCJKAndLatin: Bool
      public var listLabels: [String]?
      enum CodingKeys: String, CodingKey {
        case numericTail = "numeric_tail", removeBetweenCJKAndLatin = "remove_between_cjk_and_latin"
        case listLabels = "list_labels"
      }
    }
  }

  // MARK: compiled

  public struct Steps: Sendable {
    public var newlines, decoding, junk, traditional, whitespace, tableCells, lineJoin, docNumber, width, cjkSpacing: Bool
    /// `flattened_lines` (optional in the YAML; off when absent).
    public var flattenedLines = false
  }

  /// Tables flattened to text.
  public struct Tables: Sendable {
    /// Characters between the cells of a row written on one line (`|`).
    public var cellSeparators: ScalarSet
    /// Inside a table (from a `line_join.table_header` line on) `cjk_spacing` keeps a space between
    /// two runs of at least this many Chinese characters: it separates names in a cell (`县教体局
    /// 各相关乡镇政府`). 0: never kept.
    public var cellSpaceMinRun: Int
    /// Rows written one per line with spaces between the cells (`序号 工作任务 牵头负责部门`, then
    /// `1 居民消费价格涨幅3%左右 发展改革委`) are rewritten one cell per line too.
    public var spaceRows: Bool
    /// Cells written one at a time, each followed by a line of bars (`tables.bar_cells`): a cell's lines between two bar
    /// lines are joined (step `bar_cells`, before `junk` removes the bar lines). nil: off.
    public var barCells: BarCells? = nil
  }

  /// `tables.bar_cells`: the bar lines a text needs, and the most lines a cell may have.
  public struct BarCells: Sendable {
    public var minBars: Int
    public var maxLines: Int
  }

  public struct Traditional: Sendable {
    public var transliteratorID: String
    public var sampleChars: Int
    public var minHanChars: Int
    public var threshold: Double
    /// BMP Han characters that change under the transliterator on their own.
    public var changing: ScalarSet
    /// The transliterator's rules as a table when they are plain same-length replacements (ICU's
    /// `Traditional-Simplified` is), applied without ICU; nil: ICU transliterates.
    var phrases: PhraseMap?
    /// Protected terms: `keep` is the wanted output, `converted` what T→S makes of it.
    public var protect: [(keep: [Unicode.Scalar], converted: [Unicode.Scalar])]
  }

  public struct LineJoin: Sendable {
    public var sentenceEnd: ScalarSet
    public var paragraphEnd: ScalarSet
    /// Characters a line never starts with unless it goes on from the line before (、，；）…): such a line is joined
    /// whatever the line before ends with. Optional (empty: off).
    public var continuationStarts: ScalarSet
    public var running: ScalarSet
    public var enumerationComma: ScalarSet
    /// All clause-marker patterns as one alternation, matched anchored at a line start.
    public var marker: RuleRegex
    public var headingMaxChars: Int
    public var headingMaxEnumerationCommas: Int
    public var fullLineQuantile: Double
    public var fullLineRatio: Double
    public var minLinesForTypical: Int
    public var maxIterations: Int
    public var titleOpeners: [[Unicode.Scalar]]
    public var titleEndings: [[Unicode.Scalar]]
    public var titleMaxChars: Int
    /// A line holding only one of these (spaces aside) opens a flattened table: no line is joined
    /// from there on.
    public var tableHeader: [[Unicode.Scalar]]
    /// Longest label (Han characters) of a field line `索引号：…` (0: no field lines).
    public var fieldLabelMax: Int
    /// Words the recipients line starts with (各…：): it is never joined onto the line before.
    public var addressStarts: [[Unicode.Scalar]]
    /// Words a line of names ends with when it says who does the task (牵头落实, 负责): such a line
    /// holding only 、 and shorter than a full line is not joined to the next.
    public var statementEndings: [[Unicode.Scalar]]
    /// A whole line that is a date (a signature's 2020年3月5日): nothing is joined onto it, and it runs on
    /// into nothing. Tried only on lines ending with 日. Optional.
    public var dateLine: RuleRegex?
    /// A whole line that is a document number (岚综管办〔2016〕196号): nothing is joined onto it, and it runs on into nothing.
    /// Tried only on lines ending with 号. Optional.
    public var docNumberLine: RuleRegex?
    /// A whole line that is an attachment's label (附录, 附件2): nothing is joined onto it, and it runs on into nothing.
    /// Tried only on lines starting with 附. Optional.
    public var attachmentLine: RuleRegex?
    /// A whole line that is a web page's date and time with its other fields (`2021-02-18 17:26:29来源：海连江微信`): nothing is
    /// joined onto it, and it runs on into nothing. Tried only on lines starting with a year (19xx, 20xx). Optional.
    public var pageDateLine: RuleRegex? = nil
    /// Longest body (characters) of a marker line with commas but no sentence end that is a heading all the same when it is
    /// shorter than a full line (`1、实施世行对标改革，促进世行评价和企业感受双提升`). 0: off.
    public var headingMaxCharsWithCommas: Int
  }

  public struct Width: Sendable {
    public var foldToASCII: ScalarSet
    /// Half-width punctuation → its Chinese full-width form, used in Chinese context.
    public var chinese: [UInt32: Unicode.Scalar]
    /// Small form variants (U+FE50–U+FE6F: ﹒ ﹐ ﹙) → the ordinary character, everywhere.
    public var smallForms: [UInt32: Unicode.Scalar]
    public var fixMixedQuotes: Bool
  }

  public var steps: Steps
  public var recordLayoutRemovals: Bool
  public var invisible: ScalarSet
  public var control: ScalarSet
  public var decodingToSpace: ScalarSet
  /// Characters a PDF font put in place of others (`decoding.glyphs`: ꎬ for ，), each replaced by its own.
  public var decodingGlyphs: [UInt32: Unicode.Scalar]
  /// Full-width forms folded to their ASCII character at decoding (`decoding.fold_to_ascii`: the digits), so every later
  /// step reads one form of a number (Word's full-width `１．`, `（２）`, `２０２３年`).
  public var decodingFold: ScalarSet
  /// A junk pattern and the literal strings one of which must occur for it to be tried.
  public struct JunkRule: Sendable {
    public var regex: RuleRegex
    public var needles: [[Unicode.Scalar]]
    public var id: String { regex.id }
  }

  public var junk: [JunkRule]
  public var traditional: Traditional
  public var whitespaceToSpace: ScalarSet
  public var lineJoin: LineJoin
  public var docNumber: RuleRegex
  public var docNumberOpen: Unicode.Scalar
  public var docNumberClose: Unicode.Scalar
  public var width: Width
  public var numericTail: ScalarSet
  public var removeBetweenCJKAndLatin: Bool
  /// Labels (`责任单位`) whose line, when it starts with one and a colon, keeps a space between two runs of
  /// at least `tables.cell_space_min_run` Chinese characters, as a table cell does: it separates names.
  public var listLabels: [[Unicode.Scalar]]
  public var tables: Tables
  /// Line breaks a scrape turned into spaces (`flattened_lines`; nil: not repaired).
  public var flattenedLines: FlattenedLinesRules?

  /// Validated `flattened_lines`.
  public struct FlattenedLinesRules: Sendable {
    public var minLineLength: Int
    public var minBreaks: Int
    public var minMeanSegment: Int
    /// Column names a table's header run into the line must have after its first word (`line_join.table_header`) for
    /// the rest of the line to be read one cell per line; 0: tables are not looked for.
    public var tableMinColumns: Int
    /// Longest column name of such a header, in characters.
    public var tableColumnMaxLength: Int
    /// Endings of an issuer's name that, standing between spaces before a date (`平潭综合实验区管委会办公室 2016年9月21日印发`), start
    /// a signature or printing line; empty: such lines are not looked for.
    public var signatureEndings: [[Unicode.Scalar]] = []
    /// A recipients line run into the title line (`…的通知 区直各单位，各乡镇人民政府： 《…》`) starts a line of its own.
    public var recipientsAfterTitle = false
    /// Words one of which a recipients line run into a page's header holds (`各`, `单位`): after page furniture with no
    /// title ending before it (`…时间：2020-05-01 10:35 微信 微博 QQ空间 各处（室）、分局，下属事业单位：为贯彻…`), such a line
    /// before the line's first sentence end starts a line of its own; empty: only after a title ending.
    public var recipientsWords: [[Unicode.Scalar]] = []
  }

  public init(raw: Raw, file: String) throws(RuleErrors) {
    var problems: [RuleProblem] = []
    let top = RuleLocation(file: file, line: 1, column: 1)
    func loc(_ l: RuleLocation?) -> RuleLocation { l ?? top }
    func bad(_ l: RuleLocation?, _ message: String) { problems.append(RuleProblem(loc(l), code: "R005", message)) }

    if raw.version != 1 {
      bad(nil, "unsupported rules version \(raw.version); this Gongwen reads version 1")
    }
    let s = raw.steps
    steps = Steps(newlines: s.newlines, decoding: s.decoding, junk: s.junk, traditional: s.traditional,
                  whitespace: s.whitespace, tableCells: s.tableCells, lineJoin: s.lineJoin, docNumber: s.docNumber, width: s.width,
                  cjkSpacing: s.cjkSpacing, flattenedLines: s.flattenedLines ?? false)
    recordLayoutRemovals = raw.recordLayoutRemovals

    func set(_ v: Located<[String]>, _ what: String) -> ScalarSet {
      do { return try ScalarSet(parsing: v.value) } catch {
        bad(v.location, "\(what): \(error.message)")
        return ScalarSet()
      }
    }
    let nl: Unicode.Scalar = "\n", tab: Unicode.Scalar = "\t"
    invisible = set(raw.decoding.invisible, "decoding.invisible")
    control = set(raw.decoding.control, "decoding.control")
    if control.contains(nl) || control.contains(tab) {
      bad(raw.decoding.control.location, "decoding.control must not list U+000A (line feed) or U+0009 (tab)")
    }
    decodingToSpace = set(raw.decoding.toSpace, "decoding.to_space")
    if decodingToSpace.contains(nl) { bad(raw.decoding.toSpace.location, "decoding.to_space must not list U+000A") }
    var glyphs: [UInt32: Unicode.Scalar] = [:]
    if let g = raw.decoding.glyphs {
      for (k, v) in g.value {
        let ks = Array(k.unicodeScalars), vs = Array(v.unicodeScalars)
        guard ks.count == 1, vs.count == 1, ks[0].value >= 0x80, ks[0] != vs[0] else {
          bad(g.location, "decoding.glyphs: '\(k)' → '\(v)' must map one non-ASCII character to one other character")
          continue
        }
        glyphs[ks[0].value] = vs[0]
      }
    }
    decodingGlyphs = glyphs
    if let f = raw.decoding.foldToASCII {
      decodingFold = set(f, "decoding.fold_to_ascii")
      if decodingFold.members.contains(where: { $0 < 0xFF01 || $0 > 0xFF5E }) {
        bad(f.location, "decoding.fold_to_ascii may list only full-width forms of ASCII (U+FF01-U+FF5E)")
      }
    } else {
      decodingFold = ScalarSet()
    }

    var junk: [JunkRule] = []
    var seen: Set<String> = []
    for j in raw.junk {
      if j.id.isEmpty || !seen.insert(j.id).inserted {
        bad(j.pattern.location, "junk rule id '\(j.id)' is empty or used twice")
      }
      let needles = (j.needles ?? []).map { Array($0.unicodeScalars) }
      if needles.contains(where: \.isEmpty) { bad(j.pattern.location, "junk rule '\(j.id)': a needle is empty") }
      do { junk.append(JunkRule(regex: try RuleRegex(id: j.id, pattern: j.pattern, file: file), needles: needles)) } catch {
        problems.append(error)
      }
    }
    self.junk = junk

    // Traditional → Simplified
    let t = raw.traditional
    var changing = ScalarSet()
    var phrases: PhraseMap? = nil
    var protect: [(keep: [Unicode.Scalar], converted: [Unicode.Scalar])] = []
    if t.threshold.value <= 0 || t.threshold.value > 1 {
      bad(t.threshold.location, "traditional.threshold must be in (0, 1]")
    }
    if t.sampleChars.value < 1 { bad(t.sampleChars.location, "traditional.sample_chars must be at least 1") }
    if t.minHanChars.value < 1 { bad(t.minHanChars.location, "traditional.min_han_chars must be at least 1") }
    do {
      let tr = try ICUTransliterator(id: t.transliterator.value)
      phrases = PhraseMap(rules: try tr.rules())
      // from the table when the rules are one (the same set: the table gives what ICU gives, and
      // a character alone on its line can only meet a one-character rule); running the ~28,000
      // characters through ICU was most of the rules' load time
      if let phrases { changing = Self.changingTable(phrases) } else { changing = try Self.changingTable(tr) }
      for term in t.protect.value {
        let keep = Array(term.unicodeScalars)
        let conv = Array(try tr.transliterate(term).unicodeScalars)
        if keep.isEmpty || conv.count != keep.count {
          bad(t.protect.location, "protected term '\(term)' changes length under \(t.transliterator.value)")
        } else if conv != keep {
          protect.append((keep, conv))
        }
      }
    } catch {
      bad(t.transliterator.location, "transliterator '\(t.transliterator.value)' is not available: \(error)")
    }
    traditional = Traditional(transliteratorID: t.transliterator.value, sampleChars: t.sampleChars.value,
                              minHanChars: t.minHanChars.value, threshold: t.threshold.value, changing: changing,
                              phrases: phrases, protect: protect)

    whitespaceToSpace = set(raw.whitespace.toSpace, "whitespace.to_space")
    if whitespaceToSpace.contains(nl) { bad(raw.whitespace.toSpace.location, "whitespace.to_space must not list U+000A") }

    // Line join
    let j = raw.lineJoin
    let alternation = j.markers.map { "(?:\($0.value))" }.joined(separator: "|")
    var markerRegex: RuleRegex? = nil
    if j.markers.isEmpty { bad(nil, "line_join.markers must list at least one pattern") }
    var markersCompile = true
    for m in j.markers {  // compile one by one for precise R004 positions
      do { _ = try RuleRegex(id: "line_join.markers", pattern: m, file: file) } catch {
        problems.append(error)
        markersCompile = false
      }
    }
    if markersCompile { do {
      markerRegex = try RuleRegex(id: "line_join.markers", pattern: Located(alternation, location: j.markers.first?.location),
                                  file: file)
    } catch {
      problems.append(error)
    } }
    func positive(_ v: Located<Int>, _ name: String) -> Int {
      if v.value < 1 { bad(v.location, "line_join.\(name) must be at least 1") }
      return v.value
    }
    func unit(_ v: Located<Double>, _ name: String) -> Double {
      if !(v.value > 0 && v.value <= 1) { bad(v.location, "line_join.\(name) must be in (0, 1]") }
      return v.value
    }
    if j.headingMaxEnumerationCommas.value < 0 {
      bad(j.headingMaxEnumerationCommas.location, "line_join.heading_max_enumeration_commas must be 0 or more")
    }
    var dateLineRegex: RuleRegex? = nil
    if let d = j.dateLine {
      do { dateLineRegex = try RuleRegex(id: "line_join.date_line", pattern: d, file: file) } catch { problems.append(error) }
    }
    var docNumberLineRegex: RuleRegex? = nil
    if let d = j.docNumberLine {
      do { docNumberLineRegex = try RuleRegex(id: "line_join.doc_number_line", pattern: d, file: file) } catch {
        problems.append(error)
      }
    }
    var pageDateLineRegex: RuleRegex? = nil
    if let d = j.pageDateLine {
      do { pageDateLineRegex = try RuleRegex(id: "line_join.page_date_line", pattern: d, file: file) } catch {
        problems.append(error)
      }
    }
    var attachmentLineRegex: RuleRegex? = nil
    if let d = j.attachmentLine {
      do { attachmentLineRegex = try RuleRegex(id: "line_join.attachment_line", pattern: d, file: file) } catch {
        problems.append(error)
      }
    }
    guard let markerRegex else { throw RuleErrors(problems) }
    let lj = LineJoin(
      sentenceEnd: ScalarSet(literal: j.sentenceEnd), paragraphEnd: ScalarSet(literal: j.paragraphEnd),
      continuationStarts: ScalarSet(literal: j.continuationStarts ?? ""),
      running: ScalarSet(literal: j.runningPunctuation), enumerationComma: ScalarSet(literal: j.enumerationComma),
      marker: markerRegex,
      headingMaxChars: positive(j.headingMaxChars, "heading_max_chars"),
      headingMaxEnumerationCommas: max(0, j.headingMaxEnumerationCommas.value),
      fullLineQuantile: unit(j.fullLineQuantile, "full_line_quantile"),
      fullLineRatio: unit(j.fullLineRatio, "full_line_ratio"),
      minLinesForTypical: positive(j.minLinesForTypical, "min_lines_for_typical"),
      maxIterations: positive(j.maxIterations, "max_iterations"),
      titleOpeners: j.titleOpeners.map { Array($0.unicodeScalars) }.filter { !$0.isEmpty },
      titleEndings: j.titleEndings.map { Array($0.unicodeScalars) }.filter { !$0.isEmpty },
      titleMaxChars: positive(j.titleMaxChars, "title_max_chars"),
      tableHeader: j.tableHeader.value.map { Array($0.unicodeScalars.filter { $0 != " " }) },
      fieldLabelMax: max(0, j.fieldLabelMax.value),
      addressStarts: j.addressStarts.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
      statementEndings: j.statementEndings.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
      dateLine: dateLineRegex,
      docNumberLine: docNumberLineRegex,
      attachmentLine: attachmentLineRegex,
      pageDateLine: pageDateLineRegex,
      headingMaxCharsWithCommas: max(0, j.headingMaxCharsWithCommas?.value ?? 0))
    if let v = j.headingMaxCharsWithCommas, v.value < 0 {
      bad(v.location, "line_join.heading_max_chars_with_commas must be 0 or more")
    }
    if j.fieldLabelMax.value < 0 { bad(j.fieldLabelMax.location, "line_join.field_label_max must be 0 or more") }
    if lj.tableHeader.contains(where: \.isEmpty) { bad(j.tableHeader.location, "line_join.table_header: a word is empty") }
    lineJoin = lj

    // Doc numbers
    let d = raw.docNumber
    var docRegex: RuleRegex? = nil
    do {
      let r = try RuleRegex(id: "doc_number", pattern: d.pattern, file: file)
      let probe = try? r.matcher()
      if probe?.groupNumber(named: "open") == nil || probe?.groupNumber(named: "close") == nil {
        bad(d.pattern.location, "doc_number.pattern must have named groups (?<open>…) and (?<close>…)")
      }
      docRegex = r
    } catch { problems.append(error) }
    guard let docRegex else { throw RuleErrors(problems) }
    docNumber = docRegex
    let o = Array(d.open.unicodeScalars), c = Array(d.close.unicodeScalars)
    if o.count != 1 || c.count != 1 { bad(d.pattern.location, "doc_number.open and .close must be one character each") }
    docNumberOpen = o.first ?? "〔"
    docNumberClose = c.first ?? "〕"

    // Width
    let w = raw.width
    var chinese: [UInt32: Unicode.Scalar] = [:]
    for (k, v) in w.chinesePunctuation.value {
      let ks = Array(k.unicodeScalars), vs = Array(v.unicodeScalars)
      guard ks.count == 1, vs.count == 1, ks[0].isASCII else {
        bad(w.chinesePunctuation.location, "width.chinese_punctuation: '\(k)' → '\(v)' must map one ASCII character to one character")
        continue
      }
      chinese[ks[0].value] = vs[0]
    }
    var small: [UInt32: Unicode.Scalar] = [:]
    for (k, v) in w.smallForms.value {
      let ks = Array(k.unicodeScalars), vs = Array(v.unicodeScalars)
      guard ks.count == 1, vs.count == 1, (0xFE50...0xFE6F).contains(ks[0].value) else {
        bad(w.smallForms.location, "width.small_forms: '\(k)' → '\(v)' must map one small form variant (U+FE50–U+FE6F) to one character")
        continue
      }
      small[ks[0].value] = vs[0]
    }
    width = Width(foldToASCII: set(w.foldToASCII, "width.fold_to_ascii"), chinese: chinese, smallForms: small,
                  fixMixedQuotes: w.fixMixedQuotes)
    for v in width.foldToASCII.members where !(0xFF01...0xFF5E).contains(v) {
      bad(w.foldToASCII.location, "width.fold_to_ascii: U+\(String(v, radix: 16, uppercase: true)) is not a full-width ASCII form (U+FF01–U+FF5E)")
      break
    }
    for full in chinese.values where width.foldToASCII.contains(full) {
      bad(w.foldToASCII.location, "width.fold_to_ascii lists '\(full)', which chinese_punctuation keeps full-width")
      break
    }
    numericTail = ScalarSet(literal: raw.cjkSpacing.numericTail)
    removeBetweenCJKAndLatin = raw.cjkSpacing.removeBetweenCJKAndLatin
    listLabels = (raw.cjkSpacing.listLabels ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    let separators = ScalarSet(literal: raw.tables.cellSeparators.value)
    func punctuationOrSymbol(_ v: UInt32) -> Bool {
      switch Unicode.Scalar(v)?.properties.generalCategory {
      case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
        .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return true
      default: return false
      }
    }
    for c in separators.members where !punctuationOrSymbol(c) {
      bad(raw.tables.cellSeparators.location, "tables.cell_separators: U+\(String(c, radix: 16, uppercase: true)) is not a punctuation mark or symbol (line breaks, spaces, letters and digits cannot separate cells)")
      break
    }
    if raw.tables.cellSpaceMinRun.value < 0 {
      bad(raw.tables.cellSpaceMinRun.location, "tables.cell_space_min_run must be 0 or more")
    }
    if let f = raw.flattenedLines {
      for (v, key) in [(f.minLineLength, "min_line_length"), (f.minBreaks, "min_breaks"), (f.minMeanSegment, "min_mean_segment")]
      where v.value < 1 {
        bad(v.location, "flattened_lines.\(key) must be 1 or more")
      }
      if let v = f.tableMinColumns, v.value < 0 { bad(v.location, "flattened_lines.table_min_columns must be 0 or more") }
      if let v = f.tableColumnMaxLength, v.value < 1 { bad(v.location, "flattened_lines.table_column_max_length must be 1 or more") }
      if f.tableMinColumns.map({ $0.value > 0 }) ?? false, lineJoin.tableHeader.isEmpty, let v = f.tableMinColumns {
        bad(v.location, "flattened_lines.table_min_columns needs line_join.table_header (the words a table's header starts with)")
      }
      flattenedLines = FlattenedLinesRules(
        minLineLength: max(1, f.minLineLength.value), minBreaks: max(1, f.minBreaks.value),
        minMeanSegment: max(1, f.minMeanSegment.value), tableMinColumns: max(0, f.tableMinColumns?.value ?? 0),
        tableColumnMaxLength: max(1, f.tableColumnMaxLength?.value ?? 16))
      if let e = f.signatureEndings {
        if e.value.contains(where: { $0.isEmpty || $0.unicodeScalars.contains(where: { !isIdeographic($0) }) }) {
          bad(e.location, "flattened_lines.signature_endings must be Chinese words (an issuer's name ends with one), found \(e.value)")
        }
        flattenedLines?.signatureEndings = e.value.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
      }
      flattenedLines?.recipientsAfterTitle = f.recipientsAfterTitle ?? false
      if let w = f.recipientsWords {
        if w.value.contains(where: { $0.isEmpty || $0.unicodeScalars.contains(where: { !isIdeographic($0) }) }) {
          bad(w.location, "flattened_lines.recipients_words must be Chinese words (a recipients line holds one), found \(w.value)")
        }
        flattenedLines?.recipientsWords = w.value.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
      }
    }
    tables = Tables(cellSeparators: separators, cellSpaceMinRun: max(0, raw.tables.cellSpaceMinRun.value),
                    spaceRows: raw.tables.spaceRows ?? false)
    if let b = raw.tables.barCells {
      if b.minBars.value < 2 { bad(b.minBars.location, "tables.bar_cells.min_bars must be 2 or more") }
      if b.maxLines.value < 2 { bad(b.maxLines.location, "tables.bar_cells.max_lines must be 2 or more (a cell of one line needs no joining)") }
      if separators.isEmpty { bad(b.minBars.location, "tables.bar_cells needs tables.cell_separators (the characters of a bar line)") }
      tables.barCells = BarCells(minBars: b.minBars.value, maxLines: b.maxLines.value)
    }

    if !problems.isEmpty { throw RuleErrors(problems) }
  }

  /// The BMP Han blocks that `changingTable` looks at.
  static let changingTableRanges: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF]

  /// `changingTable(_:)` for a transliterator whose rules are `phrases`: each character applied
  /// alone through the table.
  static func changingTable(_ phrases: PhraseMap) -> ScalarSet {
    var set = ScalarSet()
    var one: [Unicode.Scalar] = [" "]
    for r in changingTableRanges {
      for v in r {
        guard let s = Unicode.Scalar(v) else { continue }
        one[0] = s
        phrases.apply(&one)
        if one[0] != s { set.insert(v) }
      }
    }
    return set
  }

  /// Which BMP Han characters change under `tr` when transliterated alone (computed once per load).
  static func changingTable(_ tr: ICUTransliterator) throws(ICUError) -> ScalarSet {
    var set = ScalarSet()
    for r in changingTableRanges {
      // one character per line, so phrase rules cannot fire across characters
      var text = String.UnicodeScalarView()
      for v in r { if let s = Unicode.Scalar(v) { text.append(s); text.append("\n") } }
      let out = Array(try tr.transliterate(String(text)).unicodeScalars)
      var i = 0
      for v in r {
        // walk line by line
        var line: [Unicode.Scalar] = []
        while i < out.count, out[i] != "\n" { line.append(out[i]); i += 1 }
        i += 1
        if line.count != 1 || line[0].value != v { set.insert(v) }
      }
    }
    return set
  }
}

