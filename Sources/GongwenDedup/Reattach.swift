import GongwenCore

/// Reconstructing the order of a scrape made of overlapping passes (`reattach_single_copies` in
/// `Rules/dedup.yaml`).
///
/// Seed 000 is two passes through the notice interleaved in chunks; one pass skips a few units
/// each time it resumes. After the repeats are removed every unit is there once, but a unit that
/// occurs only once (the other pass skipped it) stays next to the *removed* copy of its neighbour,
/// stranded in a foreign clause. Here every occurrence is mapped to its unit's kept copy (a
/// *node*); nodes are put in the order of their first occurrence (the leading pass), and adjacent
/// occurrences are the evidence of the published order. A node is *settled* when all its copies
/// have the same neighbours (a unit occurring once, typically); a *stretch* is a maximal run of
/// settled first occurrences. A stretch is cut where its clause numbering jumps (the scrape joined
/// chunks there), and a piece moves next to the node of a neighbour occurring elsewhere:
///
/// - **gap**: both neighbours occur elsewhere, adjacent there (the other pass skipped the
///   stretch): it goes between them if its clause markers continue the numbering there; if not, it
///   is a chunk of its own pasted in between, and stays;
/// - **chunk end**: the neighbour before occurs elsewhere and its place there is *open* (what
///   follows it there jumps: its copies have different neighbours, or it moved away), while the
///   scrape jumped after the stretch: the stretch goes right after that neighbour;
/// - **chunk start**: the same on the other side: right before the neighbour after it;
/// - **text end**: a stretch that ends the text (or is followed by a copy of the text's first unit:
///   the scrape starting over) follows a neighbour found elsewhere only if it has a clause marker
///   that plainly continues the numbering there.
///
/// Then (`reattach_by_numbering`) a piece the scrape jumped to and away from, whose first marker does
/// not continue the numbering where it is, goes to the nearest open place whose numbering it
/// continues (an open place: two units not adjacent in the scrape, or the open side of a moved
/// piece; never before an attribution).
///
/// The numbering must agree (the first marker of a piece plainly continues the marker before the
/// place, the last one is not contradicted by the marker after it). A neighbour that plainly
/// follows (its copies agree) keeps the stretch where it is, so a sentence between two copies of a
/// repeated run stays (`A R B R C` keeps `B` after the first `R`). Nothing is removed; moved
/// pieces never carry a node anything else is anchored to. Linear in the number of units, plus
/// `marker_context_units` per numbering check.
struct Reattacher {
  let rules: DedupRules

  /// How many open places on each side of a piece are tried when placing it by its numbering.
  static let placesTried = 16

  /// A piece moved next to `anchor` (a node): `units` are kept units in text order.
  struct Move {
    var units: [Int]
    var anchor: Int
    var after: Bool
    var reason: String
  }

