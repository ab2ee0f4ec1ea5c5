import GongwenCore
import ICUKit

/// How the number inside a marker is written.
public enum Numerals: String, Sendable, CaseIterable {
  /// 1, 12, 123 (half- or full-width digits).
  case arabic
  /// 一, 十二, 二十五, 一百零二, and digit strings such as 二〇一一.
  case chinese
  /// One enclosed character: ① … ⑳, ㉑ … ㊿, ❶ … ❿, ⑴ … ⒇, ⒈ … ⒛, ㈠ … ㈩.
  case circled
  /// A/a = 1 … Z/z = 26.
  case latin
  /// Arabic numbers joined by dots (2.4.9, the sections of an emergency plan): the last is the number,
  /// the ones before it the numbers of its ancestors.
  case decimal
}

/// Compiled rules for the segment stage, from `Rules/segment.yaml`.
public struct SegmentRules: RuleFile {
  public static let fileName = "segment.yaml"

  // MARK: Raw YAML

  /// The YAML as written. Unknown keys are rejected by the loader.
  public struct Raw: Decodable, Sendable {
    public var version: Int
    public var schemes: [RawScheme]
    public var sequence: RawSequence
    public var heading: RawHeading
    public var metadata: RawMetadata
    public var tables: RawTables
  }

  public struct RawTables: Decodable, Sendable {
    public var header: Located<[String]>
    public var task_columns: Located<[String]>
    public var task_column_words: Located<[String]>
    public var column_max_length: Located<Int>
    public var column_qualifiers: [String]?
    public var wrapped_columns: [String]?
    public var leading_columns: [String]?
    public var total_words: [String]?
    public var number_column_words: [String]?
    public var row: RawRow
    public var attachment: RawRow?
    /// Optional: a table's title line standing right above its header with no attachment label, read as an
    /// attachment without a number (`marker`).
    public var titled_attachment: RawTitledAttachment?
    /// Optional: how many lines above a table's header its attachment line may stand (default 2).
    public var attachment_lines_above: Located<Int>?
    /// Optional: endings of a department column's name that make a header without a task column a table's, its first
    /// column the task column.
    public var department_column_endings: [String]?
    /// Optional: endings of a first column's name that keep it from being that task column (a column of officials).
    public var person_column_endings: [String]?
    /// Optional: a category row numbered with a bare numeral on a line of its own inside a table (`一` / its title / then
    /// rows `1`…), read as a marker of scheme `scheme`.
    public var section_row: RawSectionRow?
    /// Optional: a table run together with no separator between its cells (`run_together`).
    public var run_together: RawRunTogether?
  }

  public struct RawRunTogether: Decodable, Sendable {
    /// Longest header (the column names glued after the header word), in characters.
    public var header_max_length: Located<Int>
    /// Characters that, right after a number, make it a count or a date (`3个`, `2021年`), never a row's number.
    public var counters: String
  }

  public struct RawSectionRow: Decodable, Sendable {
    public var pattern: Located<String>
    public var scheme: Located<String>
    /// Optional: lines a scrape prints where the first category number belongs (`—` for `一`).
    public var first_lookalikes: [String]?
  }

  public struct RawTitledAttachment: Decodable, Sendable {
    public var pattern: Located<String>
    public var marker: Located<String>
  }

  public struct RawRow: Decodable, Sendable {
    public var id: Located<String>
    public var pattern: Located<String>
    public var rank: Located<Int>
    public var max: Located<Int>
  }

  public struct RawScheme: Decodable, Sendable {
    public var id: Located<String>
    public var pattern: Located<String>
    /// Optional: a wider pattern whose matches count only as the expected next number.
    public var pattern_if_expected: Located<String>?
    public var numerals: Located<String>
    public var rank: Located<Int>
    public var inline: Bool
    public var max: Located<Int>
    public var whole_paragraphs: Bool?
    /// Optional: how a marker of this scheme is written in the output (`{n}.`, `（{zh}）`).
    public var canonical: Located<String>?
  }

  public struct RawSequence: Decodable, Sendable {
    public var max_gap: Located<Int>
    public var plan_after_signature: Bool
    public var attached_plans: Bool?
    /// Optional: words that head a table of contents (目录); its entries are no clauses.
    public var table_of_contents: [String]?
    public var inline_after: String
    /// Optional: labels of a field (责任单位：…完成时限：…) after whose value an expected next sibling may start inline.
    public var inline_after_labels: [String]?
    /// Optional: labels of a task's other fields (牵头领导：…, 完成时限：…) whose lines may stand among its label lines.
    public var field_line_labels: [String]?
    public var attribution: Located<String>
    public var heading_gap: Located<Int>
    public var heading_gap_punctuation: String?
    /// Optional: quotation marks such a heading may hold, neutral (合理配置医疗资源，打好“强基层”基础1.…).
    public var heading_gap_quotes: String?
    /// Optional: longest bracketed note (characters inside) that may end such a heading (回眸“十二五”(集中在8月份)1.…).
    public var heading_gap_note_max: Located<Int>?
    /// Optional: how many paragraphs after the last clause's own are searched for one that closes with an attribution.
    public var attributed_paragraphs_after_last: Located<Int>?
  }

  public struct RawHeading: Decodable, Sendable {
    public var max_length: Located<Int>
    public var terminators: String
    public var sentence_marks: String
    public var trim_trailing: String
    public var run_on_titles: [String]
    public var run_on_openers: [String]?
    public var label_max_length: Located<Int>?
    public var duty_lines: Located<String>?
    public var label_title_exclude: Located<String>?
  }

  public struct RawDate: Decodable, Sendable {
    public var id: Located<String>
    public var pattern: Located<String>
    public var anywhere: Bool
  }

