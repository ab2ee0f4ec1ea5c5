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
}

struct SegmentRun {
  let s: [Unicode.Scalar]
  let n: Int
  let rules: SegmentRules
  var warnings: [DocumentWarning] = []

  // per-document matchers: cloned and loaded on first use (most documents need only a few of them)
  let attribution: WindowMatcher
  let issuerLine: WindowMatcher
  let issuerPrefix: WindowMatcher
  let docNumber: LazyMatcher
  let decreeNumber: LazyMatcher?
  let cues: LazyMatcher
  let exclude: LazyMatcher
  /// Ranges of `附件：` line heads (the attachment branch of `SegmentRules.scanRegex`).
  var attachmentHits: [Range<Int>] = []
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
  }
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
  }

  init(scalars: [Unicode.Scalar], rules: SegmentRules) throws(StageFailure) {
    s = scalars
    n = scalars.count
    self.rules = rules
    preambleEnd = scalars.count
    attribution = WindowMatcher(rules.attributionRegex, scalars)
    issuerLine = WindowMatcher(rules.issuerLineRegex, scalars)
    issuerPrefix = WindowMatcher(rules.issuerPrefixRegex, scalars)
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

  /// A marker as the output writes it: its scheme's `canonical` form (`1、` → `1.`), else as written.
  func markerText(_ c: Candidate) -> String {
    rules.schemes[c.scheme].canonical?.marker(c.number) ?? text(c.start..<c.end)
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
        // 附件： counts at the start of a line only
        guard atLineStart(m.range.lowerBound) else { continue }
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
      guard rules.dates[k].anywhere else { return nil }
      var p = r.lowerBound - 1
      while p >= 0, isHSpace(s[p]) { p -= 1 }
      guard p < 0 || s[p] == "\n" || s[p] == "。" || s[p] == "；" || s[p] == "！" || s[p] == "？" else { return nil }
    }
    var issuer: String? = sameLineIssuer
    var blockStart = ls
    if issuer == nil, let prev = previousLine(ls), try isIssuerLine(prev) {
      // a joint notice signs with one issuer per line (上海市科学技术委员会 / 上海市经济和信息化委员会 / …):
      // all of them, joined by spaces as on one line
      var first = prev
      var names = [text(prev)]
      while names.count < Self.maxJointIssuers, let up = previousLine(first.lowerBound), try isIssuerLine(up) {
        names.append(text(up))
        first = up
      }
      issuer = names.reversed().joined(separator: " ")
      if isLine { blockStart = lineStart(first.lowerBound) }
    }
    return Signature(dateRange: r, date: date, issuer: issuer, blockStart: blockStart, isLine: isLine)
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
    func part(_ g: Int) -> Int? {
      guard let r = m.group(g) else { return nil }
      var digits: [Unicode.Scalar] = []
      for c in s[r] where !isHSpace(c) { digits.append(c) }
      return parseNumber(digits, .arabic) ?? parseNumber(digits, .chinese)
    }
    guard let y = part(d.cy), let mo = part(d.cm), let dd = part(d.cd) else { return nil }
    return formatDate(y, mo, dd)
  }

  // MARK: Markers

  struct Candidate {
    var start: Int
    var end: Int
    var scheme: Int
    var number: Int
    var lineStart: Bool
    /// Found by the scheme's `pattern_if_expected` (`11.121人才…`, `3.2024年底前…`): a marker only
    /// where it is exactly the next number of a level already open, never a first child, a gap or a
    /// restart.
    var onlyIfExpected = false
    /// A table row (`findTables`): the index of its table.
    var table: Int? = nil
    /// A decimal marker's numbers (`2.4.9` -> [2, 4, 9]): its ancestors' numbers, then its own.
    var components: [Int]? = nil
  }

  struct Level {
    var scheme: Int
    var number: Int
    var marker: String
  }

  /// The marker candidate of a scan match, if it is one with a readable number in range.
  func candidate(_ m: ScanHit) -> Candidate? {
    func has(_ g: Int) -> Bool { g >= 1 && m.group(g) != nil }
    for (k, sc) in rules.schemes.enumerated() where sc.branchGroup >= 1 {  // (the table row is not scanned)
      let strict = has(sc.branchGroup)
      guard strict || has(sc.expectedBranchGroup) else { continue }
      let g = strict ? sc.numberGroup : sc.expectedNumberGroup
      guard let nr = m.group(g),
        let num = parseNumber(Array(s[nr]), sc.numerals), num >= 1, num <= sc.max
      else { return nil }
      return Candidate(start: m.range.lowerBound, end: m.range.upperBound, scheme: k, number: num,
                       lineStart: atLineStart(m.range.lowerBound), onlyIfExpected: !strict,
                       components: sc.numerals == .decimal ? decimalComponents(Array(s[nr])) : nil)
    }
    return nil
  }

  /// The bracket group closing at `close` is a department attribution (…负责）.
  func attributionCloses(at close: Int) throws(StageFailure) -> Bool {
    try attributionStart(closingAt: close) != nil
  }

  /// Where the department attribution closing at `close` opens, nil when that bracket group is not one.
  func attributionStart(closingAt close: Int) throws(StageFailure) -> Int? {
    var depth = 0
    var q = close
    let stop = max(0, close - 260)
    while q >= stop {
      let c = s[q]
      if c == "\n" { return nil }
      if isAttributionClose(c) { depth += 1 } else if isAttributionOpen(c) {
        depth -= 1
        if depth == 0 { break }
      }
      q -= 1
    }
    guard q >= stop, depth == 0 else { return nil }
    guard let m = try attribution.lookingAt(q..<(close + 1)), m.upperBound == close + 1 else { return nil }
    return q
  }

  func inlineContextOK(_ c: Candidate, newLevel: Bool, previousMarkerEnd: Int?, parentRank: Int?,
                       parentIsTop: Bool = false) throws(StageFailure) -> Bool {
    var p = c.start - 1
    while p >= 0, isHSpace(s[p]) { p -= 1 }
    if p < 0 || s[p] == "\n" { return true }
    if rules.inlineAfter.contains(s[p]) { return true }
    if isAttributionClose(s[p]), try attributionCloses(at: p) { return true }
    if newLevel, let e = previousMarkerEnd, e <= c.start, c.start - e <= rules.headingGap {
      var comma = false, enumeration = false
      var i = e
      while i < c.start {
        if s[i] == "\n" { return false }
        if s[i] == "、" {
          enumeration = true
        } else if isPunctuation(s[i]) {
          guard rules.headingGapPunctuation.contains(s[i]) else { return false }
          comma = true
        }
        i += 1
      }
      // a heading with a comma is taken only before the very next level of the hierarchy (一、…，
      // （一）; never （一）…，包括（1）类人员); a top-level heading of two parts joined by 、 (一、优服务、提效能1.…,
      // line breaks lost; Corpus/heldout39 4001) also before the level after it, as notices skip one
      if comma || enumeration {
        guard let parentRank else { return false }
        // (decimal sections stand apart from this hierarchy: line-initial, their levels given by their numbers)
        let below = Set(rules.schemes.filter { $0.numerals != .decimal }.map(\.rank)).filter { $0 > parentRank }.sorted()
        guard below.prefix(!comma && parentIsTop ? 2 : 1).contains(rules.schemes[c.scheme].rank) else { return false }
      }
      return true
    }
    return false
  }

  /// Whether the text numbers its own clauses from 1 after `c` (a file name `17.…docx`, then `一、`…
  /// `1.`): a later marker numbered 1 of `c`'s level or above, unless a higher level has opened
  /// before it at another number (heldout12 1305: `（十六）`, `（十七）`, then `四、`'s `（一）`, a
  /// child of the next section).
  func numbersItsOwnClausesLater(_ c: Candidate, _ cands: [Candidate]) -> Bool {
    let rank = rules.schemes[c.scheme].rank
    // the highest level opened at a line start after `c` (at a number other than 1: a later section)
    var opened: Int? = nil
    for d in cands where d.start > c.start && d.table == nil {
      let r = rules.schemes[d.scheme].rank
      // (a first child of that section is its own, not the text's: `14.`…`23.`, `六、`, `（一）`; Corpus/heldout43 4403)
      if d.number == 1 && (r < rank || (r == rank && opened == nil)) && !(opened.map { r > $0 } ?? false) { return true }
      if r < rank && d.lineStart { opened = min(opened ?? r, r) }
    }
    return false
  }

  /// Whether the next line-initial candidate of `c`'s scheme after it is `c`'s next number: a run
  /// of clauses, not a stray number.
  func successorOpensLine(_ c: Candidate, _ cands: [Candidate]) -> Bool {
    guard let next = cands.first(where: { $0.start > c.start && $0.scheme == c.scheme && $0.lineStart && $0.table == nil }) else {
      return false
    }
    return next.number == c.number + 1
  }

  /// Is the text before `c` only attributions in brackets, one per line: a page that begins with the attribution
  /// closing a clause on the page before (`(牵头单位:市林业局;责任单位:…)` / `(十)涉林旅游观光工程。…`; Corpus/heldout61
  /// 6203)?
  /// (A regex error or timeout counts as no.)
  func onlyAttributionsBefore(_ c: Candidate) -> Bool {
    var ls = 0
    var any = false
    while ls < c.start {
      let le = min(lineEnd(ls), c.start)
      let line = trimmed(ls..<le)
      if !line.isEmpty {
        guard isAttributionClose(s[line.upperBound - 1]),
          let open = (try? attributionStart(closingAt: line.upperBound - 1)) ?? nil, open == line.lowerBound
        else { return false }
        any = true
      }
      ls = le + 1
    }
    return any
  }

  /// Is the text before `c` only heading lines, at most four and none holding a sentence end or a comma: a mirror's
  /// header and the notice's title above a later page that begins with `（十三）…` (法搜网--中国法律信息搜索网 /
  /// 鄂州市政府关于…的实施意见; Corpus/heldout91 9105)?
  func onlyHeadingLinesBefore(_ c: Candidate) -> Bool {
    var ls = 0
    var lines = 0
    while ls < c.start {
      let le = min(lineEnd(ls), c.start)
      let line = trimmed(ls..<le)
      if !line.isEmpty {
        lines += 1
        guard lines <= 4, line.count <= 60,
          !s[line].contains(where: { "。，；！？：,;:!?".unicodeScalars.contains($0) })
        else { return false }
      }
      ls = le + 1
    }
    return lines > 0
  }

  /// Is the next line-initial marker after `c`, on the line right after `c`'s, a first child of it (number 1 of a
  /// lower level)? A page that begins with the last lines of one section, then `七、…` / `1. …` (Corpus/heldout55
  /// 5601): the heading opens its first item at once.
  func firstChildOpensNextLine(_ c: Candidate, _ cands: [Candidate]) -> Bool {
    guard let next = cands.first(where: { $0.start > c.start && $0.lineStart && $0.table == nil }),
      next.number == 1, rules.schemes[next.scheme].rank > rules.schemes[c.scheme].rank
    else { return false }
    return nextLine(after: c.start)?.lowerBound == next.start
  }

  mutating func warn(_ code: String, _ message: String, _ r: Range<Int>) {
    warnings.append(DocumentWarning(code: code, stage: "segment", message: message, span: Span(r)))
  }

  func label(_ sc: Int, _ num: Int) -> String { "\(rules.schemes[sc].id) \(num)" }

  /// The clauses accepted so far sat under levels whose markers the text does not hold (an excerpt's lost
  /// `五、`, a lost section `2.3`): their numbers and markers are written in front of every accepted clause's.
  /// Returns the paths now taken.
  mutating func numberAcceptedUnder(_ numbers: [Int], markers: [String], scheme: String) -> Set<[Int]> {
    for i in accepted.indices {
      accepted[i].path.insert(contentsOf: numbers, at: 0)
      accepted[i].markers.insert(contentsOf: markers, at: 0)
      accepted[i].schemes.insert(contentsOf: Array(repeating: scheme, count: numbers.count), at: 0)
    }
    return Set(accepted.map(\.path))
  }

  /// A decimal section's marker from its numbers (`[2, 4]` -> `2.4`).
  func decimalMarker(_ numbers: ArraySlice<Int>) -> String { numbers.map(String.init).joined(separator: ".") }

  mutating func acceptMarkers() throws(StageFailure) {
    // (where a decimal marker starts, `2.4.9`, its `2.` is no marker of another scheme)
    let decimalStarts = Set(candidateList.filter { $0.components != nil }.map(\.start))
    let cands = candidateList.filter { $0.components != nil || !decimalStarts.contains($0.start) }
    // the numbers of the last decimal marker accepted: the next must come after them
    var lastDecimal: [Int]? = nil
    var stack: [Level] = []
    var last: [Int: Int] = [:]
    var seen: Set<[Int]> = []
    var closingLimit = n
    var previousMarkerEnd: Int? = nil
    // the first clause marker did not number 1: an excerpt of a longer notice (`二、`, then `（五）`)
    var excerpt = false
    var ignoredAfterClosing = 0
    var ignoredAt: Range<Int>? = nil
    var lastRow: [Int: Int] = [:]  // per table and scheme: the last row number accepted
    // per table: how many levels were open above its last row; a section of the table above that depth (a category cell
    // `2.` between rows, Corpus/heldout105 10505) starts its rows' numbering again
    var rowDepth: [Int: Int] = [:]
    // a table whose own numbering restarts inside a clause (一、市政府重点工作任务 / 序号 … / 一、主要预期目标
    // / (1) …; Corpus/heldout30 3101) nests under the levels open at its header: they are the base, below
    // which the table's markers are read as a text of their own (until the next table)
    var baseCount = 0
    var baseTable: Int? = nil
    // attached tables (`附件1` above the header) run from their header to the next closing line; their
    // rows and sections are read after the signature too, under the attachment's level
    plans = rules.attachedPlans ? try attachedPlans(cands) : []
    // (an attached table also ends where an attached plan after it starts: Corpus/heldout106 10605, 附件1 a table, 附件2 a plan)
    let attachedEnd = tableStarts.map { start in
      min(closingAfter(start), plans.first(where: { $0.range.lowerBound > start })?.range.lowerBound ?? n)
    }
    var attachedLimit = 0
    let attachmentNames = attachmentNameLines()
    // per attachment (its owner table): the body's last top-level number when its first row was met; an attachment's
    // level is that number plus its own (`附件2` after a body numbered 一、–五、 is 7; Corpus/heldout101 10104) or plus one
    // without a number (heldout100 10004), so that its rows never share a path with the body's clauses; with no body
    // before it, its own number (附件1 → 1, Corpus/heldout9 1003)
    var attachmentBase: [Int: Int] = [:]
    let attachmentScheme = rules.tables.attachmentScheme
    let planStart = rules.planAfterSignature ? attachedPlanStart(cands) : nil
    // per attached plan: the body's last top-level number when its first clause was met (as `attachmentBase`); a plan
    // with no body before it (a cover's plan, read as the notice's tasks) is no level of its own
    var planBase: [Int: Int] = [:]
    // (plans numbered 附件1, 附件2, … with no body before them, a cover without clauses of its own: each restarts its 一、 and
    // is read under its attachment's level, as numbered attached tables are; Corpus/heldout118 11806, heldout9 1003)
    let numberedPlans = Self.severalNumbered(plans.map(\.number))
    if let planStart, case let cover = cands.filter({ $0.start < planStart && $0.lineStart }).count, cover > 0 {
      warn("cover_clauses", "\(cover) numbered line(s) of the cover notice before its signature are not tasks: the plan after it is", cands[0].start..<planStart)
    }

    for c in cands {
      if let planStart, c.start < planStart { continue }
      // the numbered names of an attachments list (附件：1. …分解表 2. …分解表) are no clauses
      if attachmentNames.contains(where: { $0.contains(c.start) }) { continue }
      var attached: Int? = nil
      if let t = tableStarts.lastIndex(where: { $0 <= c.start }), let a = tableAttachments[t], c.start < attachedEnd[t] {
        let o = tableAttachmentOwners[t]
        if attachmentBase[o] == nil {
          let body = accepted.filter { m in attachmentScheme.map { m.schemes.first != rules.schemes[$0].id } ?? true }
            .compactMap(\.path.first).max() ?? 0
          // (a second attachment without a number, after the body and a first one, is the level after that one: two
          // unlabelled tables of one attachment, each numbering its rows from 1; Corpus/heldout114 11401)
          let earlier = a.number == nil && body != 0
            ? accepted.filter { m in attachmentScheme.map { m.schemes.first == rules.schemes[$0].id } ?? false }.compactMap(\.path.first).max()
            : nil
          attachmentBase[o] = max(body, earlier ?? 0)
        }
        // (an attachment without a number is a level of its own only after clauses of the body; a table under a bare
        // `附件` line with nothing numbered before it keeps its rows' own numbers, Corpus/heldout72 7205)
        if a.number != nil || attachmentBase[o] != 0 { attached = t }
      }
      var plan: Int? = nil
      if attached == nil, let i = plans.lastIndex(where: { $0.range.lowerBound <= c.start }), c.start < plans[i].range.upperBound {
        if planBase[i] == nil {
          planBase[i] = accepted.filter { m in attachmentScheme.map { m.schemes.first != rules.schemes[$0].id } ?? true }
            .compactMap(\.path.first).max() ?? 0
        }
        if planBase[i] != 0 || numberedPlans { plan = i }
      }
      if let sch = attachmentScheme {
        var level: (number: Int, marker: String)? = nil
        if let t = attached, let a = tableAttachments[t] {
          level = ((attachmentBase[tableAttachmentOwners[t]] ?? 0) + (a.number ?? 1), a.marker)
        } else if let i = plan {
          level = ((planBase[i] ?? 0) + (plans[i].number ?? 1), plans[i].marker)
        }
        if let level {
          if !(stack.first.map { $0.scheme == sch && $0.number == level.number } ?? false) {
            stack = [Level(scheme: sch, number: level.number, marker: level.marker)]
            last = [:]
          }
        } else if stack.first?.scheme == sch {
          stack = []
        }
      }
      if c.start >= closingLimit, attached == nil, plan == nil {
        if c.lineStart { ignoredAfterClosing += 1; if ignoredAt == nil { ignoredAt = c.start..<c.end } }
        continue
      }
      let sc = rules.schemes[c.scheme]
      var popTo: Int
      var note: (String, String)? = nil
      var newLevel = false
      // the levels above a decimal section that its numbers give (`2`, `2.4` of `2.4.9`)
      var ancestors: [Level] = []
      if let t = tableStarts.lastIndex(where: { $0 < c.start }), t != baseTable, attached == nil {
        baseTable = t
        baseCount = 0
        // its first marker restarts a level open above the header: the table nests under them all
        if c.lineStart, c.number == 1, c.table == nil, !stack.isEmpty, stack.contains(where: { $0.scheme == c.scheme }),
          !accepted.contains(where: { $0.start > tableStarts[t] && $0.start < c.start })
        {
          baseCount = stack.count
        }
      }
      if let parts = c.components {
        // a decimal section (2.4.9, at a line start): its numbers give its ancestors, whose markers the text
        // may not hold (`2`, `2.4`); it follows the last decimal section in order, or it is no marker
        guard c.lineStart, parts.count >= 2, lastDecimal.map({ !parts.lexicographicallyPrecedes($0) && parts != $0 }) ?? true
        else { continue }
        let first = lastDecimal == nil
        lastDecimal = parts
        popTo = stack.firstIndex(where: { $0.scheme == c.scheme }) ?? stack.count
        // (the section the items before it sat in: its previous sibling, `2.3` before `2.4`; before a first
        // child `3.1`, the previous top section `2`; before a deeper first child `2.4.1`, its parent `2.4`)
        var lost: [Int] = []
        if parts[parts.count - 1] > 1 {
          lost = Array(parts.dropLast()) + [parts[parts.count - 1] - 1]
        } else if parts.count == 2, parts[0] > 1 {
          lost = [parts[0] - 1]
        } else if parts.count > 2 {
          lost = Array(parts.dropLast())
        }
        if first, !lost.isEmpty, !stack.isEmpty, stack.allSatisfy({ rules.schemes[$0.scheme].rank > sc.rank }),
          !accepted.isEmpty, accepted.allSatisfy({ a in rules.schemes.first { $0.id == a.schemes.first }.map { $0.rank > sc.rank } ?? false })
        {
          // an excerpt whose first section is `3.1` or `2.4` after items of a lower level (a later page of an
          // emergency plan: `(2)市安监局:…` … `(12)…`, then `3 预警发布` / `3.1 …`, Corpus/heldout50 5102; `(10)`…`(22)`,
          // then `2.4`, heldout59 6001): those items sat in the section before it, which is written into their paths
          // and markers, as for any other level above them
          popTo = 0
          let markers = lost.indices.map { decimalMarker(lost[...$0]) }
          seen = numberAcceptedUnder(lost, markers: markers, scheme: sc.id)
          note = ("numbering_gap", "\(text(c.start..<c.end)) opens a level above the clauses before it, whose own section \(markers.last ?? "") is not in the text: they are numbered under it")
        }
        ancestors = parts.indices.dropLast().map { i in Level(scheme: c.scheme, number: parts[i], marker: decimalMarker(parts[...i])) }
      } else if let t = c.table {
        // A table row: its table's header vouches for it, so there is no sequence check and no gap
        // warning (a department's extract of a longer table skips rows: 3, 68, 69, 73). Numbers
        // only go up within a table: a smaller one is a cell holding a bare number.
        // (per scheme: rows `1`, `2` and rows `(1)`…`(10)` of one table number apart)
        let rowKey = t &* 256 &+ c.scheme
        guard lastRow[rowKey].map({ c.number > $0 }) ?? true else { continue }
        lastRow[rowKey] = c.number
        rowDepth[t] = stack.count
        popTo = stack[min(baseCount, stack.count)...].firstIndex(where: { $0.scheme == c.scheme }) ?? stack.count
      } else if let k = stack[min(baseCount, stack.count)...].firstIndex(where: { $0.scheme == c.scheme }) {
        let expected = stack[k].number + 1
        if c.number == expected {
          popTo = k
        } else if c.onlyIfExpected {
          continue
        } else if c.number > expected {
          guard c.lineStart else { continue }
          if c.number - expected <= rules.maxGap {
            popTo = k
            note = ("numbering_gap", "\(label(c.scheme, c.number)) follows \(stack[k].marker): \(c.number - expected) number(s) missing")
          } else {
            warn("numbering_jump", "\(text(c.start..<c.end)) after \(stack[k].marker) jumps too far; not taken as a clause marker", c.start..<c.end)
            continue
          }
        } else if c.number == 1, c.lineStart {
          popTo = k
          note = ("numbering_restart", "\(text(c.start..<c.end)) restarts numbering after \(stack[k].marker)")
        } else {
          if c.lineStart {
            warn("numbering_jump", "\(text(c.start..<c.end)) after \(stack[k].marker) goes backwards; not taken as a clause marker", c.start..<c.end)
          }
          continue
        }
      } else {
        // a wider match is never a first child: `1.2万人…` at a line start is a number, not item 1;
        // at a line start it may continue numbering that runs on across sections (（二）3、2017年…
        // after （一）1、2、), being exactly the next number of its scheme
        if c.onlyIfExpected, !(c.lineStart && last[c.scheme].map({ $0 + 1 }) == c.number) { continue }
        newLevel = true
        popTo = stack.count
        let runOn = last[c.scheme].map { $0 + 1 }
        if c.number != 1 && c.number != runOn {
          // (inline after a sentence end only to open a level above every open one: an excerpt run on in one
          // paragraph, `…等负责）。 三、加强领导 …`; Corpus/heldout70 7003)
          let opensAbove = last[c.scheme] == nil && !stack.isEmpty && stack.allSatisfy({ rules.schemes[$0.scheme].rank > sc.rank })
          guard c.lineStart || opensAbove && followsSentenceEnd(c.start) else { continue }
          var missing = c.number - 1
          if let r = runOn, c.number > r { missing = min(missing, c.number - r) }
          if opensAbove {
            // the text begins inside a section whose own marker it does not hold (an excerpt, a later
            // page of a scraped notice: `4、…` then `七、…`): a line-initial marker of a level above
            // every open one, its scheme not met before, opens that level at its number
            popTo = 0
            note = ("numbering_gap", "\(text(c.start..<c.end)) opens a level above the clauses before it, whose own marker is not in the text")
            // the clauses before it sat under its previous sibling (`3.`–`5.` then `（二）`: under
            // `（一）`), which is written into their paths and markers, as a reader of the whole notice
            // would number them; no task is made for the lost marker itself
            if let inferred = marker(text(c.start..<c.end), renumberedTo: c.number - 1, sc.numerals) {
              seen = numberAcceptedUnder([c.number - 1], markers: [inferred], scheme: sc.id)
              note = ("numbering_gap", "\(text(c.start..<c.end)) opens a level above the clauses before it, whose own marker \(inferred) is not in the text: they are numbered under it")
            }
          } else if missing <= rules.maxGap {
            note = ("numbering_gap", "\(text(c.start..<c.end)) opens a level without its first number(s)")
          } else if excerpt, let parent = accepted.last, parent.path == stack.map(\.number),
            nextLine(after: parent.start)?.lowerBound == c.start
          {
            // an excerpt that quotes one clause of a section (a report's `二、…` heading line, then its
            // `（五）…`; Corpus/heldout37 3801): on the line right after its parent's heading, any number
            note = ("numbering_gap", "\(text(c.start..<c.end)) opens a level of an excerpt without its first number(s)")
          } else if accepted.isEmpty, stack.isEmpty,
            !hasText(from: 0, to: c.start) || successorOpensLine(c, cands) || firstChildOpensNextLine(c, cands)
              || onlyAttributionsBefore(c) || onlyHeadingLinesBefore(c),
            !isPlanTitle(trimmed(c.start..<lineEnd(c.start))),
            !numbersItsOwnClausesLater(c, cands)
          {
            // the text begins with it: a later page of a longer notice (`5.完善城乡交通管理长效机制。…`,
            // Corpus/heldout18 1901), whose earlier clauses are on earlier pages; not when the text
            // numbers its own clauses from 1 later on (`17.…政策清单.docx`, a file name, then `一、`), nor
            // when the line reads as a title (`15、关于做好…工作的通知`, an entry of a list of notices). Text
            // before it (a page's chrome, a news report quoting the notice: `（二十四）…` `（二十五）…`,
            // Corpus/heldout21 2202) is allowed when the next line-initial marker of its scheme is its
            // next number, when its first child opens the next line (`七、…` / `1. …`, Corpus/heldout55 5601), or
            // when only attributions in brackets stand before it (the close of the page before's last clause), or only a
            // few heading lines (a mirror's header and the notice's title).
            note = ("numbering_gap", "\(text(c.start..<c.end)) begins the text: an excerpt whose earlier clauses are not in it")
          } else {
            warn("numbering_jump", "\(text(c.start..<c.end)) does not continue any numbering; not taken as a clause marker", c.start..<c.end)
            continue
          }
        }
        if !c.lineStart, let top = stack.last, rules.schemes[top.scheme].rank >= sc.rank { continue }
      }
      if !c.lineStart {
        guard sc.inline,
          try inlineContextOK(c, newLevel: newLevel, previousMarkerEnd: previousMarkerEnd,
                              parentRank: stack.last.map { rules.schemes[$0.scheme].rank }, parentIsTop: stack.count == 1)
        else { continue }
      }
      // accepted
      if let (code, message) = note { warn(code, message, c.start..<c.end) }
      stack.removeSubrange(popTo...)
      baseCount = min(baseCount, popTo)
      stack += ancestors
      stack.append(Level(scheme: c.scheme, number: c.number, marker: markerText(c)))
      last[c.scheme] = c.number
      let path = stack.map(\.number)
      if c.table == nil, let t = tableStarts.lastIndex(where: { $0 < c.start }), let depth = rowDepth[t], path.count <= depth {
        lastRow = lastRow.filter { $0.key / 256 != t }
        rowDepth[t] = nil
      }
      let emit = seen.insert(path).inserted
      if !emit {
        warn("duplicate_path", "\(stack.map(\.marker).joined()) repeats an earlier clause path \(path); its text is left out", c.start..<c.end)
      }
      if accepted.isEmpty {
        excerpt = c.number != 1
        // the notice closes at the first closing line after its first clause
        if let i = closingStarts.firstIndex(where: { $0 > c.start }) { closingLimit = closingStarts[i] }
      }
      accepted.append(AcceptedMarker(start: c.start, end: c.end, path: path, markers: stack.map(\.marker),
                                     schemes: stack.map { rules.schemes[$0.scheme].id }, emit: emit, table: c.table))
      if let t = attached { attachedLimit = max(attachedLimit, attachedEnd[t]) }
      if let i = plan { attachedLimit = max(attachedLimit, plans[i].range.upperBound) }
      previousMarkerEnd = c.end
    }
    if ignoredAfterClosing > 0, let at = ignoredAt {
      warn("clauses_after_closing", "\(ignoredAfterClosing) numbered line(s) after the signature/attachment block were not segmented", at)
    }
    self.bodyClosingLimit = closingLimit
    self.closingLimit = max(closingLimit, attachedLimit)
  }

  /// Where the notice's own clauses end (its closing block); `closingLimit` runs on past attached
  /// tables read after it.
  var bodyClosingLimit = 0
  var closingLimit = 0

  /// Where a plan printed after the cover notice's signature starts, when the cover numbers its own
  /// requirements (`sequence.plan_after_signature`): the first line-start marker is before a closing
  /// line (the signature), and after that line comes a plan title line (no sentence punctuation, a title
  /// ending, perhaps a bracketed count: `…分工方案（共计121项）`) and right under it a line-start marker
  /// numbered 1 of a level no lower than the cover's first.
  /// Lines above a plan's first clause searched for its title (the title, a bracketed subtitle, an intro).
  static let planTitleLinesAbove = 3

  func attachedPlanStart(_ cands: [Candidate]) -> Int? {
    // (the cover ends at its closing block, or at its attachments line when the signature is run into
    // other text: `…电子邮箱：…市人大社会建设委员会2023年7月24日` / `附件：` / title / `一、`; heldout25 2604)
    guard let first = cands.first(where: { $0.lineStart && $0.table == nil }) else { return nil }
    // (a first clause already after a closing line, under its plan's title, is the attached plan's own: the plan starts
    // there, and a later plan is one of its attachments; Corpus/heldout104 10401)
    if closingStarts.contains(where: { $0 < first.start }), first.number == 1, !first.onlyIfExpected, underPlanTitle(first, after: 0) {
      return first.start
    }
    guard let closing = [closingStarts.first(where: { $0 > first.start }),
                     attachmentHits.first(where: { $0.lowerBound > first.start }).map { lineStart($0.lowerBound) }]
        .compactMap({ $0 }).min()
    else { return nil }
    let firstRank = rules.schemes[first.scheme].rank
    for c in cands where c.start > closing && c.lineStart {
      // a table's first row: the title is above its header (Corpus/heldout21 2201: the cover notice's
      // 一、二、三、, its signature, `2016年《政府工作报告》量化指标任务分工`, `序号 工作任务 牵头负责部门`)
      if let t = c.table {
        guard c.number == 1, t < tableStarts.count, tableStarts[t] > closing else { continue }
        // (a table printed under an attachment line is an attachment of the notice, read under its own level: the
        // clauses before it stay tasks; Corpus/heldout101 10104)
        if t < tableAttachments.count, tableAttachments[t] != nil { return nil }
        guard let title = previousLine(lineStart(tableStarts[t])), title.lowerBound > closing, isPlanTitle(title) else { return nil }
        return c.start
      }
      guard c.number == 1, !c.onlyIfExpected, rules.schemes[c.scheme].rank <= firstRank else { continue }
      return underPlanTitle(c, after: closing) ? c.start : nil
    }
    return nil
  }

  /// Plans attached after a body (`sequence.attached_plans`): a line-start clause numbered 1 with a plan title above it
  /// and, above the title, an attachment line (`附件1` / `青浦区建筑垃圾管理细则` / `一、概念定义`; Corpus/heldout104 10401).
  /// Each runs from its attachment line to the next plan's or attached table's attachment line, or the first closing line
  /// after its first clause. None when the notice's first clause is itself under such a line (a cover's plan).
  func attachedPlans(_ cands: [Candidate]) throws(StageFailure) -> [AttachedPlan] {
    guard rules.tables.attachment != nil, let first = cands.first(where: { $0.lineStart && $0.table == nil }) else { return [] }
    // (the attachment lines were found by `findTables`, which reads every line: most notices have none after their first
    // clause, and then no clause is looked at)
    guard let firstLabel = attachmentLabelLines.first(where: { $0 > first.start }) else { return [] }
    // (the notice's first clause may be a plan's own under an attachment line, a cover with no clauses before it: looked at
    // too, see below)
    let from = attachmentLabelLines.last(where: { $0 < first.start }) ?? firstLabel
    var found: [(line: Int, clause: Int, number: Int?, marker: String)] = []
    for c in cands where c.start > from && c.lineStart && c.table == nil && c.number == 1 && !c.onlyIfExpected && c.components == nil {
      var line = previousLine(lineStart(c.start))
      var title = false
      for _ in 0...Self.planTitleLinesAbove {
        guard let l = line else { break }
        if let a = try attachmentLine(l) {
          // (one plan per attachment line: its first clause numbered 1, not a child numbered 1 under its first heading)
          if title, found.last?.line != l.lowerBound { found.append((l.lowerBound, c.start, a.number, a.marker)) }
          break
        }
        // (under an attachment line any title-like line will do: `附件1` / `机关、团体、企业、事业等单位消防安全职责` / an intro /
        // `一、单位共同职责`; Corpus/heldout120 12001)
        if isPlanTitle(l) || isAttachmentTitle(l, cands) { title = true }
        line = previousLine(l.lowerBound)
      }
    }
    guard let head = found.first else { return [] }
    // a cover's plan (the first clause is under the attachment line) is the notice's tasks, no level of its own, unless
    // more numbered plans follow it (see `numberedPlans` in `acceptMarkers`)
    if head.clause <= first.start, !Self.severalNumbered(found.map(\.number)) {
      found.removeFirst()
      guard found.first.map({ $0.clause > first.start }) ?? false else { return [] }
    }
    // (the attachment line of an attached table ends the plan before it)
    return found.enumerated().map { k, f in
      let ends = [k + 1 < found.count ? found[k + 1].line : nil, tableAttachmentLines.first(where: { $0 > f.clause }),
                  closingStarts.first(where: { $0 > f.clause })].compactMap { $0 }
      return AttachedPlan(range: f.line..<(ends.min() ?? n), number: f.number, marker: f.marker)
    }
  }

  /// Whether a plan's title stands right above clause `c`, or above a subtitle and an intro paragraph (`附件：` /
  /// `铜仁市2026年项目建设提升年行动方案` / `（公开征求意见稿）` / `为深入贯彻…` / `一、工作目标`; Corpus/heldout33 3404), all after `after`.
  func underPlanTitle(_ c: Candidate, after: Int) -> Bool {
    var line = previousLine(lineStart(c.start))
    for _ in 0..<Self.planTitleLinesAbove {
      guard let l = line, l.lowerBound > after else { return false }
      if isPlanTitle(l) { return true }
      line = previousLine(l.lowerBound)
    }
    return false
  }

  /// The lines of attachments lists (`附件：1. 2022年…目标任务分解表`, then `2. …`) that name an
  /// attachment: the rest of the `附件：` line and the numbered lines after it, each reading as a title
  /// (`isPlanTitle`); the list ends at the first line that does not. A numbered line that reads as a
  /// clause (with sentence punctuation) ends it too, so a plan printed right after `附件：` keeps its
  /// clauses.
  func attachmentNameLines() -> [Range<Int>] {
    var out: [Range<Int>] = []
    for hit in attachmentHits {
      let rest = trimmed(hit.upperBound..<lineEnd(hit.lowerBound))
      if !rest.isEmpty {
        guard isPlanTitle(rest) else { continue }
        out.append(rest)
      }
      var at = hit.lowerBound
      while let next = nextLine(after: at), out.count < 50, startsWithListNumber(next), isPlanTitle(next) {
        out.append(next)
        at = next.lowerBound
      }
    }
    return out
  }

  /// Does the line start with a list number (`1.`, `1．`, `1、`)?
  func startsWithListNumber(_ r: Range<Int>) -> Bool {
    var p = r.lowerBound
    while p < r.upperBound, parseNumber([s[p]], .arabic) != nil { p += 1 }
    return p > r.lowerBound && p < r.upperBound && (s[p] == "." || s[p] == "．" || s[p] == "、")
  }

  /// A line that reads as a plan's title: no sentence punctuation, a title ending before an optional
  /// bracketed note (`2023年区政府工作报告重点工作分工方案（共计121项）`).
  /// Two or more attached plans, each with its attachment's number (`附件1`, `附件2`): after a cover with no clauses each is
  /// read under its own level (`attachedPlans`, `numberedPlans` in `acceptMarkers`).
  static func severalNumbered(_ numbers: [Int?]) -> Bool {
    numbers.count > 1 && numbers.allSatisfy { $0 != nil }
  }

  /// Whether a line under an attachment line can be its plan's title: short, no sentence mark or comma, not bracketed, no
  /// marker of its own (`机关、团体、企业、事业等单位消防安全职责`). Looser than `isPlanTitle`: the attachment line above is the evidence.
  func isAttachmentTitle(_ line: Range<Int>, _ cands: [Candidate]) -> Bool {
    let r = trimmed(line)
    guard !r.isEmpty, r.count <= Self.attachmentTitleMaxLength else { return false }
    if r.contains(where: { rules.sentenceMarks.contains(s[$0]) || s[$0] == "，" || s[$0] == "," }) { return false }
    // (a bracketed line is an attribution or a note, no title)
    if isOpenBracket(s[r.lowerBound]) || isCloseBracket(s[r.upperBound - 1]) { return false }
    return !cands.contains { $0.lineStart && r.contains($0.start) }
  }
  /// Longest attachment title `isAttachmentTitle` takes, in characters.
  static let attachmentTitleMaxLength = 40

  func isPlanTitle(_ line: Range<Int>) -> Bool {
    var r = trimmed(line)
    guard !r.isEmpty, r.count <= rules.titleMaxLength else { return false }
    if isCloseBracket(s[r.upperBound - 1]), let open = r.lastIndex(where: { isOpenBracket(s[$0]) }), open > r.lowerBound {
      r = r.lowerBound..<open
    }
    if r.contains(where: { rules.sentenceMarks.contains(s[$0]) || s[$0] == "，" }) { return false }
    return rules.titleEndings.contains { e in r.count >= e.count && hasPrefix(e, at: r.upperBound - e.count) }
  }

  // MARK: Units

  mutating func units() throws(StageFailure) -> [ClauseUnit] {
    try scan()
    try findTables()
    try acceptMarkers()
    guard !accepted.isEmpty else {
      // (the pipeline reports `no_numbered_clauses` for a document without tasks)
      // without clauses the header is still at the top: look for metadata in the first few pages only
      preambleEnd = min(n, 4000)
      return []
    }
    preambleEnd = accepted.first(where: \.emit)?.start ?? accepted[0].start
    // own ranges
    var ends = [Int](repeating: 0, count: accepted.count)
    for i in accepted.indices {
      guard i + 1 < accepted.count else {
        ends[i] = lastUnitEnd(accepted[i])
        continue
      }
      let next = accepted[i + 1].start
      if let p = plans.first(where: { $0.range.contains(accepted[i].start) }), next >= p.range.upperBound {
        // an attached plan's last clause: it ends where the plan does, not at the next attachment's first clause
        ends[i] = lastUnitEnd(accepted[i], limit: p.range.upperBound)
      } else if accepted[i].start < bodyClosingLimit, next >= bodyClosingLimit {
        // the notice's last clause before an attached table read after the signature: it ends at
        // the closing block, as the last clause does
        ends[i] = lastUnitEnd(accepted[i], limit: bodyClosingLimit)
      } else if let p = plans.first(where: { $0.range.lowerBound > accepted[i].start && $0.range.lowerBound <= next }) {
        // the last clause or row before an attached plan: it ends before the plan's attachment line
        ends[i] = lastUnitEnd(accepted[i], limit: p.range.lowerBound)
      } else if let t = accepted[i].table, let h = tableStarts.first(where: { $0 > accepted[i].start && $0 < next }) {
        // a table's last row before another table: its cells, not the next table's title and header
        ends[i] = lastRowEnd(accepted[i], lines: tables[t].columns.count, limit: lineStart(h))
      } else if let t = accepted[i + 1].table, repeatedLeadingCells.contains(t), let cell = previousLine(next), cell.lowerBound > accepted[i].end {
        // before a row of a table whose leading column's cell stands before every row: that cell is the next row's
        ends[i] = cell.lowerBound
      } else if let l = tableAttachmentLines.first(where: { $0 > accepted[i].start && $0 < next }) {
        // the last clause before a table printed as an attachment: it ends before the attachment's line (`附件1`, or the
        // table's title line, `tables.titled_attachment`), which belongs to the table
        ends[i] = lastUnitEnd(accepted[i], limit: l)
      } else {
        ends[i] = next
      }
    }
    // per marker-rowed table: where it ends and how deep its first row is (`markerTableColumns`), found once
    var markerRows: [Int: (end: Int, depth: Int)] = [:]
    for t in markerTables {
      if let firstRow = accepted.first(where: { $0.start > tableStarts[t] }) {
        markerRows[t] = (closingAfter(tableStarts[t]), firstRow.path.count)
      }
    }
    var units: [ClauseUnit] = []
    units.reserveCapacity(accepted.count)
    for i in accepted.indices where accepted[i].emit {
      let a = accepted[i]
      let own = a.start..<max(a.end, ends[i])
      let body = trimmed(a.end..<own.upperBound)
      // end of this unit's subtree (for "is the heading followed by more text")
      var j = i + 1
      var subtreeEnd = own.upperBound
      while j < accepted.count, accepted[j].path.count > a.path.count,
        accepted[j].path.starts(with: a.path)
      {
        subtreeEnd = ends[j]
        j += 1
      }
      var table = a.table.map { tables[$0] } ?? markerTableColumns(a, markerRows)
      // a numbered line inside a row's task cell (heldout6 701: row `1`, its items `1.`…`7.`, each with
      // its own 牵头领导 / 责任单位 cells): read against the row's columns from the task column on
      // (looked for only in a document with a table: the search for the parent runs back over the units)
      if table == nil, !tables.isEmpty, let parent = accepted[..<i].last(where: { $0.path == Array(a.path.dropLast()) }),
        let t = parent.table
      {
        let h = tables[t]
        table = TableHeader(columns: Array(h.columns[h.taskColumn...]), taskColumn: 0)
      }
      let sectionRow = table == nil ? sectionRows[a.start] : nil
      if let sectionRow { table = tables[sectionRow] }
      units.append(ClauseUnit(path: a.path, markers: a.markers, schemes: a.schemes, markerRange: a.start..<a.end,
                              ownRange: own, bodyRange: body,
                              heading: try heading(body: body, subtreeEnd: subtreeEnd, tableRow: a.table != nil || sectionRow != nil),
                              table: table))
    }
    return units
  }

  /// The columns a clause marker in a marker-rowed table (`markerTables`) stands for: its level under the table's first
  /// row's is its column (`一、` the 类别 column, `1.` the 项目 column), and its unit is read against the columns from there
  /// on; nil outside such a table (after the next table's start or its closing line), or below the task column. `rows`: per
  /// marker-rowed table, where it ends and its first row's depth.
  func markerTableColumns(_ a: AcceptedMarker, _ rows: [Int: (end: Int, depth: Int)]) -> TableHeader? {
    guard a.table == nil, !rows.isEmpty, let t = tableStarts.lastIndex(where: { $0 < a.start }), let row = rows[t], a.start < row.end
    else { return nil }
    let d = a.path.count - row.depth
    let header = tables[t]
    guard d >= 0, d <= header.taskColumn else { return nil }
    return TableHeader(columns: Array(header.columns[d...]), taskColumn: header.taskColumn - d)
  }

  /// The first closing line after `p`, or the text's end.
  func closingAfter(_ p: Int) -> Int { closingStarts.first(where: { $0 > p }) ?? n }

  /// Where the last clause ends: a heading-only clause (`（四）强化人员培训和舆论引导`) runs on to the
  /// closing block; a clause whose marker line is running text ends with its paragraph (continuing
  /// over line breaks that fall mid-sentence), so a closing paragraph after it (004's
  /// `全市深化医药卫生体制改革工作任务艰巨…`) and the signature are not part of it.
  func lastUnitEnd(_ a: AcceptedMarker, limit: Int? = nil) -> Int {
    let limit = limit ?? closingLimit
    if let t = a.table { return lastRowEnd(a, lines: tables[t].columns.count, limit: limit) }
    var bs = a.end
    while bs < limit, isHSpace(s[bs]) { bs += 1 }
    let le = min(lineEnd(bs), limit)
    // a heading line: short, and either one sentence ending at the end of the line
    // (`（三）严格绩效考核。`) or no sentence punctuation and no comma at all (a line with a comma and no
    // sentence end is a sentence broken over lines, handled below)
    let line = trimmed(bs..<max(bs, le))
    var headingOnly = !line.isEmpty && line.count <= rules.headingMaxLength
    if headingOnly {
      let endsSentence = rules.headingTerminators.contains(s[line.upperBound - 1])
      for i in line.lowerBound..<(line.upperBound - (endsSentence ? 1 : 0)) {
        if rules.sentenceMarks.contains(s[i]) || (!endsSentence && (s[i] == "，" || s[i] == ",")) {
          headingOnly = false
          break
        }
      }
    }
    var end = le
    if headingOnly || labelIntroducesList(line)
      || a.schemes.last.flatMap({ id in rules.schemes.first { $0.id == id } })?.wholeParagraphs == true
    {
      end = limit
    } else {
      while end < limit {
        var q = end - 1
        while q >= bs, isSpaceOrNewline(s[q]) { q -= 1 }
        if q < bs { break }
        let c = s[q]
        // a line ending in a colon introduces the lines after it (其职责分工为：⏎教委：负责…⏎建委：负责…;
        // Corpus/heldout42 4304): they are the clause's, up to the closing block
        if c == "：" || c == ":" { return trimmed(a.start..<limit).upperBound }
        let final = rules.sentenceMarks.contains(c) || isCloseBracket(c)
          || c.properties.generalCategory == .finalPunctuation || c.properties.generalCategory == .closePunctuation
        if final { break }
        // mid-sentence line break: the paragraph continues on the next non-blank line
        var k = end
        while k < limit, isSpaceOrNewline(s[k]) { k += 1 }
        if k >= limit { break }
        end = min(lineEnd(k), limit)
      }
      // label lines right after it (牵头单位：区发改局 / 主要协作单位：… on their own lines) are its
      // attribution, not a closing paragraph; so are paragraphs of a department's duties (公安部门负责…;
      // `heading.duty_lines`)
      while end < limit {
        var k = end
        while k < limit, isSpaceOrNewline(s[k]) { k += 1 }
        if k >= limit { break }
        let next = min(lineEnd(k), limit)
        guard isLabelLine(trimmed(k..<next)) || isDutyLine(trimmed(k..<next)) else { break }
        end = next
      }
    }
    return trimmed(a.start..<end).upperBound
  }

  /// A marker line that starts with a short title ending in a colon, running on into the first entry of
  /// what it introduces (`5、部门主要职责：省民政厅组织、协调救灾工作；…`, the other departments' duties on the
  /// lines after it; Corpus/heldout44 4504): the title is at most `heading.label_max_length` characters of
  /// Chinese text, with no punctuation.
  func labelIntroducesList(_ line: Range<Int>) -> Bool {
    guard rules.labelMaxLength > 0 else { return false }
    var k = line.lowerBound
    let cap = min(line.upperBound, k + rules.labelMaxLength + 1)
    while k < cap, isIdeographic(s[k]) { k += 1 }
    return k > line.lowerBound + 1 && k < cap && (s[k] == "：" || s[k] == ":") && k + 1 < line.upperBound
  }

  /// A paragraph that starts like a department's duties (`heading.duty_lines`, matched at its start). A regex error
  /// or timeout counts as no.
  func isDutyLine(_ r: Range<Int>) -> Bool {
    guard let rule = rules.dutyLines, !r.isEmpty else { return false }
    let text = Array(s[r.lowerBound..<min(r.upperBound, r.lowerBound + 60)])
    // (an anchored match: it starts at the paragraph's start)
    guard let re = try? rule.matcher(), (try? re.match(in: text, at: 0)) != nil else { return false }
    return true
  }

  /// A line that is a labelled attribution on its own (`牵头单位：区发改局`, `主要协作单位：…`): a
  /// colon within its first eight characters, and the line in brackets is a whole
  /// `sequence.attribution` match. A regex error or timeout counts as no.
  func isLabelLine(_ r: Range<Int>) -> Bool {
    guard !r.isEmpty, r.count <= 240 else { return false }
    guard s[r.lowerBound..<min(r.upperBound, r.lowerBound + 8)].contains(where: { $0 == "：" || $0 == ":" }) else {
      return false
    }
    let text: [Unicode.Scalar] = ["（"] + Array(s[r]) + ["）"]
    guard let re = try? rules.attributionRegex.matcher(), let m = try? re.match(in: text, at: 0) else { return false }
    return m.range.upperBound == text.count
  }

  /// The heading of a unit. A table row's task cell without a sentence end is its heading only
  /// when cells follow it (a row cut off after its task text, as at the end of an excerpt, has none).
  func heading(body: Range<Int>, subtreeEnd: Int, tableRow: Bool = false) throws(StageFailure) -> String? {
    guard !body.isEmpty else { return nil }
    let bs = body.lowerBound
    let le = lineEnd(bs, limit: body.upperBound)
    var line = trimmed(bs..<le)
    var firstMark: Int? = nil
    var firstTerm: Int? = nil
    let marks = rules.sentenceMarks, terminators = rules.headingTerminators
    s.withUnsafeBufferPointer { s in
      for i in line {
        let c = s[i]
        if firstMark == nil, marks.contains(c) { firstMark = i }
        if firstTerm == nil, terminators.contains(c) { firstTerm = i }
        if firstMark != nil, firstTerm != nil { break }
      }
    }
    if firstMark == nil {
      // a heading line closed by its own attribution: 一、加快调整能源结构（省发改委总牵头）
      if let last = line.last, isCloseBracket(s[last]), let open = try attributionStart(closingAt: last), open > line.lowerBound {
        line = line.lowerBound..<open
      }
      while !line.isEmpty, rules.headingTrim.contains(s[line.upperBound - 1]) || isHSpace(s[line.upperBound - 1]) {
        line = line.lowerBound..<(line.upperBound - 1)
      }
      guard !line.isEmpty, line.count <= rules.headingMaxLength else { return nil }
      if tableRow, !hasText(from: le, to: subtreeEnd) { return nil }
      return text(line)
    }
    guard let t = firstTerm, t > bs, t - bs <= rules.headingMaxLength else { return runOnTitle(line) }
    guard hasText(from: t + 1, to: subtreeEnd) else { return nil }
    var h = trimmed(bs..<t)
    while !h.isEmpty, rules.headingTrim.contains(s[h.upperBound - 1]) { h = h.lowerBound..<(h.upperBound - 1) }
    return h.isEmpty ? nil : text(h)
  }
}