  /// The kept units (not contentless) in their new order, and the moves; nil when nothing moves.
  /// `removed[u]` marks removed units; `counterpart[u]` is the kept copy of a removed unit.
  func order(units: [TextUnit], removed: [Bool], counterpart: [Int32]) -> ([Int], [Move])? {
    // Occurrences in text order (whitespace-only units carry nothing) and their nodes.
    let seq = units.indices.filter { !units[$0].isContentless }
    if seq.count < 3 { return nil }
    if seq.contains(where: { removed[$0] && (counterpart[$0] < 0 || removed[Int(counterpart[$0])]) }) { return nil }
    let node = seq.map { removed[$0] ? Int(counterpart[$0]) : $0 }
    // Where each node occurs first: nodes are ordered by it (the leading pass's order).
    var first = [Int32](repeating: -1, count: units.count)
    for (i, n) in node.enumerated() where first[n] < 0 { first[n] = Int32(i) }
    // Adjacent pairs of nodes that were seen, and for each node whether its occurrences agree
    // about the node before / after them. The text is read as a circle (the last unit is followed
    // by the first), so a text and the same text twice over (`x + x`) look the same here.
    var pairs = UInt64Set(capacity: seq.count)
    func key(_ a: Int, _ b: Int) -> UInt64 { UInt64(a) << 32 | UInt64(b) }
    let none = Int32(-1), mixed = Int32(-2)
    var before = [Int32](repeating: none, count: units.count)
    var after = [Int32](repeating: none, count: units.count)
    for i in seq.indices {
      let a = node[i]
      let p = Int32(node[i > 0 ? i - 1 : seq.count - 1])
      let n = Int32(node[i + 1 < seq.count ? i + 1 : 0])
      before[a] = before[a] == none || before[a] == p ? p : mixed
      after[a] = after[a] == none || after[a] == n ? n : mixed
      if i + 1 < seq.count { pairs.insert(key(a, node[i + 1])) }
    }
    /// Occurrence `i` is its node's first, and every copy of the node has the same neighbours.
    func settled(_ i: Int) -> Bool { first[node[i]] == i && before[node[i]] != mixed && after[node[i]] != mixed }
    // Nodes in the order of their first occurrence, and each one's position there.
    let base = node.indices.filter { first[node[$0]] == $0 }.map { node[$0] }
    var position = [Int32](repeating: -1, count: units.count)
    for (p, u) in base.enumerated() { position[u] = Int32(p) }

    // The stretches (maximal runs of settled occurrences) and their pieces depend only on the
    // occurrences and their markers, never on the moves: cut once, not again in every round.
    var stretches: [(start: Int, end: Int, pieces: [[Int]])] = []
    do {
      var i = 0
      while i < seq.count {
        guard settled(i) else {
          i += 1
          continue
        }
        var e = i
        while e < seq.count, settled(e) { e += 1 }
        stretches.append((i, e, split(Array(node[i..<e]), units: units)))
        i = e
      }
    }

    var moves: [Move] = []
    var moved = [Bool](repeating: false, count: units.count)
    /// Whether the place of node `n`'s first occurrence is open on the left (right): the unit
    /// there jumps (its copies have different neighbours), or was moved away. The start and the
    /// end of the text are not open.
    func openBefore(_ n: Int) -> Bool {
      let f = Int(first[n])
      return f > 0 && (after[node[f - 1]] == mixed || moved[node[f - 1]])
    }
    func openAfter(_ n: Int) -> Bool {
      let f = Int(first[n])
      return f + 1 < seq.count && (before[node[f + 1]] == mixed || moved[node[f + 1]])
    }
    /// The nearest clause marker before base position `at` (within `marker_context_units`).
    func markerBefore(_ at: Int) -> ClauseMarker? {
      var q = at - 1, seen = 0
      while q >= 0, seen < rules.markerContextUnits {
        if !moved[base[q]], let m = units[base[q]].marker { return m }
        q -= 1
        seen += 1
      }
      return nil
    }
    func add(_ whole: [Int], _ anchor: Int, after: Bool, _ reason: String) {
      // Never two closing attributions in a row at either end of the moved piece (one of them
      // would then close nothing: the piece does not belong there). On its far side the piece may
      // end at an earlier clause end instead (the scrape jumped after an attribution).
      var piece = whole
      let p = Int(position[anchor])
      func neighbour(_ step: Int) -> Int? {
        var q = p + step, seen = 0
        while q >= 0, q < base.count, moved[base[q]], seen < rules.markerContextUnits {
          q += step
          seen += 1
        }
        return q >= 0 && q < base.count && !moved[base[q]] ? base[q] : nil
      }
      let (left, right) = after ? (anchor, neighbour(1)) : (neighbour(-1), anchor)
      if let right, units[right].isAttribution, units[piece[piece.count - 1]].isAttribution {
        // The attribution after the anchor closes the piece's last clause: the piece ends at a
        // sentence, the shortest prefix after which the numbering plainly goes on into the marker
        // that follows (else one it does not contradict, else the shortest).
        guard after else { return }
        var nextMarker: ClauseMarker? = nil
        var q = Int(position[right]) + 1, seen = 0
        while q < base.count, seen < rules.markerContextUnits {
          if !moved[base[q]], let m = units[base[q]].marker {
            nextMarker = m
            break
          }
          q += 1
          seen += 1
        }
        var lastMarker = markerBefore(p + 1)
        var plain: Int? = nil, notContradicted: Int? = nil, shortest: Int? = nil
        for k in piece.indices.dropLast() {
          if let m = units[piece[k]].marker { lastMarker = m }
          if units[piece[k]].isAttribution { continue }
          if shortest == nil { shortest = k }
          guard let next = nextMarker, let last = lastMarker else { continue }
          let t = RunFinder.transition(last, next)
          if t == 2, plain == nil { plain = k }
          if t > 0, notContradicted == nil { notContradicted = k }
        }
        guard let k = plain ?? notContradicted ?? shortest else { return }
        piece = Array(piece[...k])
      }
      if let left, units[left].isAttribution, units[piece[0]].isAttribution {
        // Before an anchor whose place follows an attribution: the piece's leading attributions stay.
        guard !after, let k = piece.firstIndex(where: { !units[$0].isAttribution }) else { return }
        piece = Array(piece[k...])
      }
      moves.append(Move(units: piece, anchor: anchor, after: after, reason: reason))
      for u in piece { moved[u] = true }
    }
    /// Each piece of a stretch, with whether the scrape jumps on its left and right.
    func floatingPieces() -> [[Int]] {
      var out: [[Int]] = []
      for stretch in stretches {
        let i = stretch.start, e = stretch.end
        let leftJumps = i == 0 || first[node[i - 1]] != i - 1 || after[node[i - 1]] == mixed
        let rightJumps = e == seq.count || first[node[e]] != e || before[node[e]] == mixed
        let pieces = stretch.pieces
        for (k, piece) in pieces.enumerated() where !moved[piece[0]] {
          if (k > 0 || leftJumps) && (k + 1 < pieces.count || rightJumps) { out.append(piece) }
        }
      }
      return out
    }
    func placeByNumbering() {
      // The current order (moved pieces at their anchors) and its open places: two units not
      // adjacent in the text, neither of them moved, or the open side of a moved piece (before a
      // piece moved to a chunk start, after one moved to a chunk end). Never before an
      // attribution, which closes the clause before it.
      let current = arrange()
      if current.count < 2 { return }
      var at = [Int32](repeating: -1, count: units.count)
      for (q, u) in current.enumerated() { at[u] = Int32(q) }
      var openLeft = [Bool](repeating: false, count: units.count)
      var openRight = [Bool](repeating: false, count: units.count)
      for m in moves {
        if m.after { openRight[m.units[m.units.count - 1]] = true } else { openLeft[m.units[0]] = true }
      }
      var prevMarker = [ClauseMarker?](repeating: nil, count: current.count + 1)
      var nextMarker = [ClauseMarker?](repeating: nil, count: current.count + 1)
      var last: (ClauseMarker, Int)? = nil
      for q in 0...current.count {
        if let (m, k) = last, q - k <= rules.markerContextUnits { prevMarker[q] = m }
        if q < current.count, let m = units[current[q]].marker { last = (m, q) }
      }
      var next: (ClauseMarker, Int)? = nil
      for q in stride(from: current.count - 1, through: 0, by: -1) {
        if let m = units[current[q]].marker { next = (m, q) }
        if let (m, k) = next, k - q < rules.markerContextUnits { nextMarker[q] = m }
      }
      // Open places (before current[q]) by the marker before them: (level, number) -> [q].
      var places: [Int: [Int]] = [:]
      for q in 1..<current.count {
        let a = current[q - 1], b = current[q]
        if units[b].isAttribution { continue }
        let open = (!moved[a] && !moved[b] && first[b] != first[a] + 1) || openLeft[b] || openRight[a]
        if open, let m = prevMarker[q] { places[m.level << 16 | m.number, default: []].append(q) }
      }
      for piece in floatingPieces() {
        let inside = piece.compactMap { units[$0].marker }
        guard let m = inside.first, let lastMarker = inside.last, m.number > 1,
          !zip(inside, inside.dropFirst()).contains(where: { RunFinder.transition($0, $1) == 0 })
        else { continue }
        let lo = Int(at[piece[0]]), hi = Int(at[piece[piece.count - 1]])
        // Only a piece whose numbering does not continue where it is.
        if let p = prevMarker[lo], RunFinder.transition(p, m) == 2 { continue }
        // The nearest such place whose next marker does not contradict the piece's last one;
        // two places equally near: it stays.
        // Places are in order: look at the nearest few on each side (bounded work per piece).
        let list = places[m.level << 16 | (m.number - 1)] ?? []
        var split = 0, high = list.count
        while split < high {
          let mid = (split + high) / 2
          if list[mid] < lo { split = mid + 1 } else { high = mid }
        }
        func nearest(_ indices: some Sequence<Int>) -> Int? {
          for k in indices.prefix(Self.placesTried) {
            let q = list[k]
            if q >= lo && q <= hi + 1 { continue }
            if let n = nextMarker[q], RunFinder.transition(lastMarker, n) == 0 { continue }
            return q
          }
          return nil
        }
        let below = nearest(stride(from: split - 1, through: 0, by: -1))
        let above = nearest(split..<list.count)
        var best: (distance: Int, q: Int)? = nil
        var tie = false
        for q in [below, above].compactMap({ $0 }) {
          let distance = q < lo ? lo - q : q - hi
          if let b = best, b.distance <= distance {
            if b.distance == distance { tie = true }
            continue
          }
          best = (distance, q)
          tie = false
        }
        guard let b = best, !tie else { continue }
        add(piece, current[b.q], after: false, "numbering")
      }
    }
    /// The nodes in order with the pieces moved so far at their anchors.
    func arrange() -> [Int] {
      var afterAnchor: [Int: [Int]] = [:], beforeAnchor: [Int: [Int]] = [:]
      // per unit: 1 when pieces go before it, 2 after it (the dictionaries are looked up only
      // for anchors: hashing every unit twice was most of this function's time)
      var anchored = [UInt8](repeating: 0, count: units.count)
      for m in moves {
        // A piece placed by its numbering goes in front of the pieces already before its anchor.
        if m.after { afterAnchor[m.anchor, default: []].append(contentsOf: m.units) }
        else if m.reason == "numbering" { beforeAnchor[m.anchor, default: []].insert(contentsOf: m.units, at: 0) }
        else { beforeAnchor[m.anchor, default: []].append(contentsOf: m.units) }
        anchored[m.anchor] |= m.after ? 2 : 1
      }
      // Pieces can be anchored to units of other moved pieces: emit depth first, each unit once.
      var out: [Int] = []
      out.reserveCapacity(base.count)
      var emitted = [Bool](repeating: false, count: units.count)
      func emit(_ u: Int) {
        if emitted[u] { return }
        emitted[u] = true
        let a = anchored[u]
        if a & 1 != 0 { for x in beforeAnchor[u] ?? [] { emit(x) } }
        out.append(u)
        if a & 2 != 0 { for x in afterAnchor[u] ?? [] { emit(x) } }
      }
      for u in base where !moved[u] { emit(u) }
      return out
    }
    // A move can open the place it left, so a few rounds.
    let rounds = 6
    for round in 0..<rounds {
      let count = moves.count
      for stretch in stretches {
        let i = stretch.start, e = stretch.end
        guard i > 0 else { continue }
        if e == seq.count || position[node[e]] == 0 {
          // The scrape ends with the stretch (or starts over from the beginning): with nothing
          // after it to say it jumped, it follows a neighbour found elsewhere only if its clause
          // numbering plainly continues there.
          let l = node[i - 1], piece = stretch.pieces[0]
          if !moved[piece[0]], first[l] != i - 1, openAfter(l), piece.contains(where: { units[$0].marker != nil }),
            fits(piece, at: Int(position[l]) + 1, base: base, units: units, strict: true)
          {
            add(piece, l, after: true, "chunk end")
          }
          continue
        }
        // The neighbours: found elsewhere (this is not their node's first occurrence) or here.
        let l = node[i - 1], r = node[e]
        let lElsewhere = first[l] != i - 1, rElsewhere = first[r] != e
        let pieces = stretch.pieces
        let afterL = Int(position[l]) + 1, beforeR = Int(position[r])
        if pieces.count == 1 {
          let piece = pieces[0]
          if moved[piece[0]] { continue }
          if lElsewhere, rElsewhere, pairs.contains(key(l, r)), position[r] == position[l] + 1 {
            // Gap: the other pass skipped the stretch; or, if the numbering disagrees, a chunk
            // of its own pasted in between, which stays.
            if fits(piece, at: afterL, base: base, units: units, strict: true) { add(piece, l, after: true, "gap") }
          } else if lElsewhere, openAfter(l), rElsewhere || before[r] == mixed,
            fits(piece, at: afterL, base: base, units: units)
          {
            add(piece, l, after: true, "chunk end")
          } else if rElsewhere, openBefore(r), lElsewhere || after[l] == mixed,
            fitsBefore(piece, at: beforeR, base: base, units: units)
          {
            add(piece, r, after: false, "chunk start")
          }
        } else {
          // The numbering jumps inside the stretch: the first piece may follow the neighbour
          // before, the last one lead to the neighbour after; the pieces between stay.
          if !moved[pieces[0][0]], lElsewhere, openAfter(l), fits(pieces[0], at: afterL, base: base, units: units) {
            add(pieces[0], l, after: true, "chunk end")
          }
          if let last = pieces.last, !moved[last[0]], rElsewhere, openBefore(r),
            fitsBefore(last, at: beforeR, base: base, units: units)
          {
            add(last, r, after: false, "chunk start")
          }
        }
      }
      if moves.count == count {
        // Pieces still in place with a jump on both sides (a chunk of the lagging pass whose
        // neighbours are elsewhere) go to the nearest open place whose numbering they continue;
        // that can open places for the rules above again.
        if !rules.reattachByNumbering || round == rounds - 1 { break }
        placeByNumbering()
        if moves.count == count { break }
      }
    }

    if moves.isEmpty { return nil }
    let out = arrange()
    // Pieces anchored to each other in a circle would be lost: then nothing moves.
    if out.count != base.count { return nil }
    return (out, moves)
  }