  public struct RawMetadata: Decodable, Sendable {
    public var title_starts: Located<[String]>
    public var forward_starts: [String]
    public var title_endings: Located<[String]>
    public var title_max_length: Located<Int>
    public var title_stops: String
    public var title_quotes: Located<[String]>
    public var doc_number: Located<String>
    public var decree_number: Located<String>?
    public var issuer: Located<String>
    /// Optional: characters joining two issuers written before a title word (`卫生部、轻工部…关于…`).
    public var title_issuer_joiners: String?
    /// Optional: what may close the issuers before a title word (`教育部等十部门关于…`, `…管理局等部门关于…`).
    public var title_issuer_tail: Located<String>?
    /// Optional: how an issuer starts that a signature line runs on into after another with no space between them
    /// (`中共柳河县委柳河县人民政府`): the line is read as both, joined by a space.
    public var issuer_joint_start: Located<String>?
    /// Optional: heads of a national body whose local branch is written after it as one name (`国家税务总局上海市税务局`).
    public var issuer_branch_heads: [String]?
    /// Optional: a regulation's passage note in its preamble, with named groups y, m, d and issuer (`2021年11月26日
    /// 丽水市第四届人民代表大会常务委员会第三十四次会议通过`): the date and issuer where no signature gives them.
    public var passage_note: Located<String>?
    /// Optional: a bracketed note after a title's ending that belongs to the title (`…实施方案（2024-2026年）`, `（试行）`).
    public var title_end_note: Located<String>?
    /// Optional: labels of a page's title field (`标题：…`) whose value is the title when no line starts with a title word.
    public var title_field_labels: [String]?
    /// Optional: endings of a line that is a title on its own (`大同市殡葬管理办法`), for a notice with no other title.
    public var standalone_title_endings: [String]?
    public var dates: [RawDate]
    public var published_labels: [String]
    /// Optional: short labels of a page's date (时间, 日期) that count as `published_labels` only in the preamble, standing alone.
    public var published_bare_labels: [String]?
    /// Optional: labels of a page's issuer field (发布单位：上海市…办公室, 【发布部门】…).
    public var issuer_labels: [String]?
    /// Optional: a line between a signature's issuer and its date that is no issuer (（国家知识产权局代章）).
    public var seal_note: Located<String>?
    public var date_labels: [String]
    public var recipient_cues: Located<String>
    public var recipients_max_length: Located<Int>
    public var recipients_short_max: Located<Int>
    public var recipients_short_starts: [String]
    public var field_labels: [String]
    /// Optional: words between a forwarded document's issuer and its quoted name in a forwarding title (制订的).
    public var forward_issuer_tails: [String]?
    /// Optional: words that open a citation of another document's number (根据X〔…〕号).
    public var doc_number_citing_words: [String]?
    public var recipient_exclude: Located<String>
    public var attachment: Located<String>
    public var closing_lines: Located<String>
  }

  // MARK: Compiled

  /// One numbering scheme.
  public struct Scheme: Sendable {
    public let id: String
    public let numerals: Numerals
    public let rank: Int
    public let inline: Bool
    public let max: Int
    /// A clause of this scheme holds every paragraph up to the next marker, the last one too, up to the
    /// closing block (an article: 第三条…⏎主要街道由…负责…⏎责任书应当…); otherwise the last clause ends with
    /// its own paragraph unless its marker line is a heading.
    public var wholeParagraphs = false
    /// How a marker is written in the output (`1、` and `1．` both as `1.`), or nil to keep it as written.
    public var canonical: MarkerTemplate? = nil
    /// Capture group numbers of this scheme's branch and its number inside the combined `scanRegex`
    /// (0 for the table row, which is not part of that pass).
    var branchGroup = 0
    var numberGroup = 0
    /// The same for `pattern_if_expected` (0 when the scheme has none).
    var expectedBranchGroup = 0
    var expectedNumberGroup = 0
  }

  /// Flattened tables (`tables` in the YAML): how a header row is recognised and a row numbered.
  public struct Tables: Sendable {
    /// Words of the header's first cell (`序号`), each the whole line.
    public let header: [[Unicode.Scalar]]
    /// Names of the column holding the task text; a header needs one.
    let taskColumns: [[Unicode.Scalar]]
    /// Words a task column's name holds when no column is named in `taskColumns`.
    let taskColumnWords: [[Unicode.Scalar]]
    let columnMaxLength: Int
    /// Column lines that only qualify the next (a header cell wrapped over two lines: `市政府` /
    /// `分管领导`): joined to it.
    let columnQualifiers: [[Unicode.Scalar]]
    /// Column names a header may print over two lines (`牵头` / `部门`, `完成` / `时间`): two lines that together
    /// make one of them are that one column.
    let wrappedColumns: [[Unicode.Scalar]]
    /// Names of a column written before `序号` (`分类`): its cells stand once per group of rows, the first
    /// one between the header and the first row, where it would read as one more column name.
    let leadingColumns: [[Unicode.Scalar]]
    /// A line holding only one of these (`总分`, `合计`) starts a totals row: it ends the header, and the
    /// number on the line after it is no row.
    let totalWords: [[Unicode.Scalar]]
    /// Words of a column's name that make it a column of numbers (`分值`): a number in its cell is never
    /// a row number.
    let numberColumnWords: [[Unicode.Scalar]]
    /// The row number, matched against a whole trimmed line, with its number group.
    let row: RuleRegex
    let rowNumberGroup: Int
    /// Index of the table-row scheme in `schemes` (after every scanned scheme).
    public let rowScheme: Int
    /// The `附件1` line above a table's header (matched against a whole trimmed line, with its number
    /// group), and the index of its scheme in `schemes`; nil when the rules have none.
    public let attachment: RuleRegex?
    let attachmentNumberGroup: Int
    public let attachmentScheme: Int?
    /// The characters an attachment line can start with (`PatternFirstCharacters`), to try the regex only on those lines;
    /// nil: every line is tried.
    var attachmentFirst: ScalarSet? = nil
    /// `tables.titled_attachment`: a title line right above a header, with no attachment label, that makes the table an
    /// attachment without a number, and the marker it is given; nil when the rules have none.
    var titledAttachment: RuleRegex? = nil
    var titledAttachmentMarker: String = ""
    /// `tables.attachment_lines_above`: the lines above a header searched for its attachment line.
    var attachmentLinesAbove: Int = 2
    /// `tables.department_column_endings`; empty when absent.
    var departmentColumnEndings: [[Unicode.Scalar]] = []
    /// `tables.person_column_endings`; empty when absent.
    var personColumnEndings: [[Unicode.Scalar]] = []
    /// `tables.section_row`: a bare category number on a line of its own inside a table (matched against the whole trimmed
    /// line, with its number group), and the index of the scheme it is read as; nil when the rules have none.
    var sectionRow: RuleRegex? = nil
    var sectionRowNumberGroup: Int = 0
    var sectionRowScheme: Int = 0
    /// `tables.section_row.first_lookalikes`: a line wholly one of these, right after a table's header, is its first
    /// category row (`—` for `一`); empty when absent.
    var sectionRowFirstLookalikes: [[Unicode.Scalar]] = []
    /// `tables.run_together`: the longest glued header, and what after a number makes it a count; nil when absent.
    var runTogetherHeaderMax: Int? = nil
    var runTogetherCounters = ScalarSet()