extension SegmentRun {
  /// Something other than spaces and line breaks stands in `from..<to`.
  func hasText(from: Int, to: Int) -> Bool {
    var i = from
    while i < min(to, n) {
      if !isSpaceOrNewline(s[i]) { return true }
      i += 1
    }
    return false
  }

  // MARK: Tables

  /// Tables flattened to text (任务分解表), one cell per line: a line holding only a `tables.header`
  /// word (`序号`), then the column names one per line (short, no punctuation but brackets) up to
  /// the first line that is not one. The header counts only when one column is a task column
  /// (`重点工作任务`); without that, `序号` is just a word. From the header to the end of the text (a
  /// flattened table runs to the end of its page) a line that is wholly a row number
  /// (`tables.row`: `3`, `68`) is a row candidate of that table, merged into `candidateList`; a
  /// later header starts the next table. Outside a table a bare number line is never a candidate
  /// (page numbers, counts).
  mutating func findTables() throws(StageFailure) {
    let tr = rules.tables
    var rows: [Candidate] = []
    // the last row number of the current table and the lines since it: within a row's cells (one
    // line per column) a bare number is a cell (`2024`, `300` in 建设时间 / 投资金额 columns) unless it
    // is the next row's number (a row with empty cells ends early)
    var lastNumber = 0
    var linesSinceRow: Int? = nil
    var afterTotal = false
    // lines that are cells of a column other than the task's, in document order
    var otherCells: [Range<Int>] = []
    var parenRows: [Int: Int] = [:]
    var leadingTables: Set<Int> = []
    var tableOpen = true
    var p = 0
    while p < n {
      var le = lineEnd(p)
      let line = trimmed(p..<le)
      var isLabel = false
      if !line.isEmpty, try attachmentLine(line) != nil { isLabel = true }
      if isLabel { attachmentLabelLines.append(line.lowerBound) }
      // (the header word wrapped over two lines: `序` / `号`, a narrow cell; Corpus/heldout73 7301)
      let headerWord = isTableHeaderWord(line)
      let wrappedHeader = headerWord ? nil : wrappedHeaderWordEnd(line)
      if let w = wrappedHeader { le = w }
      /// Records a table found at `line` and steps to its first row.
      func register(_ header: TableHeader, attached: (number: Int?, marker: String)?, owner: Int, labelLine: Int?, next: Int) {
        tables.append(header)
        tableOpen = true
        tableStarts.append(line.lowerBound)
        tableAttachments.append(attached)
        tableAttachmentOwners.append(owner)
        if let labelLine { tableAttachmentLines.append(labelLine) }
        lastNumber = 0
        linesSinceRow = nil
        p = next
      }
      if !headerWord, wrappedHeader == nil, !tr.leadingColumns.isEmpty, let (header, next) = try markerTableHeader(line) {
        let label = try attachment(above: line.lowerBound)
        markerTables.insert(tables.count)
        register(header, attached: label.map { (number: $0.number, marker: $0.marker) }, owner: tables.count, labelLine: label?.line,
                 next: next)
        continue
      }
      if headerWord || wrappedHeader != nil {
        // a column before 序号 (`分类`): its first cell stands between the header and the first row
        // (or a name ending in one, `改革领域` / `创建领域`, at most six characters; Corpus/heldout114 11401)
        let leading = previousLine(line.lowerBound).map { prev in
          rules.tables.leadingColumns.contains { w in
            w.elementsEqual(s[prev])
          } || prev.count <= 6 && rules.tables.namesACategory(s[prev])
        } ?? false
        if let (header, next) = try tableHeader(after: le, leadingColumn: leading) {
          if leading { leadingTables.insert(tables.count) }
          // (a header printed again over the same columns, at a page break, continues the table above and its attachment;
          // Corpus/heldout100 10004)
          // (above a leading column's name, `类别` / `序号`: Corpus/heldout105 10505)
          let label = try attachment(above: leading ? previousLine(line.lowerBound)?.lowerBound ?? line.lowerBound : line.lowerBound)
          var attached = label.map { (number: $0.number, marker: $0.marker) }
          var owner = tables.count
          if attached == nil, let previous = tables.last, previous.columns == header.columns, let a = tableAttachments.last ?? nil {
            attached = a
            owner = tableAttachmentOwners[tables.count - 1]
          }
          register(header, attached: attached, owner: owner, labelLine: label?.line, next: next)
          continue
        }
        unreadTable(line)
      } else if startsWithTableHeaderWord(line) {
        // a header written on one line (序号 | 工作任务 | 责任单位 |, 序号 名称 工作任务 牵头责任单位):
        // rows on one line each are not read
        unreadTable(line)
      }
      // a totals row (`总分` / `100`): its number is no row
      if !tables.isEmpty, !line.isEmpty, tr.totalWords.contains(where: { $0.elementsEqual(s[line]) }) {
        afterTotal = true
        p = le + 1
        continue
      }
      if afterTotal, !line.isEmpty {
        afterTotal = false
        if try rowNumber(line) != nil {
          p = le + 1
          continue
        }
      }
      // (an attachment's label ends the table before it: bare numbers after it are no rows of that table, Corpus/heldout101
      // 10104's 附件3, whose header is not read, after 附件1's rows)
      if !tables.isEmpty, tableOpen, isLabel { tableOpen = false }
      if !tables.isEmpty, tableOpen, !line.isEmpty, !markerTables.contains(tables.count - 1) {
        let header = tables[tables.count - 1]
        if let num = try rowNumber(line), num >= 1, num <= rules.schemes[tr.rowScheme].max,
          linesSinceRow.map({ $0 >= header.columns.count }) ?? true
            || num == lastNumber + 1 && !isNumberCell(linesSinceRow, of: header)
        {
          rows.append(Candidate(start: line.lowerBound, end: line.upperBound, scheme: tr.rowScheme, number: num,
                                lineStart: true, table: tables.count - 1))
          lastNumber = num
          linesSinceRow = 0
        } else if parenRowNumber(line) != nil {
          // a row numbered in brackets on a line of its own (`(1)` / 地区生产总值增长6%以上。 / 市发展改革委 / …,
          // Corpus/heldout30 3101): the candidate its scheme found there is read as this table's row
          // (its number is of its own scheme: bare row numbers go on from theirs)
          parenRows[line.lowerBound] = tables.count - 1
          linesSinceRow = 0
        } else if isSectionLine(line) {
          // a section row (`一、` / its title / its score): numbers in its cells are no rows either, and
          // its cells are read as a row's (a department cell of its own, Corpus/heldout28 2901 `三、`)
          linesSinceRow = 0
          sectionRows[line.lowerBound] = tables.count - 1
        } else if let k = linesSinceRow {
          linesSinceRow = k + 1
          // a cell of a column that holds no task words (`考核指标`, `责任单位`): items numbered in it
          // (`1.…得2分。2.…得6分。`) are the cell's text, not clauses (Corpus/heldout28 2901); in a `内容`
          // column they are the row's items (Corpus/heldout20 2101)
          if k < header.columns.count, k != header.taskColumn, !isTaskLikeColumn(header.columns[k]) {
            otherCells.append(line)
          }
        }
      }
      p = le + 1
    }
    if !parenRows.isEmpty {
      for i in candidateList.indices where candidateList[i].table == nil {
        if let t = parenRows[candidateList[i].start] { candidateList[i].table = t }
      }
    }
    guard !rows.isEmpty || !parenRows.isEmpty else { return }
    // a leading column's cell printed before every row: the lines right above a table's first two rows are the same cell
    for t in leadingTables {
      let first = rows.filter { $0.table == t }.prefix(2)
      if first.count == 2, let a = previousLine(first[first.startIndex].start), let b = previousLine(first[first.startIndex + 1].start),
        s[a].elementsEqual(s[b])
      {
        repeatedLeadingCells.insert(t)
      }
    }
    // (only a line holding two items or more: a cell counted wrongly, its column's text wrapped over
    // two lines, may put a row's own items one per line into the next column, Corpus/heldout20 2101)
    if !otherCells.isEmpty {
      var inCell = [Int](repeating: -1, count: candidateList.count)
      var perCell = [Int](repeating: 0, count: otherCells.count)
      var c = 0
      for (i, cand) in candidateList.enumerated() {
        while c < otherCells.count, otherCells[c].upperBound <= cand.start { c += 1 }
        if c < otherCells.count, otherCells[c].contains(cand.start) {
          inCell[i] = c
          perCell[c] += 1
        }
      }
      var i = -1
      candidateList.removeAll { _ in
        i += 1
        return inCell[i] >= 0 && perCell[inCell[i]] >= 2
      }
    }
    // merge, keeping document order (both lists are in it)
    var merged: [Candidate] = []
    merged.reserveCapacity(candidateList.count + rows.count)
    var i = 0, j = 0
    while i < candidateList.count || j < rows.count {
      if j >= rows.count || (i < candidateList.count && candidateList[i].start <= rows[j].start) {
        merged.append(candidateList[i])
        i += 1
      } else {
        merged.append(rows[j])
        j += 1
      }
    }
    candidateList = merged
  }

