import GongwenCore

/// Compiled rules for the dedup stage, from `Rules/dedup.yaml`.
public struct DedupRules: RuleFile {
  public static let fileName = "dedup.yaml"

  /// The YAML as written. Unknown keys are rejected by the loader.
  public struct Raw: Decodable, Sendable {
    public var version: Int
    public var minRunChars: Located<Int>
    public var minSentenceChars: Located<Int>
    public var minRunSentences: Located<Int>
    public var sentenceTerminators: Located<String>
    public var closingMarks: Located<String>
    public var attributionKeywords: Located<[String]>
    public var attributionEndings: String?
    public var maxAttributionChars: Located<Int>
    public var attributionBrackets: Located<[String]>?
    public var maxCandidates: Located<Int>
    public var preferNumberedContext: Bool
    public var preferEmbeddedCopy: Bool
    public var markerContextUnits: Located<Int>
    public var maxPasses: Located<Int>
    public var reorderUnits: Bool
    public var reorderMaxBlocks: Located<Int>
    public var reorderDeepItems: Bool
    public var reorderNearestOnTie: Bool
    public var reorderAttributionFollows: Bool
    public var reorderWithinSections: Bool
    public var reattachSingleCopies: Bool
    public var reattachByNumbering: Bool
    public var tableHeader: Located<[String]>
    public var subjectSentences: RawSubjectSentences?
    public var attachmentLabels: Located<[String]>?
    public var crossAttachmentMinChars: Located<Int>?
    public var keepListsOfNextSection: Bool?
    public var keepParallelItems: Bool?

    /// `subject_sentences` as written.
    public struct RawSubjectSentences: Decodable, Sendable {
      public var leadIns: [String]
      public var words: [String]
      public var dutyStarts: [String]?
      public var roleEndings: [String]?
      enum CodingKeys: String, CodingKey {
        case leadIns = "lead_ins"
        case words
        case dutyStarts = "duty_starts"
        case roleEndings = "role_endings"
      }
    }

    enum CodingKeys: String, CodingKey {
      case version
      case minRunChars = "min_run_chars"
      case minSentenceChars = "min_sentence_chars"
      case minRunSentences = "min_run_sentences"
      case sentenceTerminators = "sentence_terminators"
      case closingMarks = "closing_marks"
      case attributionKeywords = "attribution_keywords"
      case attributionEndings = "attribution_endings"
      case maxAttributionChars = "max_attribution_chars"
      case attributionBrackets = "attribution_brackets"
      case maxCandidates = "max_candidates"
      case preferNumberedContext = "prefer_numbered_context"
      case preferEmbeddedCopy = "prefer_embedded_copy"
      case markerContextUnits = "marker_context_units"
      case maxPasses = "max_passes"
      case reorderUnits = "reorder_units"
      case reorderMaxBlocks = "reorder_max_blocks"
      case reorderDeepItems = "reorder_deep_items"
      case reorderNearestOnTie = "reorder_nearest_on_tie"
      case reorderAttributionFollows = "reorder_attribution_follows"
      case reorderWithinSections = "reorder_within_sections"
      case keepListsOfNextSection = "keep_lists_of_next_section"
      case keepParallelItems = "keep_parallel_items"
      case reattachSingleCopies = "reattach_single_copies"
      case reattachByNumbering = "reattach_by_numbering"
      case tableHeader = "table_header"
      case subjectSentences = "subject_sentences"
      case attachmentLabels = "attachment_labels"
      case crossAttachmentMinChars = "cross_attachment_min_chars"
    }
  }

  /// Rule ids cited in `Removal.rule`.
  public static let runRuleID = "dedup.min_run_chars"
  public static let sentenceRuleID = "dedup.min_sentence_chars"

  public let minRunChars: Int
  public let minSentenceChars: Int
  public let minRunSentences: Int
  public let terminators: ScalarSet
  public let closingMarks: ScalarSet
  /// Keywords as scalar arrays, for matching inside `[Unicode.Scalar]` without building strings.
  public let attributionKeywords: [[Unicode.Scalar]]
  /// Length of the longest attribution keyword, in scalars.
  public let longestAttributionKeyword: Int
  /// The first characters of `attributionKeywords` as a bitmap over the BMP: the splitter's keyword
  /// searches skip every position whose character starts no keyword with one read.
  let keywordStarts: [UInt64]

