import GongwenCore

/// Stage 3: clean text -> clean text with repeated runs removed (each removal recorded).
///
/// The text is cut into units (sentences, clause-marker starts, closing attributions; see
/// `UnitSplitter`). A left-to-right greedy longest-match parse (LZ77 over unit hashes with
/// bounded hash chains; each unit compared by hash, then scalar by scalar) finds runs of whole
/// units that occurred before, across line breaks; the work is linear in the number of units
/// times `max_candidates`. The search is repeated over the kept units (up to `max_passes` rounds)
/// because a removal can bring short sentences together into a new repeated run.
///
/// A run is removed only when its content (attributions not counted) reaches the thresholds in
/// `Rules/dedup.yaml`, so short legitimate repeats (`（卫生厅负责）`, signatures, stock phrases)
/// stay. The first copy is kept, unless the clause numbering is strictly more consistent around a
/// later copy, or a later copy sits inside kept text while the first borders other repeats (see
/// `RunFinder.chooseCopies`). Removed pieces are labelled `repeated_paragraph` (whole paragraphs
/// repeating whole paragraphs), `repeated_sentence` (one sentence) or `repeated_run`, and name the
/// source span of the copy that was kept.
///
/// When repeats were removed (a bad scrape) and `reattach_single_copies` is on, the order of a scrape
/// made of overlapping passes is reconstructed first (`Reattacher`): units follow their first
/// occurrence, and units occurring once go next to the kept copy of the neighbour the scrape gave
/// them; each move is a `reordered_units` warning; stats `dedup_reattached_units` / `_chars`.
/// When repeats were removed (a bad scrape) and `reorder_units` is on, numbered units that the
/// scrape pasted out of order are then moved to where their numbering continues (`Reassembler`).
/// A move removes nothing: scalars move with their origins, so `origin` stays exact but need not
/// increase. Each move is a `reordered_units` warning; stats `dedup_reordered_units` / `_chars`.
public struct Deduplicator: Sendable {
  public let rules: DedupRules
  public init(rules: DedupRules) { self.rules = rules }

  public static let stage = "dedup"

  public func dedup(_ doc: NormalizedDocument) throws(StageFailure) -> NormalizedDocument {
    var out = doc
    out.stats["dedup_removed_runs", default: 0] += 0
    out.stats["dedup_removed_chars", default: 0] += 0
    let removedBefore = out.removed.count
    out = pass(out)
    // Only a scrape that repeated numbered text (a removed run held a clause marker) is reassembled: a clean notice
    // keeps its own numbering, irregular or not, and so does one that only printed a sentence twice (a task list
    // attached after the body repeating one of its sentences, Corpus/heldout101 10104).
    if rules.reorderUnits, out.removed.count > removedBefore, removedNumberedText(out.removed[removedBefore...]) {
      out = reassemble(out)
    }
    return out
  }

  /// Whether one of `removed`'s texts holds a unit with a clause marker (as `UnitSplitter` reads them).
  func removedNumberedText(_ removed: ArraySlice<Removal>) -> Bool {
    let splitter = UnitSplitter(rules: rules)
    return removed.contains { r in splitter.split(Array(r.text.unicodeScalars), hashing: false).contains { $0.marker != nil } }
  }

  /// Moves numbered units pasted out of order to their place (`reorder_units`); see `Reassembler`.
  /// Recorded as stats `dedup_reordered_units` / `dedup_reordered_chars` and one warning
  /// `reordered_units` per moved chain (its source spans are those of the moved text).
  func reassemble(_ doc: NormalizedDocument) -> NormalizedDocument {
    guard let (text, moves) = Reassembler(rules: rules).reassemble(doc.text) else { return doc }
    var out = doc
    out.text = text
    for m in moves {
      let first = m.spans.first ?? Span(start: 0, end: 0)
      out.warnings.append(DocumentWarning(
        code: "reordered_units", stage: Self.stage,
        message: "moved \(m.blocks) numbered unit(s) starting \(m.firstMarker)… (\(m.chars) characters) to where their numbering continues",
        span: Span(start: first.start, end: m.spans.map(\.end).max() ?? first.end)))
      out.stats["dedup_reordered_units", default: 0] += m.blocks
      out.stats["dedup_reordered_chars", default: 0] += m.chars
    }
    return out
  }