  /// The number of a line that is wholly a bracketed number (`(1)`, `（12）`), at most three digits.
  func parenRowNumber(_ line: Range<Int>) -> Int? {
    guard line.count >= 3, line.count <= 5, s[line.lowerBound] == "(" || s[line.lowerBound] == "（",
      s[line.upperBound - 1] == ")" || s[line.upperBound - 1] == "）"
    else { return nil }
    var num = 0
    for k in (line.lowerBound + 1)..<(line.upperBound - 1) {
      let v = s[k].value
      guard v >= 0x30, v <= 0x39 else { return nil }
      num = num * 10 + Int(v - 0x30)
    }
    return num >= 1 ? num : nil
  }

  /// Whether the line after `linesSinceRow` lines of a row is the cell of a column holding numbers
  /// (`各项分值`, `tables.number_column_words`): a number there is the cell's, even the next row's number.
  func isNumberCell(_ linesSinceRow: Int?, of header: TableHeader) -> Bool {
    guard let k = linesSinceRow, k < header.columns.count, !rules.tables.numberColumnWords.isEmpty else { return false }
    return Self.holds(header.columns[k], anyOf: rules.tables.numberColumnWords)
  }

  /// Whether a column's name holds a `tables.task_column_words` word (`内容`, `措施`).
  func isTaskLikeColumn(_ name: String) -> Bool {
    Self.holds(name, anyOf: rules.tables.taskColumnWords)
  }