  /// Whether an attribution keyword may start with `c` (always true beyond the BMP).
  @inline(__always) func mayStartKeyword(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    return v >= 0x10000 || keywordStarts.withUnsafeBufferPointer { $0[Int(v >> 6)] } & (1 << UInt64(v & 63)) != 0
  }
  /// Last characters of a department's name (局, 委, 政府's 府 …): a bracket list without keyword that
  /// closes its line and ends with one is an attribution too.
  public let attributionEndings: ScalarSet
  public let maxAttributionChars: Int
  /// Opening and closing brackets of an attribution group (（…） always; ［…］ 【…】 〔…〕 from the rules).
  public let attributionOpen: Set<Unicode.Scalar>
  public let attributionClose: Set<Unicode.Scalar>
  public let maxCandidates: Int
  public let preferNumberedContext: Bool
  public let preferEmbeddedCopy: Bool
  public let markerContextUnits: Int
  public let maxPasses: Int
  /// Reassemble numbered units pasted out of order (see `Reassembler`), after repeats were removed.
  public let reorderUnits: Bool
  /// Texts with more numbered units than this are not reassembled.
  public let reorderMaxBlocks: Int
  /// Whether a run starting with a deepest-level item other than the first may be moved.
  public let reorderDeepItems: Bool
  /// Whether equally good places for a moved run are decided by nearness in the source.
  public let reorderNearestOnTie: Bool
  /// Whether a parent's closing attribution goes to the last child moved in after it.
  public let reorderAttributionFollows: Bool
  /// Whether a chain moves only when its numbering jumps where it is (judged over all the text before
  /// it), to a place whose numbering it continues on both sides, never past a clause of its level under
  /// another parent section.
  public let reorderWithinSections: Bool
  /// Move units occurring once next to the kept copy of the neighbour the scrape gave them (see `Reattacher`).
  public let reattachSingleCopies: Bool
  /// Whether a stretch with a jump on both sides goes to the one open place its numbering continues.
  public let reattachByNumbering: Bool
  /// A line holding only one of these (spaces aside) starts a flattened table: nothing from there
  /// on is a repeat.
  public let tableHeader: [[Unicode.Scalar]]
  /// Length of the longest `tableHeader` word (0 without any).
  let longestTableHeader: Int
  /// Words a line starting an attachment consists of, with an optional number (`附件`, `附件2`): text on either side of
  /// such a line is a different document of the notice (`attachment_labels`).
  public let attachmentLabels: [[Unicode.Scalar]]
  /// Content characters a repeated run must reach when its kept copy is on the other side of an attachment line
  /// (`cross_attachment_min_chars`).
  public let crossAttachmentMinChars: Int
  /// Whether a repeated run that starts a numbered list again (`1.`) under the section after its source's is kept
  /// (`keep_lists_of_next_section`): a checklist printed under two sections, not a scrape's repeat.
  public let keepListsOfNextSection: Bool
  /// Whether a repeated run that is the same item again under a later parallel section, standing in its own numbering place
  /// between text found once, is kept (`keep_parallel_items`): the notice's own text, not a scrape's repeat.
  public let keepParallelItems: Bool
  /// A sentence starting with one of `subjectLeadIns` (由) and holding one of `subjectWords` (负责, 带队),
  /// no longer than an attribution, names who does its task (由市安监局1名县级领导带队，2名专业人员参加。):
  /// an attribution unit, never removed on its own. Empty: off.
  public let subjectLeadIns: [[Unicode.Scalar]]
  public let subjectWords: [[Unicode.Scalar]]
  /// A sentence starting with one of these role words (负责, 配合), no longer than an attribution, is a duty of the body
  /// named before it (`区教育局：负责推进…；负责编制本系统应急避难场所建设计划；` and the same under 区体育局): an attribution
  /// unit as well, never removed on its own (`subject_sentences.duty_starts`). Empty: off.
  public let subjectDutyStarts: [[Unicode.Scalar]]
  /// A sentence of names only (no comma or colon) ending with one of these role words (牵头, 配合), no longer than an
  /// attribution, is a table row's cell of departments (`省财政厅、省卫生健康委牵头；省优化生育政策工作部门联席会议成员单位配合；`,
  /// the same cell in the next row): an attribution unit, never removed on its own (`subject_sentences.role_endings`).
  /// Empty: off.
  public let subjectRoleEndings: [[Unicode.Scalar]]
  /// For each BMP scalar, bit 1 when `UnitSplitter` may act on it in the middle of a line (a newline, an
  /// opening bracket, the first character of a clause marker, a sentence terminator); the splitter
  /// steps over every other character with one table read. Bit 2: a sentence terminator
  /// (`terminators`), bit 4: a closing mark (`closingMarks`), read instead of searching the sets.
  /// Built once from the rules.
  let splitterStops: [UInt8]