  /// Finds and removes repeats; appends the removals to `doc.removed`.
  func pass(_ doc: NormalizedDocument) -> NormalizedDocument {
    let text = doc.text
    let s = text.scalars
    if s.isEmpty { return doc }
    let units = UnitSplitter(rules: rules).split(s)
    if units.count < 2 { return doc }

    var finder = RunFinder(units: units, scalars: s, rules: rules)
    // Removing a repeat can bring short kept sentences together into a new repeated run, so
    // search the kept units again until nothing more is found (at most `max_passes` rounds).
    for _ in 0..<rules.maxPasses {
      let before = finder.phrases.count
      finder.findRepeatedRuns()
      finder.chooseCopies(from: before)
      if finder.phrases.count == before { break }
    }
    let phrases = finder.phrases.filter { !$0.dst.isEmpty }
    if phrases.isEmpty { return doc }
    var out = doc

    // Scalar mask: which phrase (if any) dropped each scalar.
    let none = -1
    var owner = [Int](repeating: none, count: s.count)
    for (p, phrase) in phrases.enumerated() {
      for u in phrase.dst {
        for k in units[u].start..<units[u].end { owner[k] = p }
      }
    }
    // Newlines are never inside units: drop the ones that would leave an empty line.
    var lastKeptIndex = -1
    // (through buffer pointers: checked subscripts and an optional compare per scalar were most of
    // this loop; the same reads and writes in the same order)
    s.withUnsafeBufferPointer { sb in
      owner.withUnsafeMutableBufferPointer { ob in
        let n = sb.count
        let noneKept = UInt32.max  // no scalar kept yet (scalars are at most 0x10FFFF)
        var lastKept = noneKept
        for k in 0..<n {
          if ob[k] != none { continue }
          let c = sb[k].value
          if c == 0x0A, lastKept == noneKept || lastKept == 0x0A {
            let neighbour = k > 0 && ob[k - 1] != none ? ob[k - 1] : (k + 1 < n ? ob[k + 1] : none)
            if neighbour != none {
              ob[k] = neighbour
              continue
            }
          }
          lastKept = c
          lastKeptIndex = k
        }
      }
    }
    if s.last != "\n", lastKeptIndex >= 0, s[lastKeptIndex] == "\n", lastKeptIndex + 1 < s.count,
      owner[lastKeptIndex + 1] != none
    {
      owner[lastKeptIndex] = owner[lastKeptIndex + 1]
    }

    // Unit lookup by scalar index, and each removed unit's counterpart in the kept copy.
    var unitAt = [Int32](repeating: -1, count: s.count)
    for (ui, u) in units.enumerated() {
      for k in u.start..<u.end { unitAt[k] = Int32(ui) }
    }
    var counterpart = [Int32](repeating: -1, count: units.count)
    for phrase in phrases {
      for (t, u) in phrase.dst.enumerated() { counterpart[u] = Int32(phrase.src[t]) }
    }
    // A source removed by a later pass (or moved by `prefer_numbered_context`) points on to the
    // copy that was finally kept; every step goes to a unit kept at the time, so chains end.
    for u in counterpart.indices where counterpart[u] >= 0 {
      var c = Int(counterpart[u]), steps = 0
      while finder.removed[c], counterpart[c] >= 0, steps < units.count {
        c = Int(counterpart[c])
        steps += 1
      }
      counterpart[u] = Int32(c)
    }

    // Source offsets removed by earlier dedup passes (prefix counts): a piece never spans one,
    // so removal spans never overlap.
    // (Without any, the usual case, the prefix counts would be all 0: they are not built.)
    let anyEarlier = doc.removed.contains { $0.stage == Self.stage && !$0.span.range.isEmpty }
    var earlier: [Int32] = []
    if anyEarlier {
      earlier = [Int32](repeating: 0, count: text.sourceLength + 1)
      var marks = [Bool](repeating: false, count: text.sourceLength)
      for r in doc.removed where r.stage == Self.stage {
        for q in r.span.range where q < marks.count { marks[q] = true }
      }
      for q in 0..<marks.count { earlier[q + 1] = earlier[q] + (marks[q] ? 1 : 0) }
    }
    func gapHasEarlierRemoval(_ a: Int, _ b: Int) -> Bool {
      guard anyEarlier else { return false }
      let lo = min(text.origin[a] + 1, text.sourceLength), hi = min(max(lo, text.origin[b]), text.sourceLength)
      return earlier[hi] - earlier[lo] > 0
    }

    // keptBefore[u]: kept units before unit u, to tell whether two kept units are adjacent.
    var keptBefore = [Int32](repeating: 0, count: units.count + 1)
    for u in units.indices { keptBefore[u + 1] = keptBefore[u] + (finder.removed[u] ? 0 : 1) }
    func follows(_ a: Int, _ b: Int) -> Bool { b > a && keptBefore[b] - keptBefore[a + 1] == 0 }

    var ranges: [Range<Int>] = []
    var removedChars = 0
    var k = 0
    while k < s.count {
      let p = owner[k]
      if p == none {
        // a kept stretch: stepped over in one tight loop
        k = owner.withUnsafeBufferPointer { ob in
          var j = k + 1
          while j < ob.count, ob[j] == none { j += 1 }
          return j
        }
        continue
      }
      // One piece: same run, contiguous, and its kept counterpart contiguous too (a source
      // partly removed later may have its kept copies in different places).
      var e = k
      var firstUnit = -1, lastUnit = -1
      while e < s.count, owner[e] == p {
        if e > k, gapHasEarlierRemoval(e - 1, e) { break }
        let u = Int(unitAt[e])
        if u >= 0, u != lastUnit {
          if lastUnit >= 0, !(counterpart[u] >= 0 && counterpart[lastUnit] >= 0
            && follows(Int(counterpart[lastUnit]), Int(counterpart[u])))
          {
            break
          }
          if firstUnit < 0 { firstUnit = u }
          lastUnit = u
        }
        e += 1
      }
      let phrase = phrases[p]
      var duplicates: Span? = nil
      var reason = phrase.reason
      if firstUnit >= 0, counterpart[firstUnit] >= 0, counterpart[lastUnit] >= 0 {
        let a = Int(counterpart[firstUnit]), b = Int(counterpart[lastUnit])
        duplicates = text.sourceSpan(of: units[min(a, b)].start..<units[max(a, b)].end)
        // Whole paragraphs repeating whole paragraphs.
        if wholeParagraphs(units, firstUnit, lastUnit), wholeParagraphs(units, min(a, b), max(a, b)) {
          reason = "repeated_paragraph"
        }
      }
      out.removed.append(Removal(span: text.sourceSpan(of: k..<e), reason: reason, stage: Self.stage,
                                 rule: phrase.rule, duplicates: duplicates, text: text.string(k..<e)))
      ranges.append(k..<e)
      removedChars += e - k
      k = e
    }
    out.text = text.removing(ranges)
    out.stats["dedup_removed_runs", default: 0] += ranges.count
    out.stats["dedup_removed_chars", default: 0] += removedChars
    // (only where numbered units were removed as repeats, the scramble this repairs: a notice that printed a sentence
    // or two twice keeps its order; Corpus/heldout101 10104)
    if rules.reattachSingleCopies, units.indices.contains(where: { finder.removed[$0] && units[$0].marker != nil }),
      let (order, moves) = Reattacher(rules: rules).order(units: units, removed: finder.removed, counterpart: counterpart)
    {
      // Kept scalar k is at k - removedBefore[k] in the deduplicated text.
      var removedBefore = [Int](repeating: 0, count: s.count + 1)
      removedBefore.withUnsafeMutableBufferPointer { rb in
        owner.withUnsafeBufferPointer { ob in
          for k in 0..<ob.count { rb[k + 1] = rb[k] + (ob[k] != none ? 1 : 0) }
        }
      }
      let clean = out.text
      let keptUnits = units.indices.filter { !finder.removed[$0] && !units[$0].isContentless }
      // Each kept unit takes the text up to the next kept unit along (line breaks, blank units).
      var range = [Range<Int>?](repeating: nil, count: units.count)  // by unit
      for (p, u) in keptUnits.enumerated() {
        let a = units[u].start - removedBefore[units[u].start]
        let b = p + 1 < keptUnits.count ? units[keptUnits[p + 1]].start - removedBefore[units[keptUnits[p + 1]].start] : clean.count
        range[u] = a..<b
      }
      let prefixEnd = keptUnits.first.map { units[$0].start - removedBefore[units[$0].start] } ?? clean.count
      var scalars = Array(clean.scalars[0..<prefixEnd])
      var origin = Array(clean.origin[0..<prefixEnd])
      for u in order {
        guard u >= 0, u < range.count, let r = range[u] else { continue }
        scalars.append(contentsOf: clean.scalars[r])
        origin.append(contentsOf: clean.origin[r])
      }
      if scalars.count == clean.count {
        out.text = CleanText(scalars: scalars, origin: origin, sourceLength: clean.sourceLength)
        for m in moves {
          let spans = m.units.map { text.sourceSpan(of: units[$0].start..<units[$0].end) }
          let chars = m.units.reduce(0) { $0 + units[$1].end - units[$1].start }
          let first = units[m.units[0]], anchor = units[m.anchor]
          func label(_ u: TextUnit) -> String {
            let t = text.string(u.start..<min(u.end, u.start + 12))
            return String(String.UnicodeScalarView(t.unicodeScalars.filter { $0 != "\n" }))
          }
          out.warnings.append(DocumentWarning(
            code: "reordered_units", stage: Self.stage,
            message: "moved \(m.units.count) unit(s) occurring once, starting \(label(first))… (\(chars) characters), \(m.after ? "after" : "before") the kept copy of their neighbour \(label(anchor))… (\(m.reason))",
            span: Span(start: spans.map(\.start).min() ?? 0, end: spans.map(\.end).max() ?? 0)))
          out.stats["dedup_reattached_units", default: 0] += m.units.count
          out.stats["dedup_reattached_chars", default: 0] += chars
        }
      }
    }
    return out
  }
}