  /// Whether a column's name holds one of `words` (compared as scalars, as `tableHeader` finds a task column).
  static func holds(_ name: String, anyOf words: [[Unicode.Scalar]]) -> Bool {
    let scalars = Array(name.unicodeScalars)
    return words.contains { scalars.firstRange(of: $0) != nil }
  }

  /// The line is only a first-level marker (`一、`): a section row between a table's rows, whose
  /// cells (title, score, …) follow one per line. A marker with its title on the line (`一、2025年…`)
  /// is a heading line, counted as any other line.
  func isSectionLine(_ line: Range<Int>) -> Bool {
    var k = line.lowerBound
    while k < line.upperBound, "一二三四五六七八九十".unicodeScalars.contains(s[k]) { k += 1 }
    return k > line.lowerBound && k - line.lowerBound <= 3 && k + 1 == line.upperBound && s[k] == "、"
  }

  /// The trimmed line is a `tables.header` word, spaces aside.
  /// Does the line start with a table header word followed by more cells on the same line (a space
  /// or a bar after the word)?
  func startsWithTableHeaderWord(_ line: Range<Int>) -> Bool {
    rules.tables.header.contains { w in
      line.count > w.count + 1 && s[line].starts(with: w)
        && (isHSpace(s[line.lowerBound + w.count]) || s[line.lowerBound + w.count] == "|" || s[line.lowerBound + w.count] == "｜")
    }
  }