  /// `terminators.contains(c)`, by a table read for the BMP.
  @inline(__always) func isTerminator(_ c: Unicode.Scalar) -> Bool {
    c.value < 0x10000 ? splitterStops.withUnsafeBufferPointer { $0[Int(c.value)] } & 2 != 0 : terminators.contains(c)
  }

  /// `closingMarks.contains(c)`, by a table read for the BMP.
  @inline(__always) func isClosingMark(_ c: Unicode.Scalar) -> Bool {
    c.value < 0x10000 ? splitterStops.withUnsafeBufferPointer { $0[Int(c.value)] } & 4 != 0 : closingMarks.contains(c)
  }
  /// For each BMP scalar: bit 1 when it opens an attribution group (`attributionOpen`), bit 2 when it
  /// closes one (`attributionClose`); the splitter reads this instead of hashing into the sets.
  let bracketKinds: [UInt8]

  /// Whether `c` opens an attribution group (a table read for the BMP).
  @inline(__always) func opensAttribution(_ c: Unicode.Scalar) -> Bool {
    c.value < 0x10000 ? bracketKinds.withUnsafeBufferPointer { $0[Int(c.value)] } & 1 != 0 : attributionOpen.contains(c)
  }

  public init(raw: Raw, file: String) throws(RuleErrors) {
    var problems: [RuleProblem] = []
    func at<T>(_ v: Located<T>) -> RuleLocation { v.location ?? RuleLocation(file: file, line: 1, column: 1) }
    if raw.version != 1 {
      problems.append(RuleProblem(RuleLocation(file: file, line: 1, column: 1), code: "R005",
                                  "unsupported rules version \(raw.version); this Gongwen reads version 1"))
    }
    func positive(_ v: Located<Int>, _ key: String, min: Int = 1, max: Int = 1_000_000) {
      if v.value < min || v.value > max {
        problems.append(RuleProblem(at(v), code: "R005", "\(key) must be between \(min) and \(max), got \(v.value)"))
      }
    }
    positive(raw.minRunChars, "min_run_chars")
    positive(raw.minSentenceChars, "min_sentence_chars")
    positive(raw.minRunSentences, "min_run_sentences")
    positive(raw.maxAttributionChars, "max_attribution_chars", min: 3)
    positive(raw.maxCandidates, "max_candidates", max: 10_000)
    positive(raw.markerContextUnits, "marker_context_units", max: 10_000)
    positive(raw.maxPasses, "max_passes", max: 20)
    positive(raw.reorderMaxBlocks, "reorder_max_blocks", max: 5_000)
    if let v = raw.crossAttachmentMinChars { positive(v, "cross_attachment_min_chars") }
    if let labels = raw.attachmentLabels, labels.value.contains(where: \.isEmpty) {
      problems.append(RuleProblem(at(labels), code: "R005", "attachment_labels: a word is empty"))
    }
    if raw.sentenceTerminators.value.isEmpty {
      problems.append(RuleProblem(at(raw.sentenceTerminators), code: "R005", "sentence_terminators must not be empty"))
    }
    if raw.attributionKeywords.value.isEmpty || raw.attributionKeywords.value.contains(where: \.isEmpty) {
      problems.append(RuleProblem(at(raw.attributionKeywords), code: "R005",
                                  "attribution_keywords must be a non-empty list of non-empty strings"))
    }
    if raw.tableHeader.value.contains(where: \.isEmpty) {
      problems.append(RuleProblem(at(raw.tableHeader), code: "R005", "table_header: a word is empty"))
    }
    var open: Set<Unicode.Scalar> = ["（", "("], close: Set<Unicode.Scalar> = ["）", ")"]
    for pair in raw.attributionBrackets?.value ?? [] {
      let sc = Array(pair.unicodeScalars)
      guard sc.count == 2 else {
        problems.append(RuleProblem(at(raw.attributionBrackets!), code: "R005",
                                    "attribution_brackets: '\(pair)' is not a pair of two characters (an opening and a closing bracket)"))
        continue
      }
      open.insert(sc[0])
      close.insert(sc[1])
    }
    if !problems.isEmpty { throw RuleErrors(problems) }
    tableHeader = raw.tableHeader.value.map { Array($0.unicodeScalars) }
    longestTableHeader = tableHeader.map(\.count).max() ?? 0
    minRunChars = raw.minRunChars.value
    minSentenceChars = raw.minSentenceChars.value
    minRunSentences = raw.minRunSentences.value
    terminators = ScalarSet(raw.sentenceTerminators.value)
    closingMarks = ScalarSet(raw.closingMarks.value)
    var stops = [UInt8](repeating: 0, count: 0x10000)
    attributionOpen = open
    attributionClose = close
    var kinds = [UInt8](repeating: 0, count: 0x10000)
    for c in open where c.value < 0x10000 { kinds[Int(c.value)] |= 1 }
    for c in close where c.value < 0x10000 { kinds[Int(c.value)] |= 2 }
    bracketKinds = kinds
    for v in 0..<UInt32(0x10000) {
      guard let c = Unicode.Scalar(v) else { continue }
      if c == "\n" || kinds[Int(v)] & 1 != 0 || UnitSplitter.canStartMarker(c) || terminators.contains(c) {
        stops[Int(v)] = 1
      }
      if terminators.contains(c) { stops[Int(v)] |= 2 }
      if closingMarks.contains(c) { stops[Int(v)] |= 4 }
    }
    splitterStops = stops
    attributionKeywords = raw.attributionKeywords.value.map { Array($0.unicodeScalars) }
    longestAttributionKeyword = attributionKeywords.map(\.count).max() ?? 0
    var starts = [UInt64](repeating: 0, count: 1024)
    for kw in attributionKeywords { if let v = kw.first?.value, v < 0x10000 { starts[Int(v >> 6)] |= 1 << UInt64(v & 63) } }
    keywordStarts = starts
    attributionEndings = ScalarSet(Array((raw.attributionEndings ?? "").unicodeScalars))
    maxAttributionChars = raw.maxAttributionChars.value
    maxCandidates = raw.maxCandidates.value
    preferNumberedContext = raw.preferNumberedContext
    preferEmbeddedCopy = raw.preferEmbeddedCopy
    markerContextUnits = raw.markerContextUnits.value
    maxPasses = raw.maxPasses.value
    reorderUnits = raw.reorderUnits
    reorderMaxBlocks = raw.reorderMaxBlocks.value
    reorderDeepItems = raw.reorderDeepItems
    reorderNearestOnTie = raw.reorderNearestOnTie
    reorderAttributionFollows = raw.reorderAttributionFollows
    reorderWithinSections = raw.reorderWithinSections
    reattachSingleCopies = raw.reattachSingleCopies
    reattachByNumbering = raw.reattachByNumbering
    attachmentLabels = (raw.attachmentLabels?.value ?? []).map { Array($0.unicodeScalars) }
    crossAttachmentMinChars = raw.crossAttachmentMinChars?.value ?? 0
    keepListsOfNextSection = raw.keepListsOfNextSection ?? false
    keepParallelItems = raw.keepParallelItems ?? false
    subjectLeadIns = (raw.subjectSentences?.leadIns ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    subjectWords = (raw.subjectSentences?.words ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    subjectDutyStarts = (raw.subjectSentences?.dutyStarts ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    subjectRoleEndings = (raw.subjectSentences?.roleEndings ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
  }
}

extension DedupRules {
  /// Whether `line` is an attachment's label: one of `attachment_labels`, spaces aside, perhaps numbered (`附件`, `附件 2`,
  /// `附件1.1`), perhaps with a colon (`附件1：`), or a colon and a title that starts with no digit (`附件：…分解表`; a digit
  /// after the colon is an attachments list, `附件：1.…`). The same lines as segment.yaml's `tables.attachment`
  /// (`gongwen rules check` warns, R011, where the two differ).
  public func isAttachmentLabel(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
    var p = line.startIndex
    let end = line.endIndex
    @inline(__always) func digit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || ("０"..."９").contains(c) }
    while p < end, isSpace(line[p]) { p += 1 }
    var e = end
    while e > p, isSpace(line[e - 1]) { e -= 1 }
    guard p < e, e - p <= 80 else { return false }
    for word in attachmentLabels where e - p >= word.count && line[p..<(p + word.count)].elementsEqual(word) {
      var q = p + word.count
      while q < e, isSpace(line[q]) { q += 1 }
      var numbered = false
      while q < e, digit(line[q]) { q += 1; numbered = true }
      if numbered, q + 1 < e, line[q] == "." || line[q] == "．", digit(line[q + 1]) {
        q += 1
        while q < e, digit(line[q]) { q += 1 }
      }
      while q < e, isSpace(line[q]) { q += 1 }
      if q == e { return e - p <= 12 }
      guard line[q] == "：" || line[q] == ":" else { continue }
      q += 1
      while q < e, isSpace(line[q]) { q += 1 }
      if q == e { return true }
      if !numbered, !digit(line[q]) { return true }
    }
    return false
  }
}