/// Whether units `a...b` start at the start of a paragraph and end at the end of one.
func wholeParagraphs(_ units: [TextUnit], _ a: Int, _ b: Int) -> Bool {
  (a == 0 || units[a - 1].paragraph != units[a].paragraph)
    && (b + 1 == units.count || units[b + 1].paragraph != units[b].paragraph)
}

/// One removed repeat: units `dst` duplicate units `src` (same count, aligned).
struct Phrase: Sendable {
  var dst: [Int]
  var src: [Int]
  var reason: String
  var rule: String
}

/// Finds repeated runs of units; `removed[u]` marks units dropped so far.
struct RunFinder {
  let units: [TextUnit]
  let scalars: [Unicode.Scalar]
  let rules: DedupRules
  var removed: [Bool]
  var phrases: [Phrase] = []
  /// The units the current round works on (those still kept), and each unit's position in it (-1: none).
  var seq: [Int] = []
  var seqPosition: [Int32] = []
  var roundHashes = HashCounts()

  init(units: [TextUnit], scalars: [Unicode.Scalar], rules: DedupRules) {
    self.units = units
    self.scalars = scalars
    self.rules = rules
    removed = [Bool](repeating: false, count: units.count)
  }

  /// Same text, ignoring whitespace (hashes already equal).
  func sameUnit(_ a: Int, _ b: Int) -> Bool {
    let x = units[a], y = units[b]
    if x.hash != y.hash || x.contentChars != y.contentChars || x.isAttribution != y.isAttribution { return false }
    // a table's cells recur legitimately (see `TextUnit.inTable`): in a table only a sentence
    // repeated inside one cell (one line) is a repeat
    if x.inTable || y.inTable, x.paragraph != y.paragraph { return false }
    var i = x.start, j = y.start
    while true {
      while i < x.end, isSpace(scalars[i]) { i += 1 }
      while j < y.end, isSpace(scalars[j]) { j += 1 }
      if i == x.end || j == y.end { return i == x.end && j == y.end }
      if scalars[i] != scalars[j] { return false }
      i += 1
      j += 1
    }
  }