  /// Warns once per document that a table was seen whose rows are not read as tasks, so that a
  /// reader checks it by hand (`unread_table`).
  mutating func unreadTable(_ line: Range<Int>) {
    guard !warnings.contains(where: { $0.code == "unread_table" }) else { return }
    warn("unread_table", "a table (\(text(line).prefix(24))…) was found but its rows are not read as tasks (a header or layout the table reader does not know: one cell per line with the column names under 序号 is read): check them by hand", line)
  }

  /// The end of the next line when `line` and it, together, are a `tables.header` word (`序` / `号`); nil otherwise.
  func wrappedHeaderWordEnd(_ line: Range<Int>) -> Int? {
    guard line.count == 1, rules.tables.header.contains(where: { $0.count == 2 && $0.first == s[line.lowerBound] }),
      let next = nextLine(after: line.lowerBound), next.count == 1,
      rules.tables.header.contains(where: { $0.count == 2 && $0.first == s[line.lowerBound] && $0.last == s[next.lowerBound] })
    else { return nil }
    return lineEnd(next.lowerBound)
  }

  func isTableHeaderWord(_ line: Range<Int>) -> Bool {
    guard !line.isEmpty, line.count <= 16 else { return false }
    // (the line's characters other than spaces, compared in place)
    return rules.tables.header.contains { $0.elementsEqual(s[line].lazy.filter { !isHSpace($0) }) }
  }

