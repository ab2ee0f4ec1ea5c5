import GongwenCore
import ICUKit

/// Stage 4: clean text -> document metadata and the numbered clause hierarchy.
///
/// All numbering schemes, patterns and word lists come from `Rules/segment.yaml`; this type holds
/// only the judgement described here.
///
/// **One pass.** Every whole-document pattern (all schemes, all dates, attachment and closing lines)
/// is compiled into one alternation and run once per document (`SegmentRules.scanRegex`); the
/// preamble-only rules load just the preamble, and line or bracket checks load just that window.
///
/// **Markers.** The scheme branches of that pass propose candidates. Candidates are read in document order against a stack of open levels (one scheme per
/// level). A candidate is accepted when it is
/// - the next sibling of a level on the stack (which also closes every deeper level: the "next marker
///   of an ancestor level"),
/// - a first child: number 1 of a scheme not on the stack, opening a level under the deepest one,
/// - a run-on continuation: the next number of a scheme used before but since closed (002 numbers
///   1.–30. across （一）–（五）; 004 numbers （一）–（三十） across 一、–四、), also opening a level,
/// - at a line start only: a small forward gap (≤ `sequence.max_gap` missing numbers, warning
///   `numbering_gap`), or number 1 of a scheme already on the stack (a restart, warning
///   `numbering_restart`). Larger jumps and backward numbers at a line start are rejected with a
///   `numbering_jump` warning; inside running text they are silently rejected (look-alikes).
/// - a misprint, at a line start or after a sentence end: a sibling one above the expected number followed by the same
///   number again (`二、` `四、` `四、`), or a repeated number followed by the one after the expected (`二、` `二、` `四、`),
///   read as the expected sibling, its marker as printed (warning `numbering_misprint`),
/// - at a line start only: any number of a scheme never met before that ranks above every open level
///   (a text that begins inside a section whose own marker it lacks, `4、…` then `七、…`); it closes
///   every open level (warning `numbering_gap`).
///
/// A candidate inside running text (not at a line start) must in addition belong to a scheme marked
/// `inline`, open a deeper level only if its rank is below the deepest level's, and follow a sentence end
/// (`sequence.inline_after`), a bracket group that is a department attribution (`sequence.attribution`,
/// e.g. `（卫生厅负责）2．`), or — when it opens a new level — directly the short heading of the previous
/// marker with no punctuation in between (`二、工作任务（一）…`). Levels that a notice skips are simply
/// not represented in `path` (003: 一、（一） is [1, 1]).
///
/// **Tables.** A table flattened to text (任务分解表: a `序号` line, the column names one per line, then
/// rows whose number stands alone on a line) is found by `findTables`; its row numbers are candidates of
/// the `tables.row` scheme, accepted without a sequence check (extracts skip rows) but only increasing,
/// and each row unit carries the header (`ClauseUnit.table`) for Attribute. The last row of a table ends
/// after one line per column. Outside a table a bare number line is never a marker. A row numbered in
/// brackets on a line of its own (`(1)`), and a section row whose marker stands alone (`一、`, then its
/// cells), carry the header too; a totals row (`总分` / `100`) and a score equal to the next row's number in
/// a column of numbers are no rows. A table whose first marker restarts a level already open (the notice's
/// `一、` holding a table that numbers from its own `一、`) nests under the levels open at its header.
///
/// **Paths** are unique: a marker whose path repeats an earlier one (a restart, or text repeated
/// after dedup missed it) is kept on the stack so its children are read correctly, but it is not
/// emitted (warning `duplicate_path`), and the previous unit ends where it starts.
///
/// **Ranges.** `ownRange` runs from a marker to the next accepted marker (first child or next unit).
/// The last unit ends at the first closing line after the first clause (a signature issuer line
/// followed by a date, a date alone on its line, an `附件：` line, `（此件公开发布）`, `抄送：`): if its
/// marker line is a heading (short: a bare title with no sentence punctuation or comma, or a single
/// sentence ending the line) it keeps every paragraph up to that closing line (001's （四）); otherwise
/// it ends with its own paragraph, continued over line breaks that fall mid-sentence, so a closing paragraph after the last clause (004's
/// `全市深化医药卫生体制改革工作任务艰巨…`) and the signature are not part of it. Numbered lines after the
/// closing line are not segmented (warning `clauses_after_closing`). `bodyRange` is `ownRange` after
/// the marker, trimmed.
///
/// **Headings.** A marker line with no sentence punctuation and at most `heading.max_length`
/// characters is a heading line (`一、总体要求`). Otherwise the text up to the first
/// `heading.terminators` character is the heading if it is that short and more text follows in the
/// unit or its children (`1.规范完善基本药物集中采购机制。坚持…`); a long single-sentence clause has none.
/// Failing that, a known section title (`heading.run_on_titles`) that the line starts with and runs
/// on from (`一、总体要求全面贯彻…`, line breaks lost in a scrape) is the heading.
///
/// **Metadata** (see `Metadata.swift`): the title is the first preamble line starting with a title word
/// (关于/转发/印发, optionally after an issuer on the same line) and ending, possibly over up to three
/// line breaks, with a title ending (的通知 …); the issuer line above it is the issuer, not part of the
/// title. Without one the page title is used (an attachment's own title never is). A title starting
/// with a forward word makes the notice a forwarding notice: the second title in the preamble is the
/// forwarded notice, and doc numbers and signatures before / after it belong to the outer / forwarded
/// notice. Doc numbers quoted after `》` or a Han word are citations and ignored. The date is the
/// signature date (a date alone on its line, or a Chinese-numeral date at a line start / after a
/// sentence end); the issuer comes from the line above it, else from the line above the title (000
/// has no signature issuer and none is invented). The publication date is a labelled date in the text
/// (发布日期:…), else the page's, else nil.
/// Recipients are the first colon-terminated preamble segment naming offices, split on ， and , only
/// (、 joins the parts of one recipient: `各州、市人民政府`).
public struct Segmenter: Sendable {
  public let rules: SegmentRules
  public init(rules: SegmentRules) { self.rules = rules }

