import GongwenCore

/// Reassembly of a scrambled scrape (`reorder_units` in `Rules/dedup.yaml`).
///
/// A bad scrape can paste the runs of a notice in the wrong order (seed 000 is two interleaved
/// passes through the notice); after the repeats are removed every sentence is there once, but
/// `4．` may come after `13．`. The text is cut into *blocks*: a block runs from a clause marker to
/// the next one (the text before the first marker stays first). Consecutive blocks form a *chain*
/// while each marker plainly continues the numbering before it (next number at the same level; a
/// first child, or the next number of a level used earlier in the chain, one level deeper; or,
/// closing deeper levels, the next number of the nearest ancestor level in the chain). A chain
/// that starts with a jump may be moved, whole, right after a block that ends a chain and that
/// its first marker plainly continues, if that lowers the number of chains in the text. Each
/// round makes the single best move (fewest chains afterwards); a chain whose best places tie
/// (`（3）` could follow any `（2）`) stays where it is. Every move lowers the number of chains,
/// so the process ends, at a fixed point (reassembling the result again changes nothing).
/// Texts with more than `reorder_max_blocks` numbered units are left alone (the search is cubic).
///
/// With `reorder_within_sections` (after `Reattacher` has put the passes in order) a chain moves
/// only if its first marker does not continue the numbering of the whole text before it
/// (`continuesText`), only to a place whose next marker does not contradict its last one, never past
/// a marker of its level under another parent section (`parentSections`, `staysInSection`; a level
/// restarting at 1 starts a new section whose marker was lost), and the nearest such place wins.
///
/// Moving text only permutes scalars together with their origins: nothing is removed, and the
/// offset map stays exact (origins are then no longer increasing).
struct Reassembler {
  let rules: DedupRules

  struct Block {
    var start: Int
    var end: Int
    var marker: ClauseMarker
  }

  /// One move: the source spans of the moved text and how many blocks it held.
  struct Move {
    var spans: [Span]
    var blocks: Int
    var chars: Int
    var firstMarker: String
  }