  /// Whether a run of units is long enough to remove, and under which rule: it holds a sentence
  /// long enough to be removed on its own, or several sentences long enough together. (Monotone:
  /// a run is never rejected when a part of it would be accepted.)
  ///
  /// A copy whose kept source is across an attachment line (`section` differs: an attached 细则 restating the body's
  /// clauses, Corpus/heldout104 10401) is another document saying the same, not a scrape's repeat: it is removed only
  /// when the run is as long as a pasted-again block (`cross_attachment_min_chars`).
  func acceptance<C: Sequence<Int>>(_ run: C, source: Int? = nil) -> Verdict? {
    var sentences = 0, chars = 0, longest = 0
    var first: Int? = nil
    for u in run {
      if first == nil { first = u }
      guard units[u].isContent else { continue }
      sentences += 1
      chars += units[u].contentChars
      longest = max(longest, units[u].contentChars)
    }
    guard sentences >= rules.minRunSentences, sentences > 0 else { return nil }
    if let source, let first, units[source].section != units[first].section, chars < rules.crossAttachmentMinChars {
      return nil
    }
    if rules.keepListsOfNextSection, let source, let first, restartsListOfNextSection(run, first: first, source: source) {
      return nil
    }
    if rules.keepParallelItems, let source, isParallelItem(Array(run), source: source) {
      return (Self.parallelItemReason, "")
    }
    let reason = sentences == 1 ? "repeated_sentence" : "repeated_run"
    if sentences > 1, chars >= rules.minRunChars { return (reason, DedupRules.runRuleID) }
    if longest >= rules.minSentenceChars { return (reason, DedupRules.sentenceRuleID) }
    return nil
  }

  typealias Verdict = (reason: String, rule: String)

  /// The verdict of a run kept as the same item under a parallel section (`keep_parallel_items`): the parse goes on after the
  /// whole run, so no part of the item is offered again as a shorter repeat.
  static let parallelItemReason = "parallel_item"