  public func segment(_ text: CleanText, pageTitle: String? = nil, pagePublished: String? = nil) throws(StageFailure) -> Outline {
    var run = try SegmentRun(scalars: text.scalars, rules: rules)
    let units = try run.units()
    let metadata = try run.metadata(pageTitle: pageTitle, pagePublished: pagePublished)
    return Outline(metadata: metadata, units: units, warnings: run.warnings)
  }
}

// MARK: - Character classes

@inline(__always) func isHSpace(_ c: Unicode.Scalar) -> Bool {
  switch c.value {
  case 0x20, 0x09, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2000...0x200B, 0x202F, 0x205F, 0xFEFF: return true
  default: return false
  }
}

@inline(__always) func isSpaceOrNewline(_ c: Unicode.Scalar) -> Bool { c == "\n" || isHSpace(c) }

@inline(__always) func isHan(_ c: Unicode.Scalar) -> Bool {
  switch c.value {
  case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FFFF, 0x3007: return true
  default: return false
  }
}

@inline(__always) func isPunctuation(_ c: Unicode.Scalar) -> Bool {
  switch c.properties.generalCategory {
  case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
    .finalPunctuation, .otherPunctuation:
    return true
  default: return false
  }
}

@inline(__always) func isOpenBracket(_ c: Unicode.Scalar) -> Bool { c == "（" || c == "(" }
@inline(__always) func isCloseBracket(_ c: Unicode.Scalar) -> Bool { c == "）" || c == ")" }
/// Brackets a department attribution may stand in: round ones, and square ones (`[责任单位:市财政局…]`, Corpus/heldout54
/// 5501).
@inline(__always) func isAttributionOpen(_ c: Unicode.Scalar) -> Bool { isOpenBracket(c) || c == "［" || c == "【" || c == "[" }
@inline(__always) func isAttributionClose(_ c: Unicode.Scalar) -> Bool { isCloseBracket(c) || c == "］" || c == "】" || c == "]" }

// MARK: - One document

/// One match of the whole-document scan: its range and the groups of the branch that matched,
/// read with the combined pattern's group numbers through `group(_:)` (instead of an array of every
/// group of the combined pattern per match).
struct ScanHit {
  var range: Range<Int>
  /// `groups[i]` is group `offset + i + 1` of the combined pattern (`SegmentRules.scanRegex`).
  var groups: [Range<Int>?]
  var offset: Int

  /// Group `g` (1-based, combined numbering); nil when it did not take part.
  func group(_ g: Int) -> Range<Int>? {
    let i = g - 1 - offset
    return i >= 0 && i < groups.count ? groups[i] : nil
  }
}

/// A marker accepted into the hierarchy (emitted as a unit unless its path repeats an earlier one).
struct AcceptedMarker {
  var start: Int
  var end: Int
  var path: [Int]
  var markers: [String]
  var schemes: [String]
  var emit: Bool
  /// For a table row: the index of its table in `SegmentRun.tables`.
  var table: Int? = nil
  /// A row of a run-together table (`Candidate.runTogether`).
  var runTogether = false
}