  /// The reordered text and the moves made, or nil when nothing moves.
  func reassemble(_ text: CleanText) -> (CleanText, [Move])? {
    let s = text.scalars
    // bounds, markers and kinds only: no unit hashes
    let units = UnitSplitter(rules: rules).split(s, hashing: false)
    var blocks: [Block] = []
    for u in units {
      guard let m = u.marker else { continue }
      // The marker starts after any leading spaces of its unit.
      if let last = blocks.indices.last { blocks[last].end = u.start }
      blocks.append(Block(start: u.start, end: s.count, marker: m))
    }
    if blocks.count < 2 { return nil }
    let prefixEnd = blocks[0].start

    if blocks.count > rules.reorderMaxBlocks { return nil }
    var order = Array(blocks.indices)
    var moves: [Move] = []
    /// (parent block, last block of the chain moved in as its children).
    var adopted: [(Int, Int)] = []
    func breaks(_ o: [Int]) -> Int {
      let starts = Self.chainStarts(o.map { blocks[$0].marker })
      return starts.indices.reduce(0) { $0 + (starts[$1] == $1 ? 1 : 0) }
    }
    var current = breaks(order)
    let deepest = blocks.map(\.marker.level).max() ?? 0
    // Each move lowers the number of chains, so there are fewer moves than blocks.
    for _ in 0..<blocks.count {
      let markers = order.map { blocks[$0].marker }
      let chainStart = Self.chainStarts(markers)
      let within = rules.reorderWithinSections
      let parent = within ? Self.parentSections(markers) : []
      var isEnd = [Bool](repeating: false, count: order.count)
      for p in order.indices where p + 1 == order.count || chainStart[p + 1] == p + 1 { isEnd[p] = true }
      // The best move over all chains: fewest chains afterwards; a tie for a chain's best place
      // means its place is not known, and that chain stays.
      var best: (breaks: Int, order: [Int], chain: [Int])? = nil
      var p = 1
      while p < order.count {
        guard chainStart[p] == p else { p += 1; continue }
        var q = p + 1
        while q < order.count, chainStart[q] == p { q += 1 }
        let m = markers[p]
        // An item of the deepest level that is not a first child could follow any item before
        // it: its parent is not known, so it is not moved (unless `reorder_deep_items`).
        if !rules.reorderDeepItems, m.level == deepest, m.number > 1 {
          p = q
          continue
        }
        // `reorder_within_sections`: a chain whose first marker continues the numbering of the text
        // before it (beyond its own chain) is in place.
        if within, Self.continuesText(p, markers) {
          p = q
          continue
        }
        let last = markers[q - 1]
        var chainBest: (breaks: Int, order: [Int], distance: Int)? = nil
        var tie = false
        let from = text.origin[blocks[order[p]].start]
        for e in order.indices where isEnd[e] && (e < p - 1 || e >= q) {
          guard Self.fits(after: e, m, markers, chainStart) else { continue }
          if within {
            // The marker after the place must not contradict the chain's last one, and the move
            // must not cross a clause of the chain's level under another parent section.
            if e + 1 < order.count, RunFinder.transition(last, markers[e + 1]) == 0 { continue }
            guard Self.staysInSection(p, q, after: e, markers, parent) else { continue }
          }
          var rest = order
          rest.removeSubrange(p..<q)
          rest.insert(contentsOf: order[p..<q], at: e < p ? e + 1 : e + 1 - (q - p))
          let b = breaks(rest)
          if b >= current { continue }
          // Equal gains: with `reorder_nearest_on_tie`, the place nearest in the source wins.
          // With `reorder_within_sections` the nearest place in the text wins outright.
          let distance = within ? (e < p ? p - 1 - e : e - (q - 1))
            : rules.reorderNearestOnTie ? abs(text.origin[blocks[order[e]].end - 1] - from) : 0
          if let cb = chainBest {
            if within {
              if cb.distance == distance, cb.breaks == b { tie = true }
              if cb.distance < distance || cb.distance == distance && cb.breaks <= b { continue }
            } else {
              if cb.breaks < b { continue }
              if cb.breaks == b {
                if cb.distance == distance { tie = true }
                if cb.distance <= distance { continue }
              }
            }
          }
          chainBest = (b, rest, distance)
          tie = false
        }
        if let cb = chainBest, !tie, best == nil || cb.breaks < best!.breaks {
          best = (cb.breaks, cb.order, Array(order[p..<q]))
        }
        p = q
      }
      guard let move = best else { break }
      var spans: [Span] = []
      var chars = 0
      for b in move.chain {
        spans.append(text.sourceSpan(of: blocks[b].start..<blocks[b].end))
        chars += blocks[b].end - blocks[b].start
      }
      let first = blocks[move.chain[0]]
      let label = text.string(first.start..<min(first.end, first.start + first.marker.length + 8))
      moves.append(Move(spans: spans, blocks: move.chain.count, chars: chars,
                        firstMarker: String(String.UnicodeScalarView(label.unicodeScalars.filter { $0 != "\n" }))))
      if let at = move.order.firstIndex(of: move.chain[0]), at > 0,
        blocks[move.order[at - 1]].marker.level < blocks[move.chain[0]].marker.level
      {
        adopted.append((move.order[at - 1], move.chain[move.chain.count - 1]))
      }
      order = move.order
      current = move.breaks
    }
    if moves.isEmpty { return nil }
    var scalars: [Unicode.Scalar] = Array(s[0..<prefixEnd])
    var origin: [Int] = Array(text.origin[0..<prefixEnd])
    scalars.reserveCapacity(s.count)
    origin.reserveCapacity(s.count)
    // A closing attribution left at the end of a parent whose children were moved in after it
    // belongs to the last child (the scrape cut the run just before that attribution); it goes
    // along when the last child has none of its own.
    var ranges = blocks.map { [$0.start..<$0.end] }
    if rules.reorderAttributionFollows {

      func lastUnit(_ b: Block) -> TextUnit? {
        units.last { $0.start >= b.start && $0.end <= b.end && !$0.isContentless }
      }

      for (parent, child) in adopted {
        guard let a = lastUnit(blocks[parent]), a.isAttribution, let c = lastUnit(blocks[child]), !c.isAttribution,
          ranges[parent].count == 1, ranges[child].count == 1,
          a.start > blocks[parent].start + blocks[parent].marker.length
        else { continue }
        ranges[parent] = [blocks[parent].start..<a.start, a.end..<blocks[parent].end]
        ranges[child] = [blocks[child].start..<c.end, a.start..<a.end, c.end..<blocks[child].end]
      }
    }
    for b in order {
      for r in ranges[b] {
        scalars.append(contentsOf: s[r])
        origin.append(contentsOf: text.origin[r])
      }
    }
    return (CleanText(scalars: scalars, origin: origin, sourceLength: text.sourceLength), moves)
  }