  /// Cuts a stretch where its clause numbering jumps (a marker that does not plainly continue the
  /// markers before it in the stretch; see `Reassembler.chainStarts`).
  func split(_ stretch: [Int], units: [TextUnit]) -> [[Int]] {
    let marked = stretch.indices.filter { units[stretch[$0]].marker != nil }
    if marked.count < 2 { return [stretch] }
    let starts = Reassembler.chainStarts(marked.map { units[stretch[$0]].marker! })
    var pieces: [[Int]] = []
    var from = 0
    for (k, at) in marked.enumerated() where k > 0 && starts[k] == k {
      pieces.append(Array(stretch[from..<at]))
      from = at
    }
    pieces.append(Array(stretch[from...]))
    return pieces
  }

  /// Whether the clause markers of `piece` continue the numbering when it is put before `base[at]`:
  /// no marker in it jumps, and its first marker plainly continues the markers before that place
  /// (within `marker_context_units` units): the next number of the nearest marker at its level
  /// with only deeper ones after it, or a first child of a shallower one. `strict`: the nearest
  /// marker itself must be followed plainly (same level and the next number, or a first child).
  func fits(_ piece: [Int], at: Int, base: [Int], units: [TextUnit], strict: Bool = false) -> Bool {
    let inside = piece.compactMap { units[$0].marker }
    guard let first = inside.first else { return true }
    for (x, y) in zip(inside, inside.dropFirst()) where RunFinder.transition(x, y) == 0 { return false }
    var p = at - 1, seen = 0
    while p >= 0, seen < rules.markerContextUnits {
      if let m = units[base[p]].marker {
        if strict { return RunFinder.transition(m, first) == 2 }
        if m.level == first.level { return first.number == m.number + 1 }
        if m.level < first.level { return first.number == 1 }
      }
      p -= 1
      seen += 1
    }
    return first.number == 1
  }

  /// Whether the clause markers of `piece` fit right before `base[at]` (a place whose left side is
  /// open, so only what follows counts): no marker in it jumps, and the nearest marker from that
  /// place on does not contradict its last one.
  func fitsBefore(_ piece: [Int], at: Int, base: [Int], units: [TextUnit]) -> Bool {
    let inside = piece.compactMap { units[$0].marker }
    guard let last = inside.last else { return true }
    for (x, y) in zip(inside, inside.dropFirst()) where RunFinder.transition(x, y) == 0 { return false }
    var p = at, seen = 0
    while p < base.count, seen < rules.markerContextUnits {
      if let m = units[base[p]].marker { return RunFinder.transition(last, m) != 0 }
      p += 1
      seen += 1
    }
    return true
  }
}