struct SegmentRun {
  let s: [Unicode.Scalar]
  let n: Int
  let rules: SegmentRules
  var warnings: [DocumentWarning] = []

  // per-document matchers: cloned and loaded on first use (most documents need only a few of them)
  let attribution: WindowMatcher
  let issuerLine: WindowMatcher
  let issuerJointStart: WindowMatcher?
  let passageNote: LazyMatcher?
  let sealNote: WindowMatcher?
  let issuerPrefix: WindowMatcher
  let titleEndNote: WindowMatcher?
  let docNumber: LazyMatcher
  let decreeNumber: LazyMatcher?
  let cues: LazyMatcher
  let exclude: LazyMatcher
  /// Ranges of `附件：` line heads (the attachment branch of `SegmentRules.scanRegex`).
  var attachmentHits: [Range<Int>] = []
  /// Sentence ends (and `；`) after which a run-in `附件：` may start and which no run-in attachment's name holds.
  static let sentenceEnds: Set<Unicode.Scalar> = Set("。！？；".unicodeScalars)
  /// Ranges of `附件：` run into a line after a sentence end (`…进行表彰。附件：名称平潭…管委会2015年8月31日`).
  var runInAttachmentHits: [Range<Int>] = []
  /// Marker candidates (the scheme branches of `SegmentRules.scanRegex`), in document order.
  var candidateList: [Candidate] = []
  /// Every date match by start offset: (date pattern index, ISO date).
  var datesAt: [Int: String] = [:]

  /// Start offsets of lines that close the notice (signature, date, 附件, 此件公开发布 …), sorted.
  var closingStarts: [Int] = []
  /// Signature dates found in the text, in order.
  var signatures: [Signature] = []
  var accepted: [AcceptedMarker] = []
  /// Headers of the flattened tables found (`findTables`), in text order.
  var tables: [TableHeader] = []
  /// Where a section row of a table starts (a line only `一、` between its rows), with its table's index.
  var sectionRows: [Int: Int] = [:]
  /// Tables whose bare-numbered category rows (`tables.section_row`) hold the cell of the column after the row numbers for all
  /// their rows, which print one cell fewer (`rowHeader`).
  var mergedSectionCells: Set<Int> = []
  /// Per table (same index as `tables`): where its header starts, and the attachment it is printed
  /// as (`附件1` above it: number, marker as written), if any.
  var tableStarts: [Int] = []
  var tableAttachments: [(number: Int?, marker: String)?] = []
  /// Per table: the table whose attachment line it is printed under (itself, or the table a repeated header continues).
  var tableAttachmentOwners: [Int] = []
  /// Where the attachment lines above tables stand (line starts, in text order; a header printed again has none).
  var tableAttachmentLines: [Int] = []
  /// Where lines that are wholly an attachment's label start (`attachmentLine`), in text order; found by `findTables`.
  var attachmentLabelLines: [Int] = []
  /// Those of `attachmentLabelLines` that hold the label alone (`附表：`, `附录`: no name after it), the label of a block below.
  var bareAttachmentLabelLines: [Int] = []
  /// Tables whose rows are the text's own clause markers, not bare row numbers (no `序号` column: `类别` / `项目` / `主要任务` /
  /// `牵头单位`, then `一、…` / `1.…`; `markerTableHeader`), by index in `tables`.
  var markerTables: Set<Int> = []
  /// Tables whose column before `序号` (`改革领域`) prints its cell again before every row (`市场准入` / `1` / … / `市场准入` /
  /// `2`): a row's last line is then the next row's cell in it, not its own (Corpus/heldout114 11401). Found by `findTables`.
  var repeatedLeadingCells: Set<Int> = []
  /// Plans attached after the body (`sequence.attached_plans`), in text order: from the attachment line to the next
  /// attachment or closing line, with the attachment's number and marker. Filled by `acceptMarkers`.
  var plans: [AttachedPlan] = []

  struct AttachedPlan {
    var range: Range<Int>
    var number: Int?
    var marker: String
    /// Where its first clause starts.
    var clause: Int
    /// Found inside a line (the text's line breaks lost: `inlineAttachedPlanStarts`).
    var inline = false
  }
  /// The titles of a table of contents' entries (`dropTableOfContents`), longest first: run-on titles of this notice.
  var tableOfContentsTitles: [[Unicode.Scalar]] = []
  /// Where the first unit starts (end of the preamble), or the text length when there is none.
  var preambleEnd: Int