    /// A category column's name: a `leading_columns` word of two characters or more at the end of a longer name (`改革领域`,
    /// `任务类型`).
    func namesACategory<C: BidirectionalCollection>(_ name: C) -> Bool where C.Element == Unicode.Scalar {
      leadingColumns.contains { w in w.count >= 2 && name.count > w.count && name.suffix(w.count).elementsEqual(w) }
    }
  }

  public struct DatePattern: Sendable {
    public let id: String
    /// This pattern alone (used on short strings such as a page's publish date).
    public let regex: RuleRegex
    public let anywhere: Bool
    let y: Int, m: Int, d: Int
    /// Group numbers of this pattern's branch and its y/m/d inside the combined `scanRegex`.
    var branch = 0, cy = 0, cm = 0, cd = 0
  }

  /// The numbering schemes; the last one is the table row (`tables.row`), found only inside tables.
  public let schemes: [Scheme]
  public let tables: Tables
  /// Every pattern that must see the whole document — all scheme markers, all dates, attachment and
  /// closing lines — as one alternation, so a document is loaded into ICU and scanned once.
  let scanRegex: RuleRegex
  /// The patterns combined in `scanRegex`, each on its own: when the combined pass hits the time
  /// limit, they are tried one by one to name the rule (file and line) that caused it.
  let scanParts: [RuleRegex]
  /// `scanRegex` one alternative at a time, each with the characters its matches can start with
  /// (`PatternFirstCharacters`) and where its groups sit in `scanRegex`'s numbering; nil when some
  /// alternative's first characters are unknown (then the combined pattern runs). See
  /// `SegmentRun.scanMatches`.
  let scanBranches: [ScanBranch]?
  /// The branches each character can start (set together with `scanBranches`).
  let scanDispatch: ScanDispatch?
  /// Number of capture groups in `scanRegex`.
  let scanGroupCount: Int
  /// Group numbers of the attachment and closing-line branches in `scanRegex`.
  let attachmentGroup: Int
  let closingGroup: Int
  public let maxGap: Int
  /// A plan after the cover notice's signature takes the tasks from numbered cover requirements.
  public let planAfterSignature: Bool
  /// Plans attached after a body of clauses (`附件1` / title / `一、`) are read under the attachment's own level.
  public let attachedPlans: Bool
  /// Words heading a table of contents (`目录`): the numbered entries after one, up to where the body numbers its first entry
  /// again, are no clauses.
  let tableOfContents: [[Unicode.Scalar]]
  let inlineAfter: ScalarSet
  let inlineAfterLabels: [[Unicode.Scalar]]
  /// Labels of a task's other fields (`牵头领导：`, `完成时限：`): a line starting with one and its colon, among the label lines
  /// after the last clause, is that clause's.
  let fieldLineLabels: [[Unicode.Scalar]]
  public let attributionRegex: RuleRegex
  public let headingGap: Int
  /// Paragraphs after the last clause's own paragraph searched for one closing with a department attribution; that
  /// paragraph and those before it are the clause's (0: none).
  public let attributedParagraphsAfterLast: Int
  /// Punctuation a heading between a marker and its first inline child may hold (a comma).
  let headingGapPunctuation: ScalarSet
  let headingGapQuotes: ScalarSet
  /// Longest bracketed note ending a heading between a marker and its first inline child (0: none).
  let headingGapNoteMax: Int
  public let headingMaxLength: Int
  /// Longest title before a colon that introduces the lines after the last clause (0: off).
  public let labelMaxLength: Int
  /// A paragraph after the last clause that starts like a department's duties (`公安部门负责…`): the clause's, as its
  /// lines of duties go on (nil: off).
  public let dutyLines: RuleRegex?
  public let labelTitleExclude: RuleRegex?
  let headingTerminators: ScalarSet
  let sentenceMarks: ScalarSet
  let headingTrim: ScalarSet
  /// Section titles recognised at the start of a run-on marker line (`一、总体要求全面贯彻…`).
  let runOnTitles: [[Unicode.Scalar]]
  /// Words opening a body that a scrape ran together with its title (`（二）明确网格监管工作重点一是加强巡查报告。`).
  let runOnOpeners: [[Unicode.Scalar]]