  /// For each position, the position where its chain starts.
  static func chainStarts(_ markers: [ClauseMarker]) -> [Int] {
    var start = [Int](repeating: 0, count: markers.count)
    for p in markers.indices.dropFirst() {
      start[p] = fits(after: p - 1, markers[p], markers, start) ? start[p - 1] : p
    }
    return start
  }

  /// For each position, an id of the parent section of its marker: the nearest marker before it at
  /// a shallower level (its position + 1; 0 for none). A marker numbered 1 right after a sibling of
  /// its level (no shallower marker in between: （一） after （四）) restarts that level, so its
  /// parent's marker was lost: it starts a new parent section (id -(position + 1)), which the
  /// siblings after it share.
  static func parentSections(_ markers: [ClauseMarker]) -> [Int] {
    var out = [Int](repeating: 0, count: markers.count)
    // Open markers by increasing level: (level, parent section, own id).
    var stack: [(level: Int, parent: Int, id: Int)] = []
    for (p, m) in markers.enumerated() {
      while let top = stack.last, top.level > m.level { stack.removeLast() }
      var parent = stack.last?.id ?? 0
      if let top = stack.last, top.level == m.level {
        parent = m.number == 1 ? -(p + 1) : top.parent
        stack.removeLast()
      }
      out[p] = parent
      stack.append((m.level, parent, p + 1))
    }
    return out
  }

  /// Whether the marker at `p` plainly continues the numbering of all the markers before it (not
  /// only of its chain): the next number after the previous marker, a first child, or, closing
  /// deeper levels, the next number after the nearest earlier marker of its level (or a first child
  /// when a shallower marker comes first).
  static func continuesText(_ p: Int, _ markers: [ClauseMarker]) -> Bool {
    guard p > 0 else { return markers[p].number == 1 }
    let m = markers[p]
    var k = p - 1
    while k >= 0, markers[k].level > m.level { k -= 1 }
    if k < 0 { return m.number == 1 }
    if k == p - 1, markers[k].level < m.level { return m.number == 1 }
    return markers[k].level == m.level ? markers[k].number + 1 == m.number : m.number == 1
  }

  /// Whether moving the chain at positions `p..<q` right after position `e` keeps it in its parent
  /// section: every marker of the chain's level that it passes, and the place it goes to, have the
  /// parent section the chain has where it is (see `parentSections`). A chain that has no parent
  /// where it is (a deeper item other than the first right after a shallower marker: （3） after
  /// （四）) takes the section of the first such marker it passes. Moves that pass no marker of its
  /// level are always allowed (first children moved under their section).
  static func staysInSection(_ p: Int, _ q: Int, after e: Int, _ markers: [ClauseMarker], _ parent: [Int]) -> Bool {
    let level = markers[p].level
    let orphan = p > 0 && markers[p - 1].level < level && markers[p].number != 1
    var own: Int? = orphan ? nil : parent[p]
    let passed = e < p ? (e + 1)..<p : q..<(e + 1)
    var crossesSibling = false
    for k in passed where markers[k].level == level {
      if own == nil { own = parent[k] }
      if parent[k] != own { return false }
      crossesSibling = true
    }
    guard crossesSibling, let own else { return true }
    // The parent section at the place: the nearest marker at or before `e` (outside the chain) of
    // the chain's level or shallower.
    var k = e
    while k >= 0 {
      if k >= p && k < q { k -= 1; continue }
      if markers[k].level == level { return parent[k] == own }
      if markers[k].level < level { return k + 1 == own }
      k -= 1
    }
    return own == 0
  }

  /// Whether marker `m` plainly continues the numbering after position `e`, judged by `e`'s chain.
  static func fits(after e: Int, _ m: ClauseMarker, _ markers: [ClauseMarker], _ chainStart: [Int]) -> Bool {
    let a = markers[e]
    if m.level == a.level { return m.number == a.number + 1 }
    if m.level > a.level {
      if m.number == 1 { return true }
      // Numbering that runs on across sections (1．–17． across （一）–（五）).
      var k = e - 1
      while k >= chainStart[e] {
        if markers[k].level == m.level { return markers[k].number + 1 == m.number }
        k -= 1
      }
      return false
    }
    // Closing deeper levels: the nearest marker at m's level in the chain, with no shallower
    // level in between.
    var k = e - 1
    while k >= chainStart[e] {
      if markers[k].level == m.level { return markers[k].number + 1 == m.number }
      if markers[k].level < m.level { return m.number == 1 }
      k -= 1
    }
    return false
  }
}