  struct Signature {
    var dateRange: Range<Int>
    var date: String
    var issuer: String?
    /// Start of the signature block (the issuer line if there is one, else the date line).
    var blockStart: Int
    /// True when the date stands alone on its line (or after an issuer line): a closing line.
    var isLine: Bool
    /// True for a signature run into the text around it (…组织实施。平潭综合实验区管委会办公室2015年6月12日平潭…): an
    /// issuer and a date between a sentence end and more text, on a flattened page. Used only where the
    /// notice has no signature of its own lines.
    var isInline = false
  }

  init(scalars: [Unicode.Scalar], rules: SegmentRules) throws(StageFailure) {
    s = scalars
    n = scalars.count
    self.rules = rules
    preambleEnd = scalars.count
    attribution = WindowMatcher(rules.attributionRegex, scalars)
    issuerLine = WindowMatcher(rules.issuerLineRegex, scalars)
    issuerJointStart = rules.issuerJointStartRegex.map { WindowMatcher($0, scalars) }
    passageNote = rules.passageNote.map { LazyMatcher($0.regex, scalars) }
    sealNote = rules.sealNoteRegex.map { WindowMatcher($0, scalars) }
    issuerPrefix = WindowMatcher(rules.issuerPrefixRegex, scalars)
    titleEndNote = rules.titleEndNoteRegex.map { WindowMatcher($0, scalars) }
    docNumber = LazyMatcher(rules.docNumberRegex, scalars, search: rules.docNumberSearch)
    decreeNumber = rules.decreeNumberRegex.map { LazyMatcher($0, scalars) }
    cues = LazyMatcher(rules.recipientCueRegex, scalars, search: rules.recipientCueSearch)
    exclude = LazyMatcher(rules.recipientExcludeRegex, scalars)
  }

  // MARK: Lines

  func lineStart(_ p: Int) -> Int {
    var i = min(p, n)
    while i > 0, s[i - 1] != "\n" { i -= 1 }
    return i
  }

  func lineEnd(_ p: Int) -> Int {
    var i = max(0, p)
    while i < n, s[i] != "\n" { i += 1 }
    return i
  }

  /// `min(lineEnd(p), limit)` without walking past `limit` (a document scraped onto one line would
  /// otherwise be walked to its end once per unit).
  func lineEnd(_ p: Int, limit: Int) -> Int {
    let hi = min(n, limit)
    var i = max(0, p)
    while i < hi, s[i] != "\n" { i += 1 }
    return min(i, limit)
  }

  /// `r` without leading and trailing spaces and newlines.
  func trimmed(_ r: Range<Int>) -> Range<Int> {
    var lo = max(0, r.lowerBound), hi = min(n, r.upperBound)
    while lo < hi, isSpaceOrNewline(s[lo]) { lo += 1 }
    while hi > lo, isSpaceOrNewline(s[hi - 1]) { hi -= 1 }
    return lo..<max(lo, hi)
  }

  /// True when only horizontal spaces stand between the start of the line and `p`.
  func atLineStart(_ p: Int) -> Bool {
    var i = p - 1
    while i >= 0, isHSpace(s[i]) { i -= 1 }
    return i < 0 || s[i] == "\n"
  }

  /// True when a sentence end (。！？；), then only horizontal spaces, stand before `p`.
  func followsSentenceEnd(_ p: Int) -> Bool {
    var i = p - 1
    while i >= 0, isHSpace(s[i]) { i -= 1 }
    return i >= 0 && (s[i] == "。" || s[i] == "！" || s[i] == "？" || s[i] == "；")
  }

  /// The trimmed range of the previous non-blank line before the line starting at `ls`.
  func previousLine(_ ls: Int) -> Range<Int>? {
    var i = ls - 1
    while i >= 0, isSpaceOrNewline(s[i]) { i -= 1 }
    guard i >= 0 else { return nil }
    return trimmed(lineStart(i)..<(i + 1))
  }

  /// The trimmed range of the next non-blank line after position `p` (which is on some line).
  func nextLine(after p: Int) -> Range<Int>? {
    var i = lineEnd(p)
    while i < n, isSpaceOrNewline(s[i]) { i += 1 }
    guard i < n else { return nil }
    return trimmed(i..<lineEnd(i))
  }

  func text(_ r: Range<Int>) -> String {
    let lo = max(0, min(r.lowerBound, n)), hi = max(lo, min(r.upperBound, n))
    return String(scalars: s[lo..<hi])
  }

  /// A marker as the output writes it: its scheme's `canonical` form (`1、` → `1.`), else (and for a table's bare category
  /// number) as written.
  func markerText(_ c: Candidate) -> String {
    (c.bareSection ? nil : rules.schemes[c.scheme].canonical?.marker(c.number)) ?? text(c.start..<c.end)
  }

