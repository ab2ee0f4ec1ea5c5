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
    let units = UnitSplitter(rules: rules).split(s)
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
        var chainBest: (breaks: Int, order: [Int], distance: Int)? = nil
        var tie = false
        let from = text.origin[blocks[order[p]].start]
        for e in order.indices where isEnd[e] && (e < p - 1 || e >= q) {
          guard Self.fits(after: e, m, markers, chainStart) else { continue }
          var rest = order
          rest.removeSubrange(p..<q)
          rest.insert(contentsOf: order[p..<q], at: e < p ? e + 1 : e + 1 - (q - p))
          let b = breaks(rest)
          if b >= current { continue }
          // Equal gains: with `reorder_nearest_on_tie`, the place nearest in the source wins.
          let distance = rules.reorderNearestOnTie ? abs(text.origin[blocks[order[e]].end - 1] - from) : 0
          if let cb = chainBest {
            if cb.breaks < b { continue }
            if cb.breaks == b {
              if cb.distance == distance { tie = true }
              if cb.distance <= distance { continue }
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