  /// A table without a row-number column whose rows are clause markers (Corpus/heldout109 10903: `类别` / `项目` / `主要任务` /
  /// `牵头单位` / `配合单位`, then `一、做好政策保障` / `1.做好规划配套` / its task / its cells; heldout108 10802: `任务` / `分类` / …):
  /// its first column is a `leading_columns` name (perhaps wrapped over two lines), no `序号` follows, the columns after it
  /// hold a task column, and the line after them starts with a clause marker. Each marker level is a column from the first
  /// on (`markerTableColumns`). The header, and where its first row starts.
  func markerTableHeader(_ line: Range<Int>) throws(StageFailure) -> (TableHeader, Int)? {
    // (the cheap test first: most short lines start with no leading column's first character)
    guard !line.isEmpty, line.count <= rules.tables.columnMaxLength,
      rules.tables.leadingColumns.contains(where: { $0.first == s[line.lowerBound] })
    else { return nil }
    var first = Array(s[line].filter { !isHSpace($0) })
    var end = lineEnd(line.lowerBound)
    if !rules.tables.leadingColumns.contains(first) {
      guard let next = nextLine(after: line.lowerBound), next.count <= rules.tables.columnMaxLength,
        case let both = first + s[next].filter({ !isHSpace($0) }), rules.tables.leadingColumns.contains(both)
      else { return nil }
      first = both
      end = lineEnd(next.lowerBound)
    }
    guard let after = nextLine(after: end - 1), !isTableHeaderWord(after), wrappedHeaderWordEnd(after) == nil,
      let (header, next) = try tableHeader(after: end, stopAtMarkers: true), header.columns.count >= 2
    else { return nil }
    // the first row: a clause marker opening the line after the header
    var q = next
    while q < n, isSpaceOrNewline(s[q]) { q += 1 }
    guard q < n, candidateList.contains(where: { $0.start == q && $0.lineStart && $0.table == nil }) else { return nil }
    return (TableHeader(columns: [String(String.UnicodeScalarView(first))] + header.columns, taskColumn: header.taskColumn + 1), q)
  }