  /// Text with line breaks and spaces next to CJK characters removed (titles broken over lines).
  func compact(_ r: Range<Int>) -> String {
    var out = String.UnicodeScalarView()
    let lo = max(0, r.lowerBound), hi = min(n, r.upperBound)
    var i = lo
    while i < hi {
      let c = s[i]
      if isSpaceOrNewline(c) {
        let prev = out.last
        var j = i
        while j < hi, isSpaceOrNewline(s[j]) { j += 1 }
        let next: Unicode.Scalar? = j < hi ? s[j] : nil
        let asciiBoth = (prev.map { $0.isASCII } ?? false) && (next.map { $0.isASCII } ?? false)
        if asciiBoth, prev != nil, next != nil { out.append(" ") }
        i = j
        continue
      }
      out.append(c)
      i += 1
    }
    return String(out)
  }

  func hasPrefix(_ word: [Unicode.Scalar], at p: Int) -> Bool {
    guard p >= 0, p + word.count <= n else { return false }
    for k in 0..<word.count where s[p + k] != word[k] { return false }
    return true
  }

  func matchAt(_ m: LazyMatcher, _ p: Int) throws(StageFailure) -> ICURegex.Match? {
    let r = try m.get()
    do { return try r.lookingAt(p) } catch { throw m.rule.failure(error, stage: "segment") }
  }

  func find(_ m: LazyMatcher, from p: Int) throws(StageFailure) -> ICURegex.Match? {
    try m.find(from: p)
  }

  /// Every match of the combined scan pattern, left to right and not overlapping — what
  /// `all(rules.scanRegex)` returns — found by trying, at each position whose character some
  /// alternative can start with, only those alternatives, in pattern order (ICU's alternation is
  /// ordered: the first alternative that matches at the leftmost position wins). Each alternative
  /// is a small pattern; ICU walking the combined one saved a frame of all its capture groups per
  /// alternative at every candidate position. `ScanDispatchTests` checks both ways agree.
  ///
  /// Which alternatives to try comes from `rules.scanDispatch`: a table look-up per character, and
  /// at the few characters some alternative starts with, a check of the next characters (and the
  /// one before) against what its matches can look like (`MatchPrefix`), so ICU is asked almost only
  /// where a match is found (on a 3.8 MB sample: 9,277 `lookingAt` calls for 8,843 matches, where
  /// the first-character test alone made 253,668).
  func scanMatches() throws(StageFailure) -> [ICURegex.Match] {
    let total = rules.scanGroupCount
    return try scanHits().map { hit in
      var groups = [Range<Int>?](repeating: nil, count: total)
      for (g, r) in hit.groups.enumerated() where hit.offset + g < total { groups[hit.offset + g] = r }
      return ICURegex.Match(range: hit.range, groups: groups)
    }
  }

  /// The matches of `scanMatches`, each with only its branch's groups (see `ScanHit`).
  func scanHits() throws(StageFailure) -> [ScanHit] {
    guard let branches = rules.scanBranches, let dispatch = rules.scanDispatch else {
      return try all(rules.scanRegex).map { ScanHit(range: $0.range, groups: $0.groups, offset: 0) }
    }
    let prepared = ICURegex.PreparedText(converting: s)
    // one matcher per branch, cloned and loaded on first use (plain storage: no exclusivity checks
    // or reference counting of an array in the loop)
    let matchers = UnsafeMutablePointer<ICURegex?>.allocate(capacity: branches.count)
    matchers.initialize(repeating: nil, count: branches.count)
    defer {
      matchers.deinitialize(count: branches.count)
      matchers.deallocate()
    }
    var out: [ScanHit] = []
    let n = self.n
    try withExtendedLifetime(dispatch) { () throws(StageFailure) in
      try branches.withUnsafeBufferPointer { (branch) throws(StageFailure) in
        try s.withUnsafeBufferPointer { (text) throws(StageFailure) in
          var p = 0
          scan: while p < n {
            let cls = dispatch.classOf(text[p])
            if cls == 0 || !dispatch.nextMayFit(cls, text, at: p) { p += 1; continue }
            for e in dispatch.entries(ofClass: cls) where dispatch.allows(entry: e, text, at: p) {
              let k = dispatch.branch(ofEntry: e)
              let m: ICURegex
              if let loaded = matchers[k] {
                m = loaded
              } else {
                m = try branch[k].regex.matcher()
                do throws(ICUError) { try m.load(prepared) } catch { throw branch[k].regex.failure(error, stage: "segment") }
                matchers[k] = m
              }
              let found: ICURegex.Match?
              do throws(ICUError) { found = try m.lookingAt(p) } catch { throw branch[k].regex.failure(error, stage: "segment") }
              guard let local = found else { continue }
              out.append(ScanHit(range: local.range, groups: local.groups, offset: branch[k].groupOffset))
              p = local.range.isEmpty ? p + 1 : local.range.upperBound
              continue scan
            }
            p += 1
          }
        }
      }
    }
    return out
  }