  /// Whether the copy `run` (aligned unit for unit with its source, starting at unit `source`, in the round's `seq`) is the same
  /// item again under a later parallel section (`keep_parallel_items`):
  /// - it starts with a clause marker below the top level, and its other markers are that item's next siblings in order;
  /// - the content right before it occurs once in the round's text, and the nearest marker before it (any level) is its
  ///   previous sibling, or its parent when it is numbered 1;
  /// - content follows it and occurs once; a marker there is its last item's next sibling or of a higher level (and a marker
  ///   follows the source too), plain text there goes on after the source as well and opens alike (`templatedOpening`:
  ///   `牵头领导：…` after each `（四）组织实施：…`, `配合车站…` / `配合街镇…`);
  /// - its parent (nearest marker of a higher level) opens after the source, at the level of the source's parent and
  ///   numbered after it (`三、` after `二、`; `第十六条` after `第十五条`, articles read by `placeMarker`).
  /// Corpus/heldout189 18902, heldout120 12004, heldout116 11602, heldout176 17601, heldout90 9006. A scrape's repeat comes with other repeated text around it,
  /// lands out of its numbering, ends the text, or falls under its source's section or an earlier one. Everything is read in
  /// the round's `seq`, the text as the round found it, so the verdict does not depend on what the round removes before it.
  func isParallelItem(_ run: [Int], source: Int) -> Bool {
    guard let firstPos = run.first.map({ Int(seqPosition[$0]) }), firstPos >= 0, Int(seqPosition[source]) >= 0 else { return false }
    let sourcePos = Int(seqPosition[source])
    var k = 0
    while k < run.count, units[run[k]].isContentless { k += 1 }
    guard k < run.count, let m = placeMarker(run[k]), m.level > 0 else { return false }
    // its markers: that item and its next siblings, in order
    var last = m
    for u in run[(k + 1)...] {
      guard let x = placeMarker(u) else { continue }
      guard x.level == last.level, x.number == last.number + 1 else { return false }
      last = x
    }
    let startPos = firstPos + k, endPos = firstPos + run.count
    // the text right before it: found once, and in the numbering that leads to it
    var b = startPos - 1
    while b >= 0, units[seq[b]].isContentless { b -= 1 }
    guard b >= 0, occursOnce(b) else { return false }
    // (the nearest marker of any level: text inside a deeper item before it is no place of its own)
    var q = b
    while q >= 0, startPos - q <= Self.parentSearchUnits {
      if let x = placeMarker(seq[q]) {
        guard x.level == m.level && x.number == m.number - 1 || x.level < m.level && m.number == 1 else { return false }
        break
      }
      q -= 1
    }
    guard q >= 0 else { return false }
    // the text right after it (some must follow: a copy ending the text says nothing of its place): found once, and the
    // numbering goes on; plain text going on after it goes on after the source too, written alike (a templated item:
    // `牵头领导：…`, `配合车站…` / `配合街镇…`)
    var a = endPos
    while a < seq.count, units[seq[a]].isContentless { a += 1 }
    var sa = sourcePos + (endPos - firstPos)
    while sa < seq.count, units[seq[sa]].isContentless { sa += 1 }
    guard a < seq.count, sa < seq.count, occursOnce(a) else { return false }
    if let x = placeMarker(seq[a]) {
      guard x.level == last.level && x.number == last.number + 1 || x.level < last.level, placeMarker(seq[sa]) != nil
      else { return false }
    } else {
      guard placeMarker(seq[sa]) == nil, sharedOpening(seq[a], seq[sa]) >= Self.templatedOpening else { return false }
    }
    // under another section of the source's section's level, opened after the source
    guard let copyParent = enclosing(before: startPos, level: m.level, marker: placeMarker), copyParent.position > sourcePos,
      let sourceParent = enclosing(before: sourcePos, level: m.level, marker: placeMarker)
    else { return false }
    return copyParent.marker.level == sourceParent.marker.level && copyParent.marker.number > sourceParent.marker.number
  }

  /// How many opening characters the plain text after a parallel item shares with the text after its source (`牵头领导：`).
  static let templatedOpening = 2

  /// How many non-space characters units `u` and `v` open with alike.
  func sharedOpening(_ u: Int, _ v: Int) -> Int {
    var i = units[u].start, j = units[v].start, k = 0
    while true {
      while i < units[u].end, isSpace(scalars[i]) { i += 1 }
      while j < units[v].end, isSpace(scalars[j]) { j += 1 }
      guard i < units[u].end, j < units[v].end, scalars[i] == scalars[j] else { return k }
      k += 1
      i += 1
      j += 1
    }
  }

  /// Whether the unit at position `p` of the round's `seq` has no copy elsewhere in it: its hash alone in the round (counted once
  /// per round, when first asked), else no other unit with that hash the same text.
  func occursOnce(_ p: Int) -> Bool {
    let u = seq[p], h = units[u].hash
    if roundHashes.counts == nil {
      var counts: [UInt64: Int32] = [:]
      counts.reserveCapacity(seq.count)
      for v in seq { counts[units[v].hash, default: 0] += 1 }
      roundHashes.counts = counts
    }
    if roundHashes.counts?[h] == 1 { return true }
    for v in seq where v != u && units[v].hash == h && sameUnit(u, v) { return false }
    return true
  }