  /// The column lines after a header word ending at `headerEnd`: the header, and where the lines
  /// after it start. nil when no column is a task column. With `stopAtMarkers`, a line opening with a clause marker
  /// (`（一）`) is the first row, no column.
  func tableHeader(after headerEnd: Int, leadingColumn: Bool = false, stopAtMarkers: Bool = false) throws(StageFailure) -> (TableHeader, Int)? {
    var columns: [[Unicode.Scalar]] = []
    var p = headerEnd + 1
    var lastStart = p
    var atRow = false
    while p < n {
      let le = lineEnd(p)
      let line = trimmed(p..<le)
      if line.isEmpty {
        p = le + 1
        continue
      }
      let name = s[line].filter { !isHSpace($0) }
      if try rowNumber(line) != nil {
        atRow = true
        break
      }
      if stopAtMarkers, candidateList.contains(where: { $0.start == line.lowerBound && $0.lineStart }) { break }
      // (punctuation inside brackets is a column's note: `重点任务（2024-2026）`, Corpus/heldout108 10802)
      var depth = 0
      let punctuated = name.contains { c in
        if isOpenBracket(c) { depth += 1 } else if isCloseBracket(c) { depth = max(0, depth - 1) }
        return depth == 0 && isPunctuation(c) && !isCloseBracket(c)
      }
      guard name.count <= rules.tables.columnMaxLength, !punctuated,
        !rules.tables.totalWords.contains(name)
      else { break }
      lastStart = line.lowerBound
      // a cell wrapped over two lines: `市政府` / `分管领导` is one column (Corpus/heldout14 1501), and so are two
      // lines that together make a `wrapped_columns` name (`牵头` / `部门`; Corpus/heldout74 7403)
      // (and a line wholly a bracketed note after a name is that column's: `责任部门` / `（单位）`; Corpus/heldout114 11402)
      let note = name.count >= 3 && isOpenBracket(name[0]) && isCloseBracket(name[name.count - 1])
        && !name.dropFirst().dropLast().contains(where: { isOpenBracket($0) || isCloseBracket($0) })
      if let last = columns.last, note || rules.tables.columnQualifiers.contains(last) || rules.tables.wrappedColumns.contains(last + name) {
        columns[columns.count - 1] = last + name
      } else {
        columns.append(name)
      }
      p = le + 1
    }
    // with a column before 序号, the name right above the first row is that row's cell in it (分类 / 序号 /
    // 事项 / 责任单位 / 牵头单位 / 发展目标 / 1; Corpus/heldout47 4802): a section row, no column
    if leadingColumn, atRow, columns.count > 2 {
      columns.removeLast()
      p = lastStart
    }
    // a task column by its name, else the first whose name holds a task word (具体工作任务和要求)
    guard let task = columns.firstIndex(where: { c in rules.tables.taskColumns.contains { $0 == c } })
      // (a column of one year's work, `2024年工作任务` / `2025年工作计划` after `内容`, is no task column while another column
      // names a task, Corpus/heldout101 10105; nor a category column, named with a leading column's word at its end,
      // `任务类型` before `改革任务`, Corpus/heldout114 11402)
      ?? rules.tables.taskColumnWords.lazy.compactMap({ w in
        columns.firstIndex(where: { c in
          c.firstRange(of: w) != nil && !(c.first.map { "0"..."9" ~= $0 } ?? false)
            && !rules.tables.namesACategory(c)
        })
      }).first
      ?? rules.tables.taskColumnWords.lazy.compactMap({ w in columns.firstIndex(where: { $0.firstRange(of: w) != nil }) }).first
    else { return nil }
    return (TableHeader(columns: columns.map { String(String.UnicodeScalarView($0)) }, taskColumn: task), min(p, n))
  }