  func all(_ r: RuleRegex) throws(StageFailure) -> [ICURegex.Match] {
    let m = try r.matcher()
    do { return try withScalars(s, 0..<n) { (b) throws(ICUError) in try m.matches(in: b) } } catch {
      throw r.failure(error, stage: "segment")
    }
  }

  /// Whole trimmed line `r` is an issuer name.
  func isIssuerLine(_ r: Range<Int>) throws(StageFailure) -> Bool {
    guard !r.isEmpty, r.count <= 120 else { return false }
    guard let m = try issuerLine.lookingAt(r.lowerBound..<lineEnd(r.lowerBound)) else { return false }
    return m.upperBound >= r.upperBound
  }

  /// The issuers of signature line `r` (an issuer line), apart by single spaces: its words apart by spaces, each read as
  /// several issuers when it is issuers run together with no space between them (`中共柳河县委柳河县人民政府` -> `中共柳河县委
  /// 柳河县人民政府`, a PDF's or a page's spaces closed by Normalize; `metadata.issuer_joint_start`).
  func issuerText(_ r: Range<Int>) throws(StageFailure) -> String {
    guard issuerJointStart != nil else { return text(r) }
    var out: [String] = []
    var a = r.lowerBound
    while a < r.upperBound {
      while a < r.upperBound, isHSpace(s[a]) { a += 1 }
      guard a < r.upperBound else { break }
      var e = a
      while e < r.upperBound, !isHSpace(s[e]) { e += 1 }
      var failed = Set<Int>()
      if let cuts = try jointIssuerCuts(a..<e, failed: &failed) {
        var p = a
        for c in cuts + [e] {
          out.append(text(p..<c))
          p = c
        }
      } else {
        out.append(text(a..<e))
      }
      a = e
    }
    return out.joined(separator: " ")
  }

  /// Where `w` (no spaces) splits into issuers run together, each a whole issuer and each after the first starting as
  /// `issuer_joint_start` says or with the first's first two characters (`上海市交通委员会上海海事局`); empty when `w` is one
  /// issuer, nil when it is none. The first split that works, shortest first piece first. A national body's head before
  /// a place is one name with it (`issuer_branch_heads`: `国家税务总局上海市税务局`).
  func jointIssuerCuts(_ w: Range<Int>, failed: inout Set<Int>) throws(StageFailure) -> [Int]? {
    guard let start = issuerJointStart, !failed.contains(w.lowerBound) else { return nil }
    let a = w.lowerBound
    let branch = rules.issuerBranchHeads.contains { hasPrefix($0, at: a) }
    var b = a + 4
    while b + 4 <= w.upperBound {
      defer { b += 1 }
      guard let m = try issuerLine.lookingAt(a..<b), m.upperBound >= b else { continue }
      // (not inside a longer ending: 委 of 委员会, 人民政府 of 人民政府办公厅; the next one to three characters end no issuer)
      var inside = false
      for k in 1...3 where b + k <= w.upperBound {
        if let x = try issuerLine.lookingAt(a..<(b + k)), x.upperBound >= b + k {
          inside = true
          break
        }
      }
      if inside { continue }
      var starts = s[b] == s[a] && s[b + 1] == s[a + 1]
      if !starts, !branch, try start.lookingAt(b..<w.upperBound) != nil { starts = true }
      guard starts else { continue }
      if let rest = try jointIssuerCuts(b..<w.upperBound, failed: &failed) { return [b] + rest }
    }
    if let m = try issuerLine.lookingAt(w), m.upperBound >= w.upperBound { return [] }
    failed.insert(a)
    return nil
  }

  // MARK: Closing lines and signatures