  let titleStarts: [[Unicode.Scalar]]
  let forwardStarts: [[Unicode.Scalar]]
  let titleEndings: [[Unicode.Scalar]]
  let titleMaxLength: Int
  let titleStops: ScalarSet
  /// Quotation pairs a title may contain (`关于印发《…》的通知`): opening scalar → closing scalar.
  /// A recipients segment of at most this many characters must start with one of `recipientsShortStarts`.
  let recipientsShortMax: Int
  let recipientsShortStarts: [[Unicode.Scalar]]
  /// Labels of a page's information fields (标题, 文号): a title or doc number starts after them.
  let fieldLabels: [[Unicode.Scalar]]
  /// `forward_issuer_tails`, longest first.
  let forwardIssuerTails: [[Unicode.Scalar]]
  /// `doc_number_citing_words`.
  let docNumberCitingWords: [[Unicode.Scalar]]
  let titleQuotes: [Unicode.Scalar: Unicode.Scalar]
  let docNumberRegex: RuleRegex
  /// A decree's number (北京市人民政府令 / 第233号), looked for where the preamble has no `docNumberRegex` match.
  let decreeNumberRegex: RuleRegex?
  /// Where `docNumberRegex` / `recipientCueRegex` matches can start (nil: ICU's `find` alone).
  let docNumberSearch: AnchoredSearch?
  let recipientCueSearch: AnchoredSearch?
  /// The issuer pattern anchored to the end of a line: use `lookingAt` at the trimmed line start.
  let issuerLineRegex: RuleRegex
  /// `issuer_joint_start`, for `lookingAt` at a point inside a signature's issuer line.
  let issuerJointStartRegex: RuleRegex?
  /// `issuer_branch_heads`.
  let issuerBranchHeads: [[Unicode.Scalar]]
  /// `passage_note` and its groups.
  let passageNote: PassageNote?
  struct PassageNote: Sendable {
    let regex: RuleRegex
    let y: Int, m: Int, d: Int, issuer: Int
  }
  /// The issuer pattern followed by a title start (临沂市人民政府办公室关于…): `lookingAt` at the line start. Several issuers
  /// joined by `title_issuer_joiners` and closed by `title_issuer_tail` count as one (`教育部等十部门关于…`).
  let issuerPrefixRegex: RuleRegex
  /// A bracketed note after a title's ending that is part of the title (`（2024-2026年）`, `（试行）`): `lookingAt` right after it.
  let titleEndNoteRegex: RuleRegex?
  /// Labels of a page's title field (`标题`): its value is the title when no line starts with a title word.
  let titleFieldLabels: [[Unicode.Scalar]]
  /// Endings of a preamble line that is a title on its own (`办法`, `规定`): the title of a notice with no other.
  let standaloneTitleEndings: [[Unicode.Scalar]]
  public let dates: [DatePattern]
  let publishedLabels: [[Unicode.Scalar]]
  /// `published_bare_labels`.
  let publishedBareLabels: [[Unicode.Scalar]]
  let issuerLabels: [[Unicode.Scalar]]
  let sealNoteRegex: RuleRegex?
  let dateLabels: [[Unicode.Scalar]]
  let recipientCueRegex: RuleRegex
  let recipientsMaxLength: Int
  let recipientExcludeRegex: RuleRegex
  let attachmentRegex: RuleRegex
  let closingLinesRegex: RuleRegex