  /// How many units of the round's `seq` have each hash (built by `occursOnce` when first needed; reset each round).
  final class HashCounts {
    var counts: [UInt64: Int32]?
  }

  /// The nearest marker of a level above `level` before position `p` of the round's `seq`, as `marker` reads a unit's, and its
  /// position (within `parentSearchUnits` units).
  func enclosing(before p: Int, level: Int, marker: (Int) -> ClauseMarker?) -> (marker: ClauseMarker, position: Int)? {
    var q = p - 1
    while q >= 0, p - q <= Self.parentSearchUnits {
      if let x = marker(seq[q]), x.level < level { return (x, q) }
      q -= 1
    }
    return nil
  }

  /// The marker unit `u` starts with as `isParallelItem` reads places: its clause marker, also when the splitter read the unit
  /// as an attribution and gave it none (`（1）积极配合机制落实。`: a role word at its end), or an article (`第十六条`, level -1, above
  /// every clause level: the parent of the `（一）`… list it opens, which the splitter does not read).
  func placeMarker(_ u: Int) -> ClauseMarker? {
    if let x = units[u].marker { return x }
    let end = units[u].end
    var i = units[u].start
    while i < end, isSpace(scalars[i]) { i += 1 }
    guard i < end else { return nil }
    if units[u].isAttribution, UnitSplitter.canStartMarker(scalars[i]), let x = UnitSplitter.marker(scalars, i) { return x }
    guard i + 2 < end, scalars[i] == "第", let (v, len) = UnitSplitter.chineseNumber(scalars, i + 1), i + 1 + len < end,
      scalars[i + 1 + len] == "条"
    else { return nil }
    return ClauseMarker(level: -1, number: v, length: len + 2)
  }

  /// How far back `parent(before:level:)` looks, in units (bounds the work per accepted repeat).
  static let parentSearchUnits = 2_000

  /// Whether the copy `run` (first unit `first`, its source starting at unit `source`, aligned unit for unit in the
  /// round's `seq`) starts a list again: its only marker is numbered 1, both copies go on with an item 2 of their own
  /// (different ones), and the copy's parent section (the nearest kept marker of a higher level before it) is the
  /// section right after the source's (`（一）…重点排查以下内容:1.是否擅自改变建筑使用功能;2.消防车通道…` and under `（二）` the
  /// same first item, then `2.是否未经消防行政审批…`; Corpus/heldout162 16205). A scrape's repeat carries the section's
  /// marker or the list's next items along, or lands under any section.
  func restartsListOfNextSection<C: Sequence<Int>>(_ run: C, first: Int, source: Int) -> Bool {
    let copyStart = Int(seqPosition[first]), sourceStart = Int(seqPosition[source])
    guard copyStart >= 0, sourceStart >= 0 else { return false }
    let units = Array(run)
    // the run's only marker, numbered 1 (its intro may come before it): the list's first item and nothing more of it
    guard let k = units.firstIndex(where: { self.units[$0].marker != nil }), let m = self.units[units[k]].marker, m.number == 1,
      !units[(k + 1)...].contains(where: { self.units[$0].marker != nil })
    else { return false }
    // each copy's list goes on with an item 2 of its own, different from the other's
    let copyNext = copyStart + units.count, sourceNext = sourceStart + units.count
    guard copyNext < seq.count, sourceNext < seq.count, let m2 = self.units[seq[copyNext]].marker, m2.level == m.level,
      m2.number == 2, !sameUnit(seq[copyNext], seq[sourceNext])
    else { return false }
    guard let copyParent = parent(before: copyStart, level: m.level), let sourceParent = parent(before: sourceStart, level: m.level)
    else { return false }
    return copyParent.level == sourceParent.level && copyParent.number == sourceParent.number + 1
  }

  /// The nearest kept marker of a level above `level` before position `p` of the round's `seq` (within
  /// `parentSearchUnits` units: a section longer than that has no parent here).
  func parent(before p: Int, level: Int) -> ClauseMarker? {
    enclosing(before: p, level: level, marker: { units[$0].marker })?.marker
  }

  /// How far a match without any content unit is extended before giving up, and how many
  /// candidates are tried for an item without content.
  static let contentlessRunLimit = 4