  /// The one whole-document pass: marker candidates, dates (signatures), attachment and closing lines.
  mutating func scan() throws(StageFailure) {
    var starts: [Int] = []
    func has(_ m: ScanHit, _ g: Int) -> Bool { g >= 1 && m.group(g) != nil }
    let matches: [ScanHit]
    do { matches = try scanHits() } catch where error.code == "rule_timeout" {
      // The combined pass timed out: find the pattern responsible, so the error names its file and line.
      for part in rules.scanParts { _ = try all(part) }
      throw error
    }
    for m in matches {
      if has(m, rules.attachmentGroup) {
        // 附件： counts at the start of a line only; one run in after a sentence end (a page printed without line breaks)
        // may only name the attachment (`Metadata.attachments`)
        guard atLineStart(m.range.lowerBound) else {
          var p = m.range.lowerBound
          while p > 0, isHSpace(s[p - 1]) { p -= 1 }
          if p > 0, Self.sentenceEnds.contains(s[p - 1]) { runInAttachmentHits.append(m.range) }
          continue
        }
        starts.append(lineStart(m.range.lowerBound))
        attachmentHits.append(m.range)
        continue
      }
      if has(m, rules.closingGroup) {
        // a closing line: the match starts its line or runs to its end
        var e = m.range.upperBound
        while e < n, isHSpace(s[e]) { e += 1 }
        guard atLineStart(m.range.lowerBound) || e >= n || s[e] == "\n" else { continue }
        starts.append(lineStart(m.range.lowerBound))
        continue
      }
      if let k = datePattern(of: m) {
        if let date = isoDate(m, pattern: k) {
          datesAt[m.range.lowerBound] = date
          if let sig = try signature(m.range, pattern: k, date: date) {
            signatures.append(sig)
            if sig.isLine { starts.append(sig.blockStart) }
          }
        }
        continue
      }
      if let c = candidate(m) { candidateList.append(c) }
    }
    closingStarts = Array(Set(starts)).sorted()
    dropTableOfContents()
  }

  /// A table of contents printed before the body (`…应急预案目录1总则` / `1.1编制目的` / … / `7.2应急处理技术措施1总则` / `1.1编制目的在区管委会
  /// 的领导下…`; Corpus/heldout146 14601): a `sequence.table_of_contents` word, a marker right after it, and further on the
  /// same marker with the same title again, the body's own first entry, after at least three other markers. The markers
  /// from the first entry up to that repetition are the table's lines, no clauses: they are dropped from the candidates
  /// (the table stays in the preamble's text). Only the first table of contents is read.
  mutating func dropTableOfContents() {
    guard !rules.tableOfContents.isEmpty, candidateList.count > 4 else { return }
    var i = 0
    while i + 4 < candidateList.count {
      let first = candidateList[i]
      // the word right before the first entry (only spaces between)
      var b = first.start
      while b > 0, isSpaceOrNewline(s[b - 1]) { b -= 1 }
      guard rules.tableOfContents.contains(where: { w in b >= w.count && s[(b - w.count)..<b].elementsEqual(w) }) else {
        i += 1
        continue
      }
      let marker = s[first.start..<first.end]
      let title = entryTitle(after: first.end)
      guard title.count >= 2 else { return }
      for j in (i + 4)..<candidateList.count {
        let c = candidateList[j]
        guard s[c.start..<c.end].elementsEqual(marker), c.end + title.count <= n,
          s[c.end..<(c.end + title.count)].elementsEqual(title)
        else { continue }
        // its entries' titles are the sections' titles, which a flattened page may run into their text (`2.1应急指挥机构区经济发展局在…`)
        tableOfContentsTitles = candidateList[i..<j].map { Array(entryTitle(after: $0.end)) }.filter { $0.count >= 2 }
          .sorted { $0.count > $1.count }
        candidateList.removeSubrange(i..<j)
        return
      }
      return
    }
  }

  /// An entry's title in a table of contents: the text after its marker up to the line's end, a sentence mark or a digit (a
  /// page number, `总则……1`, or the next top section run on, `1.3疫情分级2组织体系`), without dot leaders, at most 30 characters.
  func entryTitle(after p: Int) -> ArraySlice<Unicode.Scalar> {
    var e = p
    while e < n, e - p < 30, s[e] != "\n", s[e] != "。", s[e] != "，", s[e].value &- 0x30 >= 10 { e += 1 }
    while e > p, isSpaceOrNewline(s[e - 1]) || "…．.·-—".unicodeScalars.contains(s[e - 1]) { e -= 1 }
    return s[p..<e]
  }

  /// Most issuer lines read above a signature date (a joint notice of several offices).
  static let maxJointIssuers = 12