  public init(raw: Raw, file: String) throws(RuleErrors) {
    var problems: [RuleProblem] = []
    func at(_ loc: RuleLocation?) -> RuleLocation { loc ?? RuleLocation(file: file, line: 1, column: 1) }
    guard raw.version == 1 else {
      throw RuleErrors([RuleProblem(RuleLocation(file: file, line: 1, column: 1), code: "R005",
                                    "unsupported rules version \(raw.version); this Gongwen reads version 1")])
    }
    func compile(_ id: String, _ p: Located<String>, _ options: ICURegex.Options = []) -> RuleRegex? {
      do { return try RuleRegex(id: id, pattern: p, file: file, options: options) } catch {
        problems.append(error)
        return nil
      }
    }
    /// A pattern matched against a whole trimmed line (`$` appended) with a `(?<num>…)` group: the regex and the group's
    /// number; nil (and a problem) when it does not compile or has no such group.
    func numberedLine(_ id: String, _ p: Located<String>) -> (regex: RuleRegex, group: Int)? {
      guard let r = compile(id, Located("(?:\(p.value))$", location: p.location)) else { return nil }
      guard let m = try? r.matcher(), let g = m.groupNumber(named: "num") else {
        problems.append(RuleProblem(at(p.location), code: "R005", "\(id): pattern needs a named group (?<num>...) around the number"))
        return nil
      }
      return (r, g)
    }
    func positive(_ v: Located<Int>, _ what: String, allowZero: Bool = false) -> Int {
      if v.value < (allowZero ? 0 : 1) {
        problems.append(RuleProblem(at(v.location), code: "R005",
                                    "\(what) must be \(allowZero ? "zero or more" : "at least 1"), found \(v.value)"))
      }
      return v.value
    }

    // Schemes: validate each, then build the combined alternation.
    var schemes: [Scheme] = []
    var branches: [String] = []
    // the wider `pattern_if_expected` alternatives go after every strict one, so that a strict
    // match at the same place wins
    var expectedBranches: [String] = []
    var scanPartsList: [RuleRegex] = []
    var seen: Set<String> = []
    if raw.schemes.isEmpty {
      problems.append(RuleProblem(RuleLocation(file: file, line: 1, column: 1), code: "R005",
                                  "'schemes' must list at least one numbering scheme"))
    }
    for s in raw.schemes {
      let id = s.id.value
      if id.isEmpty || !seen.insert(id).inserted {
        problems.append(RuleProblem(at(s.id.location), code: "R005", "scheme id '\(id)' is empty or used twice"))
      }
      guard let numerals = Numerals(rawValue: s.numerals.value) else {
        problems.append(RuleProblem(at(s.numerals.location), code: "R005",
                                    "scheme '\(id)': numerals must be one of \(Numerals.allCases.map(\.rawValue).joined(separator: ", ")), found '\(s.numerals.value)'"))
        continue
      }
      let max = positive(s.max, "scheme '\(id)': max")
      guard let single = compile("schemes.\(id)", s.pattern) else { continue }
      guard let m = try? single.matcher(), m.groupNumber(named: "num") != nil else {
        problems.append(RuleProblem(at(s.pattern.location), code: "R005",
                                    "scheme '\(id)': pattern needs a named group (?<num>...) around the number"))
        continue
      }
      scanPartsList.append(single)
      let k = schemes.count
      let renamed = s.pattern.value.replacingAll("(?<num>", with: "(?<n\(k)x>")
      branches.append("(?<s\(k)x>\(renamed))")
      if let loose = s.pattern_if_expected {
        if let single = compile("schemes.\(id).pattern_if_expected", loose) {
          if (try? single.matcher())?.groupNumber(named: "num") == nil {
            problems.append(RuleProblem(at(loose.location), code: "R005",
                                        "scheme '\(id)': pattern_if_expected needs a named group (?<num>...) around the number"))
          }
          scanPartsList.append(single)
          expectedBranches.append("(?<e\(k)x>\(loose.value.replacingAll("(?<num>", with: "(?<f\(k)x>")))")
        }
      }
      var template: MarkerTemplate? = nil
      if let c = s.canonical {
        template = MarkerTemplate(c.value)
        if template == nil {
          problems.append(RuleProblem(at(c.location), code: "R005",
                                      "scheme '\(id)': canonical must hold {n} (Arabic digits) or {zh} (Chinese numerals) once, found '\(c.value)'"))
        }
      }
      schemes.append(Scheme(id: id, numerals: numerals, rank: s.rank.value, inline: s.inline, max: max,
                            wholeParagraphs: s.whole_paragraphs ?? false, canonical: template))
    }

    let maxGap = positive(raw.sequence.max_gap, "sequence.max_gap", allowZero: true)
    let headingGap = positive(raw.sequence.heading_gap, "sequence.heading_gap", allowZero: true)
    let attributedAfterLast = raw.sequence.attributed_paragraphs_after_last.map {
      positive($0, "sequence.attributed_paragraphs_after_last", allowZero: true)
    } ?? 0
    let headingNoteMax = raw.sequence.heading_gap_note_max.map {
      positive($0, "sequence.heading_gap_note_max", allowZero: true)
    } ?? 0
    let attribution = compile("sequence.attribution", raw.sequence.attribution)
    let headingMax = positive(raw.heading.max_length, "heading.max_length")
    let labelMax = raw.heading.label_max_length.map { positive($0, "heading.label_max_length", allowZero: true) } ?? 0
    let dutyLines = raw.heading.duty_lines.flatMap { compile("heading.duty_lines", $0) }
    let labelTitleExclude = raw.heading.label_title_exclude.flatMap { compile("heading.label_title_exclude", $0) }

    let md = raw.metadata
    func words(_ l: Located<[String]>, _ what: String) -> [[Unicode.Scalar]] {
      let w = l.value.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
      if w.isEmpty { problems.append(RuleProblem(at(l.location), code: "R005", "\(what) must list at least one word")) }
      return w
    }
    let titleStarts = words(md.title_starts, "metadata.title_starts")
    let titleEndings = words(md.title_endings, "metadata.title_endings")
    let titleMax = positive(md.title_max_length, "metadata.title_max_length")
    var titleQuotes: [Unicode.Scalar: Unicode.Scalar] = [:]
    for pair in md.title_quotes.value {
      let sc = Array(pair.unicodeScalars)
      guard sc.count == 2 else {
        problems.append(RuleProblem(at(md.title_quotes.location), code: "R005",
                                    "metadata.title_quotes: '\(pair)' must be two characters, the opening and the closing mark"))
        continue
      }
      titleQuotes[sc[0]] = sc[1]
    }
    let docNumber = compile("metadata.doc_number", md.doc_number)
    let decreeNumber = md.decree_number.flatMap { compile("metadata.decree_number", $0) }
    let sealNote = md.seal_note.flatMap { compile("metadata.seal_note", Located("(?:\($0.value))\\h*$", location: $0.location), [.multiline]) }
    let issuerLine = compile("metadata.issuer",
                             Located("(?:\(md.issuer.value))\\h*$", location: md.issuer.location), [.multiline])
    let startsAlt = md.title_starts.value.filter { !$0.isEmpty }.map { "\\Q\($0)\\E" }.joined(separator: "|")
    // (issuers joined before a title word, perhaps closed by 等N部门: 卫生部、轻工部…关于, 教育部等十部门关于)
    let joiners = (md.title_issuer_joiners ?? "").unicodeScalars.map { "\\x{" + String($0.value, radix: 16) + "}" }
    let joined = joiners.isEmpty ? "" : "(?:[\(joiners.joined())]\\h*(?:\(md.issuer.value)))*"
    let tail = md.title_issuer_tail.map { "(?:\($0.value))?" } ?? ""
    let issuerPrefix = compile("metadata.issuer",
                               Located("(?:\(md.issuer.value))\(joined)\(tail)\\h*(?=(?:\(startsAlt)))", location: md.issuer.location))
    let titleEndNote = md.title_end_note.flatMap { compile("metadata.title_end_note", $0) }
    let jointStart = md.issuer_joint_start.flatMap { compile("metadata.issuer_joint_start", $0) }
    var passageNote: PassageNote? = nil
    if let p = md.passage_note, let r = compile("metadata.passage_note", p) {
      if let m = try? r.matcher(), let y = m.groupNumber(named: "y"), let mo = m.groupNumber(named: "m"),
        let dd = m.groupNumber(named: "d"), let who = m.groupNumber(named: "issuer")
      {
        passageNote = PassageNote(regex: r, y: y, m: mo, d: dd, issuer: who)
      } else {
        problems.append(RuleProblem(at(p.location), code: "R005",
                                    "metadata.passage_note: pattern needs named groups (?<y>...), (?<m>...), (?<d>...) and (?<issuer>...)"))
      }
    }
    var dates: [DatePattern] = []
    for d in md.dates {
      guard let r = compile("metadata.dates.\(d.id.value)", d.pattern) else { continue }
      guard let m = try? r.matcher(), let y = m.groupNumber(named: "y"), let mo = m.groupNumber(named: "m"),
        let dd = m.groupNumber(named: "d")
      else {
        problems.append(RuleProblem(at(d.pattern.location), code: "R005",
                                    "date '\(d.id.value)': pattern needs named groups (?<y>...), (?<m>...) and (?<d>...)"))
        continue
      }
      dates.append(DatePattern(id: d.id.value, regex: r, anywhere: d.anywhere, y: y, m: mo, d: dd))
    }
    let cues = compile("metadata.recipient_cues", md.recipient_cues)
    let recMax = positive(md.recipients_max_length, "metadata.recipients_max_length")
    let exclude = compile("metadata.recipient_exclude", md.recipient_exclude)
    let attachment = compile("metadata.attachment", md.attachment, [.multiline])
    let closing = compile("metadata.closing_lines", md.closing_lines, [.multiline])

    // the one whole-document pass: markers, attachment and closing lines, dates
    var scan: RuleRegex? = nil
    var attGroup = 0, closeGroup = 0
    var scanGroups = 0
    var branchesList: [ScanBranch]? = nil
    var dispatch: ScanDispatch? = nil
    if problems.isEmpty, !branches.isEmpty, !dates.isEmpty, let attachment, let closing {
      var alts = branches + expectedBranches
      // closing lines before dates: a printing line (…2013年12月19日印发) is a closing line, not a date
      alts.append("(?<att>\(attachment.pattern))")
      alts.append("(?<close>\(closing.pattern))")
      for (i, d) in dates.enumerated() {
        let p = d.regex.pattern.replacingAll("(?<y>", with: "(?<y\(i)x>").replacingAll("(?<m>", with: "(?<m\(i)x>")
          .replacingAll("(?<d>", with: "(?<d\(i)x>")
        alts.append("(?<b\(i)x>\(p))")
      }
      let loc = raw.schemes.first?.pattern.location
      scan = compile("scan (schemes, dates, attachment, closing_lines)", Located(alts.joined(separator: "|"), location: loc),
                     [.multiline])
      if let scan, let m = try? scan.matcher() {
        func group(_ name: String) -> Int {
          if let g = m.groupNumber(named: name) { return g }
          problems.append(RuleProblem(at(loc), code: "R004", "could not combine the patterns (group \(name))"))
          return 0
        }
        for k in schemes.indices {
          schemes[k].branchGroup = group("s\(k)x")
          schemes[k].numberGroup = group("n\(k)x")
          if let e = m.groupNumber(named: "e\(k)x") {
            schemes[k].expectedBranchGroup = e
            schemes[k].expectedNumberGroup = group("f\(k)x")
          }
        }
        for i in dates.indices {
          dates[i].branch = group("b\(i)x")
          dates[i].cy = group("y\(i)x")
          dates[i].cm = group("m\(i)x")
          dates[i].cd = group("d\(i)x")
        }
        attGroup = group("att")
        closeGroup = group("close")
        scanGroups = m.groupCount
      }
      // the same alternatives one by one, for the dispatching scan
      var list: [ScanBranch] = []
      var offset = 0
      for (k, alt) in alts.enumerated() {
        guard let first = PatternFirstCharacters.of(alt),
          let r = try? RuleRegex(id: "scan branch \(k + 1)", pattern: Located(alt, location: loc), file: file,
                                 options: [.multiline]),
          let compiled = try? r.matcher()
        else { list = []; break }
        // the prefix analysis reads the same grammar; where it cannot, the first characters alone filter
        let prefix = MatchPrefix.of(alt) ?? MatchPrefix(paths: [MatchPrefix.Path(sets: [CharSet(members: first.members)], exact: false)])
        list.append(ScanBranch(regex: r, groupOffset: offset, first: first, prefix: prefix))
        offset += compiled.groupCount
      }
      if list.count == alts.count, offset == scanGroups, let d = ScanDispatch(firstSets: list.map(\.dispatchFirst), prefixes: list.map(\.prefix)) {
        branchesList = list
        dispatch = d
      }
    }

    // tables: the row scheme joins `schemes` after the scanned ones (it is not part of the scan)
    let t = raw.tables
    let tableHeader = words(t.header, "tables.header")
    let taskColumns = words(t.task_columns, "tables.task_columns")
    let taskColumnWords = words(t.task_column_words, "tables.task_column_words")
    let columnMax = positive(t.column_max_length, "tables.column_max_length")
    let rowMax = positive(t.row.max, "tables.row.max")
    if seen.contains(t.row.id.value) || t.row.id.value.isEmpty {
      problems.append(RuleProblem(at(t.row.id.location), code: "R005",
                                  "tables.row id '\(t.row.id.value)' is empty or the id of a scheme"))
    }
    let row = numberedLine("tables.row", t.row.pattern)
    let rowRegex = row?.regex
    let rowGroup = row?.group ?? 0
    let rowScheme = schemes.count
    schemes.append(Scheme(id: t.row.id.value, numerals: .arabic, rank: t.row.rank.value, inline: false, max: rowMax))
    var attachmentRegex: RuleRegex? = nil
    var attachmentGroup = 0
    var attachmentScheme: Int? = nil
    if let a = t.attachment {
      if seen.contains(a.id.value) || a.id.value.isEmpty || a.id.value == t.row.id.value {
        problems.append(RuleProblem(at(a.id.location), code: "R005",
                                    "tables.attachment id '\(a.id.value)' is empty or the id of a scheme"))
      }
      if let ranks = schemes.dropLast().map(\.rank).min(), a.rank.value >= ranks {
        problems.append(RuleProblem(at(a.rank.location), code: "R005",
                                    "tables.attachment rank \(a.rank.value) must be below every scheme's rank (the attachment is the top level)"))
      }
      if let line = numberedLine("tables.attachment", a.pattern) {
        attachmentRegex = line.regex
        attachmentGroup = line.group
      }
      attachmentScheme = schemes.count
      schemes.append(Scheme(id: a.id.value, numerals: .arabic, rank: a.rank.value, inline: false,
                            max: positive(a.max, "tables.attachment.max")))
    }
    var linesAbove = 2
    if let la = t.attachment_lines_above {
      if la.value < 1 || la.value > 5 {
        problems.append(RuleProblem(at(la.location), code: "R005", "tables.attachment_lines_above must be 1 to 5, not \(la.value)"))
      } else {
        linesAbove = la.value
      }
    }
    var titledRegex: RuleRegex? = nil
    if let ta = t.titled_attachment {
      if t.attachment == nil {
        problems.append(RuleProblem(at(ta.pattern.location), code: "R005",
                                    "tables.titled_attachment needs tables.attachment (its table is read as an attachment)"))
      }
      if ta.marker.value.isEmpty {
        problems.append(RuleProblem(at(ta.marker.location), code: "R005", "tables.titled_attachment: marker is empty"))
      }
      titledRegex = compile("tables.titled_attachment", Located("(?:\(ta.pattern.value))$", location: ta.pattern.location))
    }
    var sectionRegex: RuleRegex? = nil
    var sectionGroup = 0
    var sectionScheme = 0
    if let sr = t.section_row {
      if let k = schemes.firstIndex(where: { $0.id == sr.scheme.value }), k != rowScheme, k != attachmentScheme {
        sectionScheme = k
      } else {
        problems.append(RuleProblem(at(sr.scheme.location), code: "R005",
                                    "tables.section_row: scheme '\(sr.scheme.value)' is not the id of a numbering scheme"))
      }
      if let line = numberedLine("tables.section_row", sr.pattern) {
        sectionRegex = line.regex
        sectionGroup = line.group
      }
    }

    if let rt = t.run_together, rt.header_max_length.value < 4 || rt.header_max_length.value > 80 {
      problems.append(RuleProblem(at(rt.header_max_length.location), code: "R005",
                                  "tables.run_together.header_max_length must be 4 to 80, not \(rt.header_max_length.value)"))
    }

    guard problems.isEmpty, let rowRegex, let scan, let attribution, let docNumber, let issuerLine, let issuerPrefix, let cues, let exclude,
      let attachment, let closing
    else {
      throw RuleErrors(problems.isEmpty
        ? [RuleProblem(RuleLocation(file: file, line: 1, column: 1), code: "R005", "segment rules are incomplete")]
        : problems)
    }
    self.schemes = schemes
    self.tables = Tables(header: tableHeader, taskColumns: taskColumns, taskColumnWords: taskColumnWords, columnMaxLength: columnMax,
                         columnQualifiers: (t.column_qualifiers ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
                         wrappedColumns: (t.wrapped_columns ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
                         leadingColumns: (t.leading_columns ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
                         totalWords: (t.total_words ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
                         numberColumnWords: (t.number_column_words ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
                         row: rowRegex,
                         rowNumberGroup: rowGroup, rowScheme: rowScheme, attachment: attachmentRegex,
                         attachmentNumberGroup: attachmentGroup, attachmentScheme: attachmentScheme,
                         attachmentFirst: t.attachment.flatMap { PatternFirstCharacters.of($0.pattern.value) },
                         titledAttachment: titledRegex, titledAttachmentMarker: t.titled_attachment?.marker.value ?? "",
                         attachmentLinesAbove: linesAbove,
                         departmentColumnEndings: (t.department_column_endings ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
                         personColumnEndings: (t.person_column_endings ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
                         sectionRow: sectionRegex, sectionRowNumberGroup: sectionGroup, sectionRowScheme: sectionScheme,
                         sectionRowFirstLookalikes: (t.section_row?.first_lookalikes ?? []).filter { !$0.isEmpty }
                           .map { Array($0.unicodeScalars) },
                         runTogetherHeaderMax: t.run_together?.header_max_length.value,
                         runTogetherCounters: ScalarSet(Array((t.run_together?.counters ?? "").unicodeScalars)))
    self.scanRegex = scan
    self.scanParts = scanPartsList + dates.map(\.regex) + [attachment, closing]
    self.scanBranches = branchesList
    self.scanDispatch = dispatch
    self.scanGroupCount = scanGroups
    self.attachmentGroup = attGroup
    self.closingGroup = closeGroup
    self.maxGap = maxGap
    self.planAfterSignature = raw.sequence.plan_after_signature
    self.attachedPlans = raw.sequence.attached_plans ?? false
    self.tableOfContents = (raw.sequence.table_of_contents ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    self.inlineAfter = ScalarSet(raw.sequence.inline_after)
    self.inlineAfterLabels = (raw.sequence.inline_after_labels ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    self.fieldLineLabels = (raw.sequence.field_line_labels ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    self.headingGapPunctuation = ScalarSet(raw.sequence.heading_gap_punctuation ?? "")
    self.headingGapQuotes = ScalarSet(raw.sequence.heading_gap_quotes ?? "")
    self.headingGapNoteMax = headingNoteMax
    self.attributionRegex = attribution
    self.headingGap = headingGap
    self.attributedParagraphsAfterLast = attributedAfterLast
    self.headingMaxLength = headingMax
    self.labelMaxLength = labelMax
    self.dutyLines = dutyLines
    self.labelTitleExclude = labelTitleExclude
    self.headingTerminators = ScalarSet(raw.heading.terminators)
    self.sentenceMarks = ScalarSet(raw.heading.sentence_marks)
    self.headingTrim = ScalarSet(raw.heading.trim_trailing)
    self.runOnTitles = raw.heading.run_on_titles.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
      .sorted { $0.count > $1.count }
    self.runOnOpeners = (raw.heading.run_on_openers ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    self.titleStarts = titleStarts
    self.forwardStarts = md.forward_starts.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    self.titleEndings = titleEndings
    self.titleMaxLength = titleMax
    self.titleStops = ScalarSet(md.title_stops)
    self.titleQuotes = titleQuotes
    self.recipientsShortMax = max(0, md.recipients_short_max.value)
    self.recipientsShortStarts = md.recipients_short_starts.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    self.fieldLabels = md.field_labels.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    self.forwardIssuerTails = (md.forward_issuer_tails ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
      .sorted { $0.count > $1.count }
    self.docNumberCitingWords = (md.doc_number_citing_words ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    self.docNumberRegex = docNumber
    self.decreeNumberRegex = decreeNumber
    // (both compiled without options, which the analysis assumes)
    self.docNumberSearch = AnchoredSearch(pattern: docNumber.pattern)
    self.recipientCueSearch = AnchoredSearch(pattern: cues.pattern)
    self.issuerLineRegex = issuerLine
    self.issuerJointStartRegex = jointStart
    self.issuerBranchHeads = (md.issuer_branch_heads ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    self.passageNote = passageNote
    self.issuerPrefixRegex = issuerPrefix
    self.titleEndNoteRegex = titleEndNote
    self.titleFieldLabels = (md.title_field_labels ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
      .sorted { $0.count > $1.count }
    self.standaloneTitleEndings = (md.standalone_title_endings ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    self.dates = dates
    self.publishedLabels = md.published_labels.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    self.publishedBareLabels = (md.published_bare_labels ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    self.issuerLabels = (md.issuer_labels ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    self.sealNoteRegex = sealNote
    self.dateLabels = md.date_labels.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    self.recipientCueRegex = cues
    self.recipientsMaxLength = recMax
    self.recipientExcludeRegex = exclude
    self.attachmentRegex = attachment
    self.closingLinesRegex = closing
  }
}

extension String {
  /// Foundation-free replace of every occurrence of `target`.
  func replacingAll(_ target: String, with replacement: String) -> String {
    let t = Array(target.unicodeScalars)
    guard !t.isEmpty else { return self }
    let s = Array(unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < s.count {
      if i + t.count <= s.count, s[i..<(i + t.count)].elementsEqual(t) {
        out.append(contentsOf: replacement.unicodeScalars)
        i += t.count
      } else {
        out.append(s[i])
        i += 1
      }
    }
    return String(out)
  }
}


/// One alternative of the combined scan pattern (see `SegmentRules.scanBranches`).
struct ScanBranch: Sendable {
  let regex: RuleRegex
  /// Its group 1 is group `groupOffset + 1` of the combined pattern.
  let groupOffset: Int
  /// Characters its matches can start with.
  let first: ScalarSet
  /// What the first characters of its matches look like (a finer filter than `first`).
  let prefix: MatchPrefix

  /// The characters `ScanDispatch` lets it start at: those its prefix paths start with (every path
  /// starts with a character where `first` is known), as `CharSet`.
  var dispatchFirst: CharSet {
    if prefix.paths.allSatisfy({ !$0.sets.isEmpty }) { return prefix.paths.reduce(CharSet()) { $0.union($1.sets[0]) } }
    return CharSet(members: first.members)
  }
}

/// How a scheme's markers are written in the output: text around one placeholder for the number, `{n}` in Arabic
/// digits or `{zh}` in Chinese numerals (`{n}.` writes `1、`, `1．` and `1.` all as `1.`; `（{n}）` writes `⑴` as `（1）`).
public struct MarkerTemplate: Sendable, Equatable {
  public let before: String
  public let after: String
  public let chinese: Bool

  /// nil unless `template` holds exactly one placeholder.
  public init?(_ template: String) {
    let n = template.components(separatedBy: "{n}"), zh = template.components(separatedBy: "{zh}")
    switch (n.count, zh.count) {
    case (2, 1): (before, after, chinese) = (n[0], n[1], false)
    case (1, 2): (before, after, chinese) = (zh[0], zh[1], true)
    default: return nil
    }
  }

  /// The marker of `number`, or nil where the numerals cannot write it (Chinese beyond 999).
  public func marker(_ number: Int) -> String? {
    guard number >= 0 else { return nil }
    guard chinese else { return before + String(number) + after }
    return chineseNumeral(number).map { before + $0 + after }
  }
}