  /// The attachment a table is printed as: a `tables.attachment` line (`附件1`) among the two lines
  /// above its header (a title line may stand between): its number and its text up to the number.
  /// Without a number (`附件：…分解表`, `附件`): nil number, the marker the line's text before its colon or title.
  /// With no label there, a title line right above the header that `tables.titled_attachment` matches
  /// (`全面推进…任务分解表`, after a body numbered 一、–四、; Corpus/heldout101 10105) is an attachment without a number.
  func attachment(above headerStart: Int) throws(StageFailure) -> (number: Int?, marker: String, line: Int)? {
    var ls = headerStart
    var above: Range<Int>? = nil
    for _ in 0..<2 {
      guard let line = previousLine(ls) else { break }
      ls = line.lowerBound
      if above == nil { above = line }
      if let a = try attachmentLine(line) { return (a.number, a.marker, line.lowerBound) }
    }
    // (not a numbered line: `一、10件民生实事任务分解表` is a section of the notice, Corpus/heldout13 1403)
    if let rule = rules.tables.titledAttachment, let line = above.map(trimmed),
      !candidateList.contains(where: { $0.start == line.lowerBound && $0.lineStart }),
      try wholeLineMatch(line, rule, maxLength: 80) != nil
    {
      return (nil, rules.tables.titledAttachmentMarker, line.lowerBound)
    }
    return nil
  }

  /// A line that is wholly an attachment's label (`tables.attachment`: `附件1`, `附件：…分解表`, `附件`): its number, if
  /// it has one, and its marker as written.
  func attachmentLine(_ line: Range<Int>) throws(StageFailure) -> (number: Int?, marker: String)? {
    guard let rule = rules.tables.attachment, !line.isEmpty, rules.tables.attachmentFirst.map({ $0.contains(s[line.lowerBound]) }) ?? true,
      let hit = try wholeLineMatch(line, rule, maxLength: 80)
    else { return nil }
    let g = rules.tables.attachmentNumberGroup - 1
    if g < hit.groups.count, let digits = hit.groups[g] {
      let d = (line.lowerBound + digits.lowerBound)..<(line.lowerBound + digits.upperBound)
      // (the marker runs on over a sub-number, `附件1.1`)
      var e = d.upperBound
      while e + 1 < line.upperBound, s[e] == "." || s[e] == "．", parseNumber([s[e + 1]], .arabic) != nil {
        e += 2
        while e < line.upperBound, parseNumber([s[e]], .arabic) != nil { e += 1 }
      }
      return parseNumber(Array(s[d]), .arabic).map { ($0, text(line.lowerBound..<e)) }
    }
    var e = line.lowerBound
    while e < line.upperBound, isIdeographic(s[e]) { e += 1 }
    return (nil, text(line.lowerBound..<e))
  }

  /// The number of a line that is wholly a row number (`tables.row`).
  func rowNumber(_ line: Range<Int>) throws(StageFailure) -> Int? {
    try wholeLineNumber(line, rules.tables.row, group: rules.tables.rowNumberGroup)?.number
  }

  /// A short line matched whole by `rule` (its pattern ends with `$`; matched from the line's start):
  /// the Arabic number of its group `group` and where its digits are.
  func wholeLineNumber(_ line: Range<Int>, _ rule: RuleRegex, group: Int) throws(StageFailure) -> (number: Int, digits: Range<Int>)? {
    guard let hit = try wholeLineMatch(line, rule, maxLength: 16), group - 1 < hit.groups.count, let g = hit.groups[group - 1]
    else { return nil }
    let digits = (line.lowerBound + g.lowerBound)..<(line.lowerBound + g.upperBound)
    return parseNumber(Array(s[digits]), .arabic).map { ($0, digits) }
  }

  /// `rule`'s match of a line of at most `maxLength` characters, from its start (the pattern ends with `$`).
  func wholeLineMatch(_ line: Range<Int>, _ rule: RuleRegex, maxLength: Int) throws(StageFailure) -> ICURegex.Match? {
    guard !line.isEmpty, line.count <= maxLength else { return nil }
    let m = try rule.matcher()
    do {
      guard let hit = try m.match(in: s[line], at: 0), hit.range.lowerBound == 0 else { return nil }
      return hit
    } catch { throw rule.failure(error, stage: "segment") }
  }

  /// Where the last row of a table ends: after its cells, one line per column (`lines`), and no
  /// further, so whatever follows the table (a closing paragraph, page furniture) is not read as
  /// a cell.
  func lastRowEnd(_ a: AcceptedMarker, lines: Int, limit: Int) -> Int {
    var end = a.end
    var p = a.end
    var k = 0
    while k < lines {
      while p < limit, isSpaceOrNewline(s[p]) { p += 1 }
      if p >= limit { break }
      // (an attachment's label is no cell: the next attachment starts there, Corpus/heldout101 10104's 附件2 after a row
      // whose cells are fewer than the columns)
      if k > 0, (try? attachmentLine(trimmed(p..<min(lineEnd(p), limit)))) ?? nil != nil { break }
      end = min(lineEnd(p), limit)
      p = end
      k += 1
    }
    return trimmed(a.start..<end).upperBound
  }

  /// A known section title (`heading.run_on_titles`) that a scrape ran together with the body
  /// after it (`一、总体要求全面贯彻…`): the title, if more text follows it on the line.
  func runOnTitle(_ line: Range<Int>) -> String? {
    for title in rules.runOnTitles where title.count < line.count {
      var ok = true
      for (k, c) in title.enumerated() where s[line.lowerBound + k] != c {
        ok = false
        break
      }
      if ok, !isPunctuation(s[line.lowerBound + title.count]) {
        return text(line.lowerBound..<(line.lowerBound + title.count))
      }
    }
    return nil
  }
}

/// A rule's matcher for one document, cloned and loaded with the text on first use.
final class LazyMatcher {
  let rule: RuleRegex
  let text: [Unicode.Scalar]
  /// Only `text[0..<limit]` is loaded (rules that look at the preamble only); nil = all of it.
  var limit: Int?
  /// Where matches can start, for `find` (nil: ICU searches every position).
  let search: AnchoredSearch?
  private var matcher: ICURegex?
  /// How much of `text` the matcher holds.
  private var loaded = 0

  init(_ rule: RuleRegex, _ text: [Unicode.Scalar], search: AnchoredSearch? = nil) {
    self.rule = rule
    self.text = text
    self.search = search
  }

  func get() throws(StageFailure) -> ICURegex {
    if let matcher { return matcher }
    let m = try rule.matcher()
    do {
      let hi = limit.map { max(0, min($0, text.count)) } ?? text.count
      try m.load(ICURegex.PreparedText(converting: hi == text.count ? text : Array(text[0..<hi])))
      loaded = hi
    } catch { throw rule.failure(error, stage: "segment") }
    matcher = m
    return m
  }

  /// The first match at or after `p` in the loaded text, as ICU's `find` returns it.
  func find(from p: Int) throws(StageFailure) -> ICURegex.Match? {
    let m = try get()
    guard let search else {
      do { return try m.find(from: p) } catch { throw rule.failure(error, stage: "segment") }
    }
    guard p <= loaded else { return nil }
    return try text.withUnsafeBufferPointer { (all) throws(StageFailure) -> ICURegex.Match? in
      try search.find(in: UnsafeBufferPointer(rebasing: all[0..<loaded]), from: p) { (q) throws(StageFailure) -> ICURegex.Match? in
        do throws(ICUError) { return try m.lookingAt(q) } catch { throw rule.failure(error, stage: "segment") }
      }
    }
  }
}

/// A rule's matcher run on short windows of the text (one line, one bracket group): loading a window
/// is far cheaper than loading the whole document for a handful of anchored matches.
final class WindowMatcher {
  let rule: RuleRegex
  let text: [Unicode.Scalar]
  private var matcher: ICURegex?

  init(_ rule: RuleRegex, _ text: [Unicode.Scalar]) {
    self.rule = rule
    self.text = text
  }

  /// Anchored match at the start of `window`; the range returned is in document offsets.
  func lookingAt(_ window: Range<Int>) throws(StageFailure) -> Range<Int>? {
    let lo = max(0, min(window.lowerBound, text.count)), hi = max(lo, min(window.upperBound, text.count))
    let m: ICURegex
    if let matcher { m = matcher } else {
      m = try rule.matcher()
      matcher = m
    }
    do {
      try m.load(ICURegex.PreparedText(converting: Array(text[lo..<hi])))
      guard let hit = try m.lookingAt(0) else { return nil }
      return (hit.range.lowerBound + lo)..<(hit.range.upperBound + lo)
    } catch { throw rule.failure(error, stage: "segment") }
  }
}

/// Runs `body` over `text[range]` as an `UnsafeBufferPointer`. ICUKit's `load` is generic over the
/// collection and not specialised across modules; iterating a buffer pointer there is about ten times
/// faster than iterating an Array (measured: ~11 ns vs ~150 ns per scalar), and loading is a large
/// part of segmenting a document.
@inline(__always)
func withScalars<R>(_ text: [Unicode.Scalar], _ range: Range<Int>,
                    _ body: (UnsafeBufferPointer<Unicode.Scalar>) throws(ICUError) -> R) throws(ICUError) -> R {
  try text.withUnsafeBufferPointer { (all) throws(ICUError) -> R in
    try body(UnsafeBufferPointer(rebasing: all[range]))
  }
}