  /// Greedy longest-match parse over `count` items, left to right. Returns every accepted repeat
  /// as (copy start, source start, length, verdict). Only kept items are candidate sources, a
  /// source never overlaps its copy, and per item at most `maxCandidates` earlier occurrences are
  /// tried (the most recent ones and the first).
  static func parse(count n: Int, hash: [UInt64], maxCandidates: Int, hasContent: (Int) -> Bool,
                    equal: (Int, Int) -> Bool, accept: (Range<Int>, Int) -> Verdict?) -> [(Int, Int, Int, Verdict)] {
    var out: [(Int, Int, Int, Verdict)] = []
    // Each hash's chain of earlier kept items, as a linked list: `ends[hash]` holds its first and
    // latest item, `previous[i]` the item before `i` with the same hash (-1 at the first). One
    // dictionary entry per distinct hash and no array per chain.
    var ends = HashChains(capacity: n)
    var previous = [Int32](repeating: -1, count: n)
    var candidates: [Int] = []

    /// Item `i` kept: a candidate source from now on.
    func register(_ i: Int) {
      if let chain = ends.chain(hash[i]) {
        previous[i] = chain.last
        ends.set(hash[i], first: chain.first, last: Int32(i))
      } else {
        ends.set(hash[i], first: Int32(i), last: Int32(i))
      }
    }

    /// The longest earlier copy of the items from `i` on: (length, source).
    func longest(at i: Int) -> (Int, Int) {
      var bestLength = 0, bestSource = -1
      guard let chain = ends.chain(hash[i]) else { return (0, -1) }
      // An item without content can only start a run that reaches content within a few
      // items; its chain (one attribution, say) is long and unspecific, so try fewer.
      let limit = hasContent(i) ? maxCandidates : min(maxCandidates, Self.contentlessRunLimit)
      // The latest `limit - 1` items (at least one), latest first, then the chain's first item.
      candidates.removeAll(keepingCapacity: true)
      var j = Int(chain.last)
      while j >= 0, candidates.count < max(1, limit - 1) {
        candidates.append(j)
        j = Int(previous[j])
      }
      if candidates.last != Int(chain.first) { candidates.append(Int(chain.first)) }
      for j in candidates {
        var length = 0, content = false
        while j + length < i, i + length < n, equal(j + length, i + length) {
          content = content || hasContent(i + length)
          length += 1
          // A long run with no sentence in it (attributions only) can never be removed; stop
          // here so text made of one repeated attribution stays linear.
          if !content, length >= Self.contentlessRunLimit { break }
        }
        // Equal lengths: prefer the earlier source (candidates run from late to early).
        if length > 0, length >= bestLength { bestLength = length; bestSource = j }
      }
      return (bestLength, bestSource)
    }

    var i = 0
    while i < n {
      let (length, source) = longest(at: i)
      // Lazy match: a run starting with an attribution gives way to an at least as long run
      // starting at the next unit (the attribution then stays with the sentence before it).
      let deferToNext = length > 0 && !hasContent(i) && i + 1 < n && longest(at: i + 1).0 >= length
      if length > 0, !deferToNext, let verdict = accept(i..<(i + length), source) {
        if verdict.reason == Self.parallelItemReason {
          // kept whole: its items are sources for later copies, and no part of it is a copy
          for j in i..<(i + length) { register(j) }
          i += length
          continue
        }
        out.append((i, source, length, verdict))
        i += length
        continue
      }
      register(i)
      i += 1
    }
    return out
  }

  /// Runs of units, across line breaks.
  mutating func findRepeatedRuns() {
    let seq = units.indices.filter { !removed[$0] }
    self.seq = seq
    roundHashes = HashCounts()
    seqPosition = [Int32](repeating: -1, count: units.count)
    for (i, u) in seq.enumerated() { seqPosition[u] = Int32(i) }
    if seq.count < 2 { return }
    // Chain keys: a sentence long enough to be removed alone is looked up by itself; anything
    // shorter (an attribution, 促进失业人员参保。) together with the unit after it, since a run
    // starting there must continue anyway. Keeps the chains of common short units specific.
    let hashes = seq.indices.map { i -> UInt64 in
      let u = units[seq[i]]
      if u.isContent && u.contentChars >= rules.minSentenceChars || i + 1 == seq.count { return u.hash }
      return (u.hash &* 0x0000_0100_0000_01b3) ^ (units[seq[i + 1]].hash &+ 0x9e37_79b9_7f4a_7c15)
    }
    let me = self
    let found = Self.parse(
      count: seq.count, hash: hashes, maxCandidates: rules.maxCandidates,
      hasContent: { me.units[seq[$0]].isContent },
      equal: { me.sameUnit(seq[$0], seq[$1]) }, accept: { r, source in me.acceptance(r.map { seq[$0] }, source: seq[source]) })
    for m in found {
      let d = m.0, src = m.1, len = m.2, verdict = m.3
      let dst = Array(seq[d..<(d + len)])
      for u in dst { removed[u] = true }
      phrases.append(Phrase(dst: dst, src: Array(seq[src..<(src + len)]), reason: verdict.reason, rule: verdict.rule))
    }
  }