  /// A date that signs the notice: alone on its line (possibly under an issuer line), or for an
  /// `anywhere` pattern at a line start or after a sentence end.
  func signature(_ r: Range<Int>, pattern k: Int, date: String) throws(StageFailure) -> Signature? {
    let ls = lineStart(r.lowerBound)
    let le = lineEnd(r.lowerBound)
    var aloneAfter = true
    var i = r.upperBound
    while i < le {
      if !isHSpace(s[i]) { aloneAfter = false; break }
      i += 1
    }
    var isLine = atLineStart(r.lowerBound) && aloneAfter
    // `临沂市人民政府办公室 二〇一二年八月一日` on one line: the issuer stands before the date
    var sameLineIssuer: String? = nil
    if !isLine, aloneAfter {
      let before = trimmed(ls..<r.lowerBound)
      if !before.isEmpty, before.count <= 120, let m = try issuerLine.lookingAt(before), m.upperBound >= before.upperBound {
        sameLineIssuer = text(before)
        isLine = true
      }
    }
    if !isLine {
      guard rules.dates[k].anywhere else { return try inlineSignature(r, date: date) }
      var p = r.lowerBound - 1
      while p >= 0, isHSpace(s[p]) { p -= 1 }
      guard p < 0 || s[p] == "\n" || s[p] == "。" || s[p] == "；" || s[p] == "！" || s[p] == "？" else {
        return try inlineSignature(r, date: date)
      }
    }
    var issuer: String? = sameLineIssuer
    var blockStart = ls
    // (a seal note between the issuer and the date, 上海市…领导小组办公室 / （上海市发展和改革委员会代章） / 2025年1月13日:
    // the issuer is the line above it)
    var above = previousLine(ls)
    if let note = above, let sealNote, let m = try sealNote.lookingAt(note.lowerBound..<lineEnd(note.lowerBound)),
      m.upperBound >= note.upperBound
    {
      above = previousLine(note.lowerBound)
    }
    if issuer == nil, let prev = above, try isIssuerLine(prev) {
      let block = try issuerBlock(above: prev)
      issuer = block.issuer
      if isLine { blockStart = lineStart(block.first.lowerBound) }
    }
    return Signature(dateRange: r, date: date, issuer: issuer, blockStart: blockStart, isLine: isLine)
  }

  /// The issuers signing above a date, from issuer line `last` up: a joint notice signs with one issuer per line (上海市科学技术
  /// 委员会 / 上海市经济和信息化委员会 / …), all of them joined by spaces as on one line; `first` is the topmost line.
  func issuerBlock(above last: Range<Int>) throws(StageFailure) -> (issuer: String, first: Range<Int>) {
    var first = last
    var names = [try issuerText(last)]
    while names.count < Self.maxJointIssuers, let up = previousLine(first.lowerBound), try isIssuerLine(up) {
      names.append(try issuerText(up))
      first = up
    }
    return (names.reversed().joined(separator: " "), first)
  }

  /// A signature run into the text (a flattened page): between a sentence end (or a line start) and the
  /// date, nothing but an issuer (`…组织实施。平潭综合实验区管委会办公室2015年6月12日平潭综合实验区…方案根据…`).
  func inlineSignature(_ r: Range<Int>, date: String) throws(StageFailure) -> Signature? {
    var p = r.lowerBound
    let floor = max(0, r.lowerBound - 41)
    while p > floor, !"。；！？\n".unicodeScalars.contains(s[p - 1]) { p -= 1 }
    guard p == 0 || "。；！？\n".unicodeScalars.contains(s[p - 1]) else { return nil }
    let who = trimmed(p..<r.lowerBound)
    guard who.count >= 4, let m = try issuerLine.lookingAt(who), m.upperBound >= who.upperBound else { return nil }
    return Signature(dateRange: r, date: date, issuer: text(who), blockStart: lineStart(r.lowerBound), isLine: false, isInline: true)
  }

  /// Which date pattern (branch of the scan regex) matched, if it is a date.
  func datePattern(of m: ScanHit) -> Int? {
    rules.dates.indices.first { k in
      let b = rules.dates[k].branch
      return b >= 1 && m.group(b) != nil
    }
  }

  /// A match of the combined date regex as YYYY-MM-DD.
  func isoDate(_ m: ScanHit, pattern k: Int) -> String? {
    let d = rules.dates[k]
    func part(_ g: Int) -> Int? { m.group(g).flatMap(writtenNumber) }
    guard let y = part(d.cy), let mo = part(d.cm), let dd = part(d.cd) else { return nil }
    return formatDate(y, mo, dd)
  }

  /// The number written in `r`, in Arabic or Chinese numerals, spaces aside (a date's year, month or day).
  func writtenNumber(_ r: Range<Int>) -> Int? {
    var digits: [Unicode.Scalar] = []
    for c in s[r] where !isHSpace(c) { digits.append(c) }
    return parseNumber(digits, .arabic) ?? parseNumber(digits, .chinese)
  }

  /// Where the notice's own clauses end (its closing block); `closingLimit` runs on past attached
  /// tables read after it.
  var bodyClosingLimit = 0
  var closingLimit = 0
}