  // MARK: - Choosing which copy to keep

  /// Revisits each new run (in text order) and keeps the later copy instead of the first
  /// one when, for a run with clause markers (`prefer_numbered_context`), the clause numbering
  /// around it is strictly more consistent, or, for a run without markers (`prefer_embedded_copy`),
  /// it sits between kept text where the first copy borders other removed repeats (a sentence
  /// pasted in together with a repeated run). A run with markers whose numbering ties keeps its
  /// first copy: its neighbours say little there (tried on seed 000: it moved 6．（2） into 三、).
  /// Runs that pointed at a moved source are re-pointed when removals are recorded.
  mutating func chooseCopies(from firstPhrase: Int = 0) {
    guard rules.preferNumberedContext || rules.preferEmbeddedCopy else { return }
    for pi in firstPhrase..<phrases.count {
      let p = phrases[pi]
      // Only a source still wholly kept can be swapped (another swap may have taken it already).
      guard p.src.allSatisfy({ !removed[$0] }) else { continue }
      let skip = Set(p.src).union(p.dst)
      var srcScore = 0, dstScore = 0
      let numbered = p.dst.contains(where: { units[$0].marker != nil })
      if rules.preferNumberedContext, numbered {
        srcScore = contextScore(p.src, skip: skip)
        dstScore = contextScore(p.dst, skip: skip)
      } else if rules.preferEmbeddedCopy, !numbered {
        srcScore += keptNeighbours(p.src, skip: skip)
        dstScore += keptNeighbours(p.dst, skip: skip)
      }
      if dstScore > srcScore {
        for u in p.src { removed[u] = true }
        for u in p.dst { removed[u] = false }
        phrases[pi] = Phrase(dst: p.src, src: p.dst, reason: p.reason, rule: p.rule)
      }
    }
  }

  /// 0-2: how many of the run's two neighbouring units are kept. A missing neighbour (start or
  /// end of the text) does not count: the end of `x` then looks the same as the middle of
  /// `x + x`, whose second half is all removed, so `dedup(x + x) == dedup(x)`.
  func keptNeighbours(_ run: [Int], skip: Set<Int>) -> Int {
    guard let first = run.first, let last = run.last else { return 0 }
    var score = 0
    var q = Int(seqPosition[first]) - 1
    while q >= 0, skip.contains(seq[q]) || units[seq[q]].contentChars == 0 && !units[seq[q]].isAttribution { q -= 1 }
    if q >= 0, !removed[seq[q]] { score += 1 }
    q = Int(seqPosition[last]) + 1
    while q < seq.count, skip.contains(seq[q]) || units[seq[q]].contentChars == 0 && !units[seq[q]].isAttribution { q += 1 }
    if q < seq.count, !removed[seq[q]] { score += 1 }
    return score
  }

  /// How well the markers inside `run` continue the numbering of the kept text around it.
  func contextScore(_ run: [Int], skip: Set<Int>) -> Int {
    guard let firstUnit = run.first, let lastUnit = run.last else { return 0 }
    let inside = run.compactMap { units[$0].marker }
    guard let first = inside.first, let last = inside.last else { return 0 }
    var prev: ClauseMarker? = nil
    let maxSteps = rules.markerContextUnits * 50
    var u = firstUnit - 1, seen = 0
    while u >= 0, seen < rules.markerContextUnits, firstUnit - u < maxSteps {
      if !removed[u], !skip.contains(u) {
        seen += 1
        if let m = units[u].marker { prev = m; break }
      }
      u -= 1
    }
    var next: ClauseMarker? = nil
    u = lastUnit + 1
    seen = 0
    while u < units.count, seen < rules.markerContextUnits, u - lastUnit < maxSteps {
      if !removed[u], !skip.contains(u) {
        seen += 1
        if let m = units[u].marker { next = m; break }
      }
      u += 1
    }
    return Self.transition(prev, first) + (next.map { Self.transition(last, $0) } ?? 1)
  }

  /// 2: b plainly follows a (next number at the same level, or first child); 1: b closes a
  /// deeper level (cannot be checked locally); 0: a jump.
  static func transition(_ a: ClauseMarker?, _ b: ClauseMarker) -> Int {
    guard let a else { return b.number == 1 ? 2 : 0 }
    if a.level == b.level { return b.number == a.number + 1 ? 2 : 0 }
    if b.level > a.level { return b.number == 1 ? 2 : 0 }
    return 1
  }
}
