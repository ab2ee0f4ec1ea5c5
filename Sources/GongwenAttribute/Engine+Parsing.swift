import GongwenCore
import ICUKit

// Parsing a candidate into departments with roles, and canonical names.

extension Engine {
  func hasSuffix(_ a: ArraySlice<Unicode.Scalar>, _ b: [Unicode.Scalar]) -> Bool {
    guard a.count >= b.count else { return false }
    let off = a.endIndex - b.count
    for k in 0..<b.count where a[off + k] != b[k] { return false }
    return true
  }

  /// The `tail_words` word (longest first) ending `x`, with a name before it (`市公安局等部门` -> `等部门`), if any.
  func tailWord(ending x: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar]? {
    r.tailWords.first { x.count > $0.count && hasSuffix(x, $0) }
  }

  /// Characters after which a label word is a noun in a sentence (各牵头单位对…, 有关责任单位, 和配合单位).
  static let beforeNoLabel = ScalarSet("各等和及与、的其该有关本")
  /// A copula after the label makes a sentence (该目标责任单位为市经委: Corpus/heldout15 1604 keys nobody).
  static let copulaAfterLabel = ScalarSet("为是")
  /// A labelled list at the end of a paragraph whose colons a garbled copy lost (punctuation dropped from a
  /// document-sharing site's text: `…业户垃圾清运费没有收到位责任单位环卫分公司配合单位办事处、城管中队`;
  /// Corpus/heldout53 5402): from a `labels` word directly followed by Chinese text to the paragraph's end, read as
  /// if each label there had its colon. The label does not follow 各, 等, 的… (`各牵头单位对…负总责`), the list
  /// holds no sentence end and ends with a Chinese character (a copy that lost its colons lost its full stops too), at
  /// least half its names as written look like a department and none is ruled out (`…落实责任单位和责任人` names
  /// nobody); the first label that gives such a list wins.
  func colonlessLabelled(_ s: [Unicode.Scalar], end: Int, lo: Int) throws(StageFailure) -> Found? {
    // (a copy that lost its colons lost its full stops too: a clause ending with one is not such a copy)
    var last = end - 1
    while last > lo, whitespace.contains(s[last]) { last -= 1 }
    guard last > lo, isIdeographic(s[last]) else { return nil }
    var ls = end
    let limit = max(lo, end - r.maxLength)
    while ls > limit && s[ls - 1] != "\n" { ls -= 1 }
    // (a `labels` word at `k` followed at once by Chinese text: its colon lost)
    func labelWithoutColon(at k: Int) -> RoleWord? {
      guard labelStartSet.contains(s[k]), let candidates = labelsByFirst[s[k]],
        let l = candidates.first(where: { k + $0.text.count < end && hasPrefix(s[k..<end], $0.text) }),
        isIdeographic(s[k + l.text.count])
      else { return nil }
      return l
    }
    var p = ls
    var depth = 0
    while p < end - 4 {
      defer { p += 1 }
      // (not inside brackets: a bracket cut by the page's end is `cutAtTextEnd`'s)
      if openSet.contains(s[p]) { depth += 1 } else if closeSet.contains(s[p]) { depth = max(0, depth - 1) }
      guard depth == 0, let l = labelWithoutColon(at: p), !Self.copulaAfterLabel.contains(s[p + l.text.count]),
        p == ls || !Self.beforeNoLabel.contains(s[p - 1]),
        !s[p..<end].contains(where: { $0 == "。" || $0 == "；" || $0 == ";" })
      else { continue }
      // the list with a colon after each label in it
      var list: [Unicode.Scalar] = []
      var k = p
      while k < end {
        if let m = labelWithoutColon(at: k) {
          list += m.text
          list.append("：")
          k += m.text.count
          continue
        }
        list.append(s[k])
        k += 1
      }
      guard let parsed = try parse(list, 0..<list.count, shape: .labelled), try mostlyDepartments(parsed) else { continue }
      return Found(range: p..<end, parsed: parsed)
    }
    return nil
  }

  /// A list read without the usual evidence (a lost colon, a `line_labels` word): some names, every one of them plausible, at
  /// least half looking like departments as written.
  func mostlyDepartments(_ parsed: ParsedAttribution) throws(StageFailure) -> Bool {
    guard !parsed.items.isEmpty else { return false }
    var like = 0
    for item in parsed.items {
      if try departmentLike(item.raw) { like += 1 } else if try !plausibleName(item.raw, fast: names.fast(item.raw)) {
        return false
      }
    }
    return 2 * like >= parsed.items.count
  }

  /// Where a listed label (or an ignored one: 完成时限) that ends at the colon `colon` starts, when it
  /// is run on after text of its own (`县教育局配合单位：`): the longest such label, when it leaves at
  /// least one character before it after `lo` (a piece that is all label, `完成时限：`, is not cut at
  /// its shorter `时限`). Only the rules' own labels count here, never an inferred one, so a name
  /// holding a colon is not cut on a guess.
  func embeddedLabelStart(_ a: ArraySlice<Unicode.Scalar>, colon: Int, after lo: Int) -> Int? {
    var best: Int? = nil
    // (the label ends at the colon, or before a short bracketed note there: 政法综治处配合处室（单位）：; Corpus/heldout162 16205)
    var end = colon
    if end - 1 > lo, closeSet.contains(a[end - 1]),
      let open = (max(lo, end - 10)..<(end - 1)).last(where: { openSet.contains(a[$0]) })
    {
      end = open
    }
    let ends = end == colon ? [colon] : [colon, end]
    func consider(_ text: [Unicode.Scalar]) {
      for e in ends {
        let k = e - text.count
        guard k >= lo, best.map({ k < $0 }) ?? true, a[k..<e].elementsEqual(text) else { continue }
        best = k
      }
    }
    for l in r.labels { consider(l.text) }
    for l in r.ignoredLabels { consider(l) }
    guard let best, best > lo else { return nil }
    return best
  }

  /// `a` starts with the label `text` followed by a colon (`责任单位：…`), with more after the label.
  func startsWithLabel(_ a: ArraySlice<Unicode.Scalar>, _ text: [Unicode.Scalar]) -> Bool {
    labelEnd(a, from: a.startIndex, text) != nil
  }

  /// The label that starts at `k` in `a` (the first of the rules' labels that does, longest first), and
  /// where it ends after its colon (`labelEnd`).
  func labelMatch(_ a: ArraySlice<Unicode.Scalar>, at k: Int) -> (label: RoleWord, end: Int)? {
    guard k < a.endIndex else { return nil }
    // (the bitmap first: most characters start no label, and the dictionary hashes every one)
    if labelStartSet.contains(a[k]), let candidates = labelsByFirst[a[k]] {
      for l in candidates {
        if let e = labelEnd(a, from: k, l.text) { return (l, e) }
      }
    }
    if let e = bracketedLabel(a, at: k) { return e }
    return inferredLabel(a, at: k)
  }

  /// A listed label in square brackets instead of before a colon: `【牵头单位】市数据局【配合单位】市司法局`.
  func bracketedLabel(_ a: ArraySlice<Unicode.Scalar>, at k: Int) -> (label: RoleWord, end: Int)? {
    guard k + 3 < a.endIndex, Self.opensLabel(a[k]), let close = Self.labelBrackets[a[k]], let candidates = labelsByFirst[a[k + 1]]
    else { return nil }
    for l in candidates where hasPrefix(a[(k + 1)...], l.text) {
      let c = k + 1 + l.text.count
      if c < a.endIndex, a[c] == close { return (l, c + 1) }
    }
    return nil
  }

  /// The square brackets a label may stand in, opening to closing.
  static let labelBrackets: [Unicode.Scalar: Unicode.Scalar] = ["【": "】", "［": "］", "[": "]", "〔": "〕"]

  /// Whether `c` opens a bracket a label may stand in (the cheap test before `bracketedLabel`).
  @inline(__always) static func opensLabel(_ c: Unicode.Scalar) -> Bool {
    c == "【" || c == "［" || c == "[" || c == "〔"
  }

  /// Whether `c` closes a bracket a label may stand in (a line holding one may hold a label).
  @inline(__always) static func closesLabel(_ c: Unicode.Scalar) -> Bool {
    c == "】" || c == "］" || c == "]" || c == "〕"
  }

  /// A label not in the rules' list (`label_inference`): Chinese characters up to a colon, ending in
  /// an ending (单位, 部门) and holding a keyword (`共同责任单位：` → responsible; `协同推进单位：` →
  /// participating). A recipients line (`各有关部门：`) holds no keyword.
  func inferredLabel(_ a: ArraySlice<Unicode.Scalar>, at k: Int) -> (label: RoleWord, end: Int)? {
    guard let li = r.labelInference else { return nil }
    // (cheapest test first: a colon within reach; this runs wherever a listed label did not match)
    var p = k
    let limit = min(a.endIndex, k + li.maxLength + 1)
    while p < limit, !r.colons.contains(a[p]) { p += 1 }
    guard p < limit, p > k else { return nil }
    let name = a[k..<p]
    guard li.endings.contains(where: { name.count > $0.count && hasSuffix(name, $0) }),
      let kw = li.keywords.first(where: { w in name.indices.contains { hasPrefix(name[$0...], w.text) } }),
      name.allSatisfy({ isIdeographic($0) })
    else { return nil }
    return (RoleWord(text: Array(name), roles: kw.roles), p + 1)
  }

  /// Where the label `text` starting at `k` in `a` ends, after its colon: the label, then perhaps a
  /// second short name after 、 (责任处室、单位) and a bracketed note (（按处室、单位顺序排列，下同）),
  /// then the colon (Corpus/heldout12 1302). nil when `a` has no such label at `k`.
  func labelEnd(_ a: ArraySlice<Unicode.Scalar>, from k: Int, _ text: [Unicode.Scalar]) -> Int? {
    guard k + text.count < a.endIndex, hasPrefix(a[k...], text) else { return nil }
    var p = k + text.count
    if r.colons.contains(a[p]) { return p + 1 }
    // 、 and a short name (单位, 部门)
    if a[p] == "、" {
      var q = p + 1
      while q < a.endIndex, q - p <= 5, !r.colons.contains(a[q]), !openSet.contains(a[q]), !separators.contains(a[q]),
        !whitespace.contains(a[q]) { q += 1 }
      guard q < a.endIndex, q > p + 1 else { return nil }
      p = q
      if r.colons.contains(a[p]) { return p + 1 }
    }
    // a bracketed note
    guard openSet.contains(a[p]) else { return nil }
    var q = p + 1
    while q < a.endIndex, q - p <= 40, !closeSet.contains(a[q]), a[q] != "\n", !openSet.contains(a[q]) { q += 1 }
    guard q + 1 < a.endIndex, closeSet.contains(a[q]), r.colons.contains(a[q + 1]) else { return nil }
    return q + 2
  }

  /// A sentence, an item or a bracketed remark that one of the `notes` rules calls a note.
  /// No match can start outside `noteStarts`, so a text without those characters is no note
  /// (most sentences and items). The rest is memoised as a whole (one hash of the text, not one
  /// lookup per rule): the rules are tried in order as before, and a failing rule throws before
  /// anything is stored.
  func isNote(_ text: ArraySlice<Unicode.Scalar>) throws(StageFailure) -> Bool {
    if let noteStarts, !text.contains(where: { noteStarts.contains($0) }) { return false }
    let key = ScalarKey(text)
    if let hit = memo.notes[key] { return hit }
    var result = false
    for k in noteMatchers.indices where try matches(noteMatchers[k], noteRules[k], text) {
      result = true
      break
    }
    memo.notes[key.owned()] = result
    memo.entries += 1
    return result
  }

  func hasPrefix(_ a: ArraySlice<Unicode.Scalar>, _ b: [Unicode.Scalar]) -> Bool {
    guard a.count >= b.count else { return false }
    var i = a.startIndex
    for k in 0..<b.count {
      if a[i] != b[k] { return false }
      i += 1
    }
    return true
  }

  /// The attribution a candidate's text reads as (nil: none). It depends only on the text and the
  /// shape, and the same candidates recur (a notice repeats `（责任单位：市卫生局）` clause after clause,
  /// notices repeat each other's lists), so results are memoised by both.
  func parse(_ s: [Unicode.Scalar], _ range: Range<Int>, shape: Shape) throws(StageFailure) -> ParsedAttribution? {
    guard !range.isEmpty, range.count <= r.maxLength else { return nil }
    let key = ParseKey(text: ScalarKey(s[range]), shape: shape)
    if let hit = memo.parses[key] { return hit }
    let result = try parseUncached(s, range, shape: shape)
    memo.parses[ParseKey(text: key.text.owned(), shape: shape)] = result
    memo.entries += 1
    return result
  }

  func parseUncached(_ s: [Unicode.Scalar], _ range: Range<Int>, shape: Shape) throws(StageFailure) -> ParsedAttribution? {
    // 1. whitespace: a newline inside brackets is a broken line (joined); in a labelled list it
    //    separates entries.
    var content: [Unicode.Scalar] = []
    content.reserveCapacity(range.count)
    for i in range {
      let c = s[i]
      if c == "\n" && shape == .labelled {
        content.append("；")
      } else if !whitespace.contains(c) {
        content.append(c)
      } else if shape == .labelled, c == " ", i > range.lowerBound, i + 1 < range.upperBound,
        isIdeographic(s[i - 1]), isIdeographic(s[i + 1]), content.last != "、"
      {
        // a space Normalize kept between two names of a label line (责任单位:市发改委 五县五区政府,
        // `cjk_spacing.list_labels`; Corpus/heldout33 3401) separates them
        content.append("、")
      }
    }
    // 2. sentences, notes dropped
    var items: [ParsedItem] = []
    var pending: [ParsedItem] = []
    var labelRoles: [AttributionRole]?
    var sawLabel = false, sawRoleWord = false
    var ignoring = false
    // the shared word of a tail dropped from the run's last item (消防、人防等部门负责: 部门)
    var tailShared: String? = nil
    // a joiner naming the lead was met in the run (A会同B、C): the items after it are partners
    var partnersFollow = false
    // a label was just read: the next name starts a list of its own
    var afterLabel = false

    func flush(_ roles: [AttributionRole]) throws(StageFailure) {
      guard !pending.isEmpty else { return }
      defer { tailShared = nil; partnersFollow = false }
      // a shared word alone after a name ending with another: the name's stem with it (市直有关部门、单位 -> 市直有关单位;
      // Corpus/heldout73 7302)
      for k in pending.indices.dropFirst() where pending[k].name == pending[k].raw && r.sharedSuffixes.contains(pending[k].raw) {
        let prev = pending[k - 1].raw
        if let suffix = sharedWord(endingLonger: prev.unicodeScalars) {
          pending[k].name = String(prev.unicodeScalars.dropLast(suffix.unicodeScalars.count)) + pending[k].raw
        }
      }
      // places sharing the body named after the last of them: 襄阳市、十堰市、随州市、神农架林区发改委,
      // 海东市、兰州市、临夏州发展改革部门 (Corpus/heldout30 3103, 3105)
      // (the cheap test first: every earlier item a bare place)
      var placesFirst = pending.count > 1 && pending.dropLast().allSatisfy({ $0.name == $0.raw && isBarePlace($0.raw) })
      if placesFirst {
        for item in pending.dropLast() where try !sharesPlaceWord(item.raw) { placesFirst = false }
      }
      if placesFirst, let body = try placeBody(pending[pending.count - 1].raw) {
        for k in pending.indices.dropLast() { pending[k].name = pending[k].raw + body }
        tailShared = nil
      }
      // shared generic suffix: 各级卫生计生、发展改革、财政部门
      if let last = pending.last, pending.dropLast().allSatisfy({ $0.name == $0.raw }),
        let suffix = sharedSuffixesInert && ExactText.isInert(last.raw)
          ? r.sharedSuffixes.first(where: { ExactText.bytesHaveSuffix(last.raw, $0) && !ExactText.sameBytes(last.raw, $0) })
          : r.sharedSuffixes.first(where: { last.raw.hasSuffix($0) && last.raw != $0 })
      {
        for k in pending.indices.dropLast() where try !departmentLike(pending[k].raw) {
          pending[k].name = pending[k].raw + suffix
        }
      } else if let suffix = tailShared,
        !pending.contains(where: { item in r.regionLevels.contains { $0.elementsEqual(item.raw.unicodeScalars) } })
      {
        // …等部门 dropped from the last item: every item that is no department on its own is one with
        // it (各级消防、人防、交警、气象、卫生等部门 -> 各级消防部门 … 卫生部门; Corpus/heldout20 2102); not
        // when an item is a bare level (市、县(市、区)公安交警…等部门: the levels share the rest, which
        // this does not read)
        for k in pending.indices where try !departmentLike(pending[k].raw) {
          if try departmentLike(pending[k].raw + suffix) { pending[k].name = pending[k].raw + suffix }
        }
      }
      // a government shared by the place names before it: 哈尔滨、黑河、绥芬河市政府
      if !r.placeSuffixes.isEmpty {
        for j in pending.indices.dropFirst() {
          // (every place suffix ends like the last one checked here: 政府; a name that does not is
          // passed over without String comparisons)
          guard placeSuffixLast == nil || pending[j].raw.unicodeScalars.last == placeSuffixLast,
            let suffix = r.placeSuffixes.first(where: { pending[j].raw.hasSuffix($0) && pending[j].raw != $0 })
          else {
            // any body after a collective of places: 西宁市、海东、各州食品药品监管局 -> 西宁市食品药品监管局,
            // 海东食品药品监管局 (Corpus/heldout20 2101)
            // and a body named after the last of the places before it: 广州、深圳、珠海边检总站 -> 广州边检总站, 深圳边检总站
            // (Corpus/heldout165 16501)
            var shared = try placesBody(pending[j].raw)
            if shared == nil { shared = try sharedPlaceBody(pending[j].raw, after: pending[j - 1]) }
            if let body = shared {
              var k = j - 1
              while k >= 0, pending[k].name == pending[k].raw, pending[k].raw.unicodeScalars.count <= r.placeNameMax,
                pending[k].raw.unicodeScalars.allSatisfy({ isIdeographic($0) }), try sharesPlaceWord(pending[k].raw)
              {
                pending[k].name = pending[k].raw + body
                k -= 1
              }
            }
            continue
          }
          // (the government of levels only names no place for the names before it to share: 街道、乡镇人民政府)
          if isLevelsGovernment(Array(pending[j].raw.unicodeScalars)[...]) { continue }
          var k = j - 1
          while k >= 0, pending[k].name == pending[k].raw, pending[k].raw.unicodeScalars.count <= r.placeNameMax,
            pending[k].raw.unicodeScalars.allSatisfy({ isIdeographic($0) }), try sharesPlaceWord(pending[k].raw)
          {
            // a name that ends with its own level takes the government without the level (川汇区、
            // 商水县人民政府 -> 川汇区人民政府; 哈尔滨、黑河市政府 -> 哈尔滨市政府); `广州`'s 州 is no level (`isZhouCity`)
            let raw = pending[k].raw.unicodeScalars
            if let level = suffix.unicodeScalars.first, r.regionLevels.contains([level]),
              let own = raw.last, r.regionLevels.contains([own]), !isZhouCity(raw)
            {
              pending[k].name = pending[k].raw + String(suffix.unicodeScalars.dropFirst())
            } else {
              pending[k].name = pending[k].raw + suffix
            }
            k -= 1
          }
        }
      }
      // a branch named by its place alone after another branch of one body takes the body's head: 人民银行广东省分行、深圳市分行
      // -> 人民银行深圳市分行, 中信保广东分公司、深圳分公司 -> 中信保深圳分公司 (Corpus/heldout165 16501)
      if !r.branchEndings.isEmpty {
        for j in pending.indices.dropFirst() where pending[j].name == pending[j].raw {
          if let head = try branchHead(of: pending[j].raw, after: pending[j - 1].name) { pending[j].name = head + pending[j].raw }
        }
      }
      // (an item without roles of its own shares `roles` when it has no duplicate: the same list
      // the appends would build)
      let distinct = roles.indices.allSatisfy { i in !roles[..<i].contains(roles[i]) }
      for k in pending.indices where !pending[k].partner {
        if pending[k].roles.isEmpty && distinct {
          pending[k].roles = roles
        } else {
          for role in roles where !pending[k].roles.contains(role) { pending[k].roles.append(role) }
        }
      }
      items.append(contentsOf: pending)
      pending.removeAll(keepingCapacity: true)
    }

    var sentences: [ArraySlice<Unicode.Scalar>] = []
    var sStart = 0
    for (i, c) in content.enumerated() where sentenceEnds.contains(c) || c == "。" {
      sentences.append(content[sStart..<i])
      sStart = i + 1
    }
    sentences.append(content[sStart..<content.count])

    for sentence in sentences where !sentence.isEmpty {
      // a declaration that the first-listed leads, after names: it names the list's roles as a role word
      // does (（A、B、中储粮株洲直属库。排名第一的为牵头单位，下同）, Corpus/heldout31 3202)
      if !items.isEmpty || !pending.isEmpty, try declaresFirstListedLead(sentence) {
        sawRoleWord = true
        continue
      }
      if try isNote(sentence) { continue }
      // Once a sentence has given departments, a later sentence (after 。) is a note unless it
      // starts with a label or names a role: 〔责任单位：A、B负责。具体任务均涉及相关市(州)人民政府，
      // 不再做分工，下同。〕 — but （牵头单位：A。配合单位：B） keeps B.
      if !items.isEmpty || !pending.isEmpty {
        // a declaration that the first-listed leads is a note, whatever else it says (一项任务涉及多个
        // 部门的，原则上由排名首位的部门牵头负责; read above)
        // (after the 。 a line break became ；: 牵头单位：A。⏎责任单位：A、B, Corpus/heldout32 3305)
        var first = sentence.startIndex
        while first < sentence.endIndex, separators.contains(sentence[first]) { first += 1 }
        let labelled = labelMatch(sentence, at: first) != nil
        // some role word starts at some index (role words are never empty: tested only where
        // one can start)
        let namesRole = sentence.indices.contains { i in
          roleWordStarts.contains(sentence[i]) && r.roleWords.contains { hasPrefix(sentence[i...], $0.text) }
        }
        if !labelled && !namesRole { continue }
      }
      var iStart = sentence.startIndex
      var pieces: [ArraySlice<Unicode.Scalar>] = []
      var depth = 0
      // a label is never split, whatever it holds (责任处室、单位（按处室、单位顺序排列，下同）：)
      var labelUntil = sentence.startIndex
      for i in sentence.indices {
        let c = sentence[i]
        if i == iStart, let m = labelMatch(sentence, at: i) { labelUntil = m.end }
        if openSet.contains(c) { depth += 1 } else if closeSet.contains(c) { depth = max(0, depth - 1) }
        if depth == 0 && i >= labelUntil && separators.contains(c) {
          pieces.append(sentence[iStart..<i])
          iStart = i + 1
        } else if i > iStart, i >= labelUntil, Self.opensLabel(c), let m = bracketedLabel(sentence, at: i) {
          // 【牵头单位】市数据局【配合单位】市司法局: a bracketed label after a name starts its own piece
          pieces.append(sentence[iStart..<i])
          iStart = i
          labelUntil = m.end
        } else if depth == 0 && i > labelUntil && colonSet.contains(c), let k = embeddedLabelStart(sentence, colon: i, after: iStart) {
          // a label run on after the last name, the space between them folded away (责任单位：县教育局
          // 配合单位：县卫健委 -> …县教育局配合单位：…): a piece of its own
          pieces.append(sentence[iStart..<k])
          iStart = k
          labelUntil = i + 1
        }
      }
      pieces.append(sentence[iStart..<sentence.endIndex])
      if !r.regionLevels.isEmpty, pieces.count > 1 { pieces = try joiningRegionLevels(pieces, of: sentence) }

      for piece in pieces {
        var it = piece
        if it.isEmpty { continue }
        if it.count <= maxNoteItem && r.noteItems.contains(String(scalars: it)) { continue }
        // an official (分管副省长、协管副秘书长负责，省科技厅牵头): a person, not a department, dropped
        // with the role word written after it
        if !r.officials.isEmpty, isOfficial(it) { continue }
        // a note in brackets after the last name keeps the name (各镇人民政府（县政府部门中列在首位的为牵头部门，下同）;
        // Corpus/heldout71 7104): the bracket goes before the item is tested as a note
        if !noteMatchers.isEmpty, let l = it.last, closeSet.contains(l), let open = it.lastIndex(where: { openSet.contains($0) }),
          open > it.startIndex, open + 1 < it.endIndex - 1, try isNote(it[(open + 1)..<(it.endIndex - 1)])
        {
          it = it[..<open]
        }
        // an item that is a note (a deadline such as 6月底完成 between the departments)
        if !noteMatchers.isEmpty, try isNote(it) {
          // unless the 。 before the note was lost (（A、B等负责排首位的为牵头部门，下同）): the names
          // and role word before it still count
          guard let cut = try roleWordEndBeforeNote(it) else { continue }
          it = it[..<cut]
        }
        // label
        if let m = labelMatch(it, at: it.startIndex) {
          try flush(labelRoles ?? [r.bareListRole])
          labelRoles = m.label.roles
          sawLabel = true
          ignoring = false
          afterLabel = true
          it = it[m.end...]
          if it.isEmpty { continue }
        } else if ignoredLabelStarts.contains(it[it.startIndex]), r.ignoredLabels.contains(where: { startsWithLabel(it, $0) }) {
          // 完成时限：2016年底 — not departments, up to the next label
          try flush(labelRoles ?? [r.bareListRole])
          ignoring = true
          continue
        }
        if ignoring { continue }
        // `body` narrows the piece in place (a slice of `content`: no copies until the items'
        // strings are made)
        // a bare role word closes the run before it (A、B，负责)
        if roleWordStarts.contains(it[it.startIndex]), let w = r.roleWords.first(where: { $0.text.elementsEqual(it) }) {
          try flush(w.roles)
          sawRoleWord = true
          continue
        }
        var body = it
        var mark: Unicode.Scalar? = nil
        // ★区发改委: a mark before the name
        while body.count > 1, let f = body.first, r.itemMarks.contains(f) { mark = f; body.removeFirst() }
        // 市经信委*: a mark after the name (Corpus/heldout30 3104)
        while body.count > 1, let l = body.last, r.itemMarks.contains(l) { mark = l; body.removeLast() }
        for lead in r.leadIns where body.count > lead.count && body.starts(with: lead) {
          body.removeFirst(lead.count)
          break
        }
        // a phrase before the names: 各项政策措施均需各市政府 -> 各市政府
        if !r.leadInEnds.isEmpty, body.count > 2, body.contains(where: { leadInEndLasts.contains($0) }) {
          var k = body.endIndex - 1
          search: while k > body.startIndex {
            for w in r.leadInEnds where k - w.count >= body.startIndex && body[(k - w.count)..<k].elementsEqual(w) {
              body = body[k...]
              break search
            }
            k -= 1
          }
        }
        var closing: [AttributionRole]?
        if let w = droppingClosingRoleWord(&body) {
          closing = w.roles
        } else if let (namesEnd, w) = try dutyAfterName(body) {
          // a name, its role word and its duty, under a label (责任分工：区规划局负责开展规划编制工作，…; Corpus/heldout137
          // 13704) or in a bracket (（区财政金融局负责区政府采购电子化管理系统的建设，区环境与国土资源局负责…，2016年6月底完成）;
          // Corpus/heldout139 13902): the name with the role word's roles, the duty dropped
          body = body[..<namesEnd]
          closing = w.roles
        }
        // a later run that names its matter before a lead-in (（市发展改革委牵头，具体工作由各区政府负责）, `…总牵头，各领域由
        // 相关单位具体牵头`; Corpus/heldout127 12701): the names after it, when the matter is no department
        // So too after a run without a role word of its own (（区行政审批局、区公共资源交易中心，政府采购评审专家征集由区财政金融局牵头，
        // 2016年底前完成）; Corpus/heldout139 13902): that run is a list of its own, closed as a bare one.
        if closing != nil, !items.isEmpty || !pending.isEmpty, let cut = try matterBeforeLeadIn(body) {
          try flush(labelRoles ?? [r.bareListRole])
          body = body[cut...]
        }
        var tailed = false
        if let tail = tailWord(ending: body) {
          body.removeLast(tail.count)
          tailShared = sharedWord(endingLonger: tail)
          tailed = true
        }
        // 省科技、发展改革、经济和信息化等有关部门: after a field, 等有关部门 shares 部门 as 等部门 does
        if !tailed, !r.fieldTailWords.isEmpty {
          for tail in r.fieldTailWords where body.count > tail.count && hasSuffix(body, tail) {
            guard try !departmentLike(String(scalars: body.dropLast(tail.count))) else { break }
            body.removeLast(tail.count)
            tailShared = sharedWord(endingLonger: tail)
            break
          }
        }
        var extra: [AttributionRole] = []
        if let last = body.last, closeSet.contains(last),
          let open = body.lastIndex(where: { openSet.contains($0) }), open > body.startIndex
        {
          let inner = body[(open + 1)..<(body.endIndex - 1)]
          if let w = r.inlineRoles.first(where: { $0.text.elementsEqual(inner) }) {
            extra = w.roles
            body = body[..<open]
          } else if !inner.isEmpty {
            // a note in brackets after the last department: 市财政局（第一责任单位为牵头单位，下同）
            if try isNote(inner) { body = body[..<open] }
          }
        }
        // joiners: A会同B
        // (a joiner counts only inside a part, neither first nor last; the text between two
        // occurrences becomes a part, even when empty)
        var parts: [ArraySlice<Unicode.Scalar>] = [body]
        var firstLead = false
        if body.dropFirst().contains(where: { joinerStarts.contains($0) }) {
          for j in r.joiners {
            let n = j.text.count
            var next: [ArraySlice<Unicode.Scalar>] = []
            for part in parts {
              var start = part.startIndex
              var k = part.startIndex + 1
              while k + n < part.endIndex {
                if part[k] == j.text[0], part[k..<(k + n)].elementsEqual(j.text) {
                  var before = part[start..<k]
                  // (…市公安局等部门及各区按职责分工负责: the tail before 及 ends that name as at a list's end; Corpus/heldout118
                  // 11801. Its shared word is not passed on: the items after 及 are other bodies)
                  if !j.firstIsLead, let tail = tailWord(ending: before) {
                    before = before.dropLast(tail.count)
                  }
                  next.append(before)
                  k += n
                  start = k
                  // a joiner that names the lead (A会同B) is itself a statement of roles
                  if j.firstIsLead { firstLead = true; sawRoleWord = true }
                  continue
                }
                k += 1
              }
              next.append(part[start...])
            }
            parts = next
          }
        }
        // 和 / 与 / 等 between two departments, the second with its own prefix (省直各部门和各市人民政府)
        if !r.andWords.isEmpty {
          var split: [ArraySlice<Unicode.Scalar>] = []
          for part in parts { split += try splitAtAndWords(part) }
          parts = split
        }
        for (k, whole) in parts.enumerated() where !whole.isEmpty {
          // a department's people after its name (责任单位及责任人：…市公安消防支队主要领导; Corpus/heldout49 5002):
          // the department is named
          var part = whole
          if let rule = r.leading, let cut = staffStart(part, rule: rule) { part = part[..<cut] }
          // (a closing bracket whose opening one is not in the name closes the group the list stands in — a labelled list
          // read without its bracket, `责任单位：区财政局、村）` — and is no part of the name)
          while let last = part.last, closeSet.contains(last), !part.contains(where: { openSet.contains($0) }) { part = part.dropLast() }
          guard !part.isEmpty else { continue }
          let raw = String(scalars: part)
          var roles = extra
          if k == 0 && firstLead && parts.count > 1 && !roles.contains(.lead) { roles.append(.lead) }
          // (由国土资源部会同农业部等部门负责落实: 农业部 takes part; the keys of Corpus/heldout10, heldout27)
          let partner = partnersFollow || k > 0 && firstLead
          // (a generic body as the partner names no one: 由区应急局会同相关部门负责具体解释; Corpus/heldout174 17402)
          if partner, isGenericPartner(part) { continue }
          if partner && !roles.contains(.participating) { roles.append(.participating) }
          pending.append(ParsedItem(raw: raw, name: raw, roles: roles, partner: partner, listStart: afterLabel, mark: mark))
          afterLabel = false
        }
        if firstLead { partnersFollow = true }
        if let closing {
          try flush(closing)
          sawRoleWord = true
        }
      }
    }
    try flush(labelRoles ?? [r.bareListRole])
    guard !items.isEmpty else { return nil }

    // 3. evidence
    //    With a label every item must at least be a plausible name and one must look like a
    //    department; with role words but no label, the same, and most items must look like
    //    departments (（省发展改革委牵头，省统计局及有关市政府、企业配合）); with neither, every item
    //    must look like a department.
    //    A bare place named with a role word is that place's government (（沾化县牵头负责）, （邹平县、市交通局
    //    负责）; Corpus/heldout64 6401).
    var likeCount = 0
    for (k, it) in items.enumerated() {
      if try departmentLike(it.name) || (sawLabel || sawRoleWord) && isBarePlace(it.name) { likeCount += 1 }
      // (a bare level after a collective item shares its 各: 各街道、镇 — the towns, kept as written; Corpus/heldout114 11401,
      // heldout101 10106)
      else if k > 0, items[k - 1].name.hasPrefix("各"), r.regionLevels.contains(where: { $0.elementsEqual(it.name.unicodeScalars) }) {
        continue
      }
      else if !sawLabel && !sawRoleWord { return nil } else {
        // (under a label a college or a hospital is a body: 责任单位：职业技术学院、轵城镇人民政府)
        guard try plausibleName(it.name, fast: names.fast(it.name))
          || sawLabel && r.labelledBodies.contains(where: { it.name.hasSuffix($0) && it.name != $0 })
            && it.name.unicodeScalars.count <= r.maxDepartmentLength
            && !it.name.unicodeScalars.contains(where: { ("0"..."9").contains($0) || r.colons.contains($0) })
        else { return nil }
      }
    }
    guard likeCount >= 1 else { return nil }
    if !sawLabel, 2 * likeCount <= items.count { return nil }
    switch shape {
    case .bracketed: break
    case .lostBracket: guard sawLabel || sawRoleWord else { return nil }
    case .labelled: guard sawLabel else { return nil }
    }

    // 4. canonical names
    var ctx: String?
    var owner: [Unicode.Scalar]? = nil  // a named body whose division came before (区经发局经信处 -> 区经发局)
    var unknown: [String] = []
    for k in items.indices {
      // (a label's list inherits from its own first name, not from the list before it: 主办单位:县城投公司,协办单位:住建局 ->
      // 住建局; Corpus/heldout180 18001, heldout3)
      if items[k].listStart { ctx = nil }
      var (canon, known, prefix) = try canonicalize(items[k].name, context: ctx)
      if prefix == nil, canon == items[k].name, let ctx, k > 0, parallel(items[k].name, after: items[k - 1].canonical, prefix: ctx) {
        canon = ctx + canon
      }
      // (a short division after a named body's division is that body's: 区经发局经信处、发改处 -> 区经发局发改处; Corpus/heldout160
      // 16001; `division_inheritance.owners`)
      let name = Array(items[k].name.unicodeScalars)
      if let o = owner, !known, divisionTail(name) == name.count, !name.contains(where: { jurisdictionChars.contains($0) }) {
        canon = String(scalars: o + name)
      } else if let t = divisionTail(Array(canon.unicodeScalars)), t < canon.unicodeScalars.count {
        owner = Array(canon.unicodeScalars.dropLast(t))
      } else {
        owner = nil
      }
      if let prefix { ctx = prefix }
      items[k].canonical = canon
      items[k].canonicalInert = ExactText.isInert(canon)
      // (reported as written: the name a maintainer adds to the lexicon, without an inherited prefix)
      if !known { unknown.append(items[k].name) }
    }
    return ParsedAttribution(items: items, unknown: unknown, hasRoleEvidence: sawLabel || sawRoleWord)
  }

  /// The length of a division's name (2 to 4 characters ending with a `division_inheritance.suffixes` word) that ends `name`
  /// right after a body's ending (`division_inheritance.owners`: 区经发局|经信处 -> 3), or, for a name that is only such a
  /// division (发改处), its whole length; nil otherwise, or when no owners are set.
  func divisionTail(_ name: [Unicode.Scalar]) -> Int? {
    guard !r.divisionOwners.isEmpty, r.divisionSuffixScalars.contains(where: { hasSuffix(name[...], $0) }) else { return nil }
    // (the shortest tail after a body's ending, the body at least three characters, or the owner's word alone: a bureau
    // naming its own division, 局质监处; Corpus/heldout163 16303)
    for len in 2...4 where len < name.count {
      let head = name[..<(name.count - len)]
      if head.count >= 3 ? r.divisionOwners.contains(where: { hasSuffix(head, $0) }) : r.divisionOwners.contains(where: { head.elementsEqual($0) }) {
        return len
      }
    }
    // (a division alone: no body's ending inside it)
    if (2...4).contains(name.count), !name.dropLast().contains(where: { c in r.divisionOwners.contains { $0.last == c } }) {
      return name.count
    }
    return nil
  }

  /// Where a department-like name ends in `body` with a role word after it (its modifiers between them) and more text after
  /// that (`区规划局负责开展规划编制工作`: 区规划局, 负责), and the role word; nil when no such name starts the piece, or the piece
  /// holds a bracket (a duty clause is plain prose; a bracket is a list's own, or a broken text's).
  func dutyAfterName(_ body: ArraySlice<Unicode.Scalar>) throws(StageFailure) -> (Int, RoleWord)? {
    guard !body.contains(where: { openSet.contains($0) || closeSet.contains($0) }) else { return nil }
    for k in body.indices.dropFirst(2) where roleWordStarts.contains(body[k]) {
      guard let w = r.roleWords.first(where: { hasPrefix(body[k...], $0.text) }), k + w.text.count < body.endIndex else { continue }
      var names = body[..<k]
      droppingModifier(&names)
      if try departmentLike(String(scalars: names)) { return (names.endIndex, w) }
    }
    return nil
  }

  /// Where the names start in a run's first item that begins with its matter and a lead-in (`具体工作由各区政府`: after
  /// `由`), or nil: the matter at least two characters and no department, the names after the lead-in one (`自由贸易试验区…`
  /// is no matter and lead-in).
  func matterBeforeLeadIn(_ body: ArraySlice<Unicode.Scalar>) throws(StageFailure) -> Int? {
    var k = body.startIndex + 2
    while k < body.endIndex - 1 {
      if body[k - 1] != "自", let lead = r.leadIns.first(where: { k + $0.count < body.endIndex && hasPrefix(body[k...], $0) }) {
        let names = k + lead.count
        if try !departmentLike(String(scalars: body[..<k])), try departmentLike(String(scalars: body[names...])) { return names }
      }
      k += 1
    }
    return nil
  }

  /// Could be a department name: right length, no colon, nothing `not_department` rules out.
  /// `fast`: the name is inert (`NameRules.fast`), so `reserved` may be searched by bytes.
  func plausibleName(_ name: String, fast: Bool) throws(StageFailure) -> Bool {
    if fast, let inertReserved {
      if inertReserved.contains(NameKey(name)) { return false }
    } else if reserved.contains(name) {
      return false
    }
    let n = name.unicodeScalars.count
    guard n >= 2, n <= r.maxDepartmentLength, !name.unicodeScalars.contains(where: { r.colons.contains($0) }) else {
      return false
    }
    return try !isNotDepartment(name)
  }


  /// A bare place may take the body or government named after the last of a list (哈尔滨、黑河市政府): one that is no
  /// department on its own, or a township, which is one but still shares them (岚城乡、北厝镇人民政府).
  /// A place's name as a list writes it bare before a body named after another place (`广州`, `深圳` before `珠海边检总站`):
  /// Chinese characters only, two to `placeNameMax`, none of them a level (`杨浦区` names its level: `杨浦区、市规划资源局` are two
  /// bodies; `广州`'s 州 is none, `isZhouCity`) nor a collective's start (`各`), neither a department nor a field (the start of a
  /// lexicon name: `教育`).
  func barePlace(_ raw: some BidirectionalCollection<Unicode.Scalar>) throws(StageFailure) -> Bool {
    guard raw.count >= 2, raw.count <= r.placeNameMax, raw.allSatisfy({ isIdeographic($0) }),
      isZhouCity(raw) || !raw.contains(where: { jurisdictionChars.contains($0) }),
      !r.collectivePrefixes.contains(where: { raw.starts(with: $0.unicodeScalars) })
    else { return false }
    let name = String(String.UnicodeScalarView(raw))
    return try !departmentLike(name) && !names.fieldStarts.contains(String(name.unicodeScalars.prefix(2)))
  }

  /// The body of `raw` after a place as long as the bare place before it (`珠海边检总站` after `深圳`: `边检总站`), when that
  /// item is one (`barePlace`), the place of `raw` is one too and the body looks like a department.
  func sharedPlaceBody(_ raw: String, after previous: ParsedItem) throws(StageFailure) -> String? {
    guard previous.name == previous.raw, try barePlace(previous.raw.unicodeScalars) else { return nil }
    // (a field sharing the kind of body the name ends with is no place: `外经贸、监狱管理部门` -> 外经贸部门, not 外经贸理部门 from
    // a place as long as 外经贸; Corpus/heldout59 5902)
    if let suffix = sharedWord(endingLonger: raw.unicodeScalars), try departmentLike(previous.raw + suffix) { return suffix }
    let sc = Array(raw.unicodeScalars)
    let length = previous.raw.unicodeScalars.count
    guard sc.count >= length + 2, try barePlace(sc[..<length]) else { return nil }
    let body = String(String.UnicodeScalarView(sc[length...]))
    return try departmentLike(body) ? body : nil
  }

  /// The head `raw` shares with the branch before it (`人民银行` for `深圳市分行` after `人民银行广东省分行`): both end with one
  /// `branchEndings` word, what `raw` holds before it is a place (Chinese characters only, two to `placeNameMax` + 1, no
  /// department), and the previous name holds at least two characters before a place as long as that one.
  func branchHead(of raw: String, after previous: String) throws(StageFailure) -> String? {
    // (most names end with none of the words: passed over before their scalars are copied)
    guard let end = raw.unicodeScalars.last, r.branchEndings.contains(where: { $0.last == end }) else { return nil }
    let cur = Array(raw.unicodeScalars), prev = Array(previous.unicodeScalars)
    guard let ending = r.branchEndings.first(where: { e in
      cur.count > e.count && prev.count > e.count && cur.suffix(e.count).elementsEqual(e) && prev.suffix(e.count).elementsEqual(e)
    }) else { return nil }
    let place = cur.dropLast(ending.count)
    let rest = prev.dropLast(ending.count)
    guard place.count >= 2, place.count <= r.placeNameMax + 1, place.allSatisfy({ isIdeographic($0) }),
      rest.count >= place.count + 2, try !departmentLike(String(String.UnicodeScalarView(place)))
    else { return nil }
    return String(String.UnicodeScalarView(rest.dropLast(place.count)))
  }

  func sharesPlaceWord(_ raw: String) throws(StageFailure) -> Bool {
    if try !departmentLike(raw) { return true }
    return try isTownship(raw)
  }

  func departmentLike(_ name: String) throws(StageFailure) -> Bool {
    let key = NameKey(name)
    if let hit = memo.like[key] { return hit }
    let result = try departmentLikeUncached(name)
    memo.like[key] = result
    memo.entries += 1
    return result
  }

  func departmentLikeUncached(_ name: String) throws(StageFailure) -> Bool {
    let fast = names.fast(name)
    guard try plausibleName(name, fast: fast) else { return false }
    if names.lookup(name, fast: fast) != nil || names.endsLikeDepartment(name, fast: fast) { return true }
    // a collective on its own (各地) or over jurisdictions only (各县区, 各市州); 各项任务 is not
    if fast ? r.collectivePrefixes.contains(where: { ExactText.sameBytes($0, name) }) : r.collectivePrefixes.contains(name) {
      return true
    }
    // (the rest of an inert name is inert)
    for (_, rest, collective) in names.splitPrefix(name, fast: fast) {
      if names.lookup(rest, fast: fast) != nil { return true }
      if collective && rest.unicodeScalars.allSatisfy({ jurisdictionChars.contains($0) }) { return true }
    }
    // a body's divisions as a group (市局各有关处室, 市局各相关处室; Corpus/heldout116 11603)
    for p in r.divisionPrefixes where name.hasPrefix(p) {
      let rest = String(name.unicodeScalars.dropFirst(p.unicodeScalars.count))
      for c in r.collectivePrefixes where rest.hasPrefix(c) && rest != c {
        var unit = rest.unicodeScalars.dropFirst(c.unicodeScalars.count)
        // (各相关处室: 各, then 相关)
        if let more = r.collectivePrefixes.first(where: { unit.starts(with: $0.unicodeScalars) && unit.count > $0.unicodeScalars.count }) {
          unit = unit.dropFirst(more.unicodeScalars.count)
        }
        if unit.count <= 3, r.divisionSuffixes.contains(where: { String(String.UnicodeScalarView(unit)).hasSuffix($0) }) { return true }
      }
    }
    // a name followed by another in brackets (省发改委（省能源局）, 市委办（市政府办）): the first one
    let sc = name.unicodeScalars
    if let open = trailingBracketStart(sc) { return try departmentLike(String(sc[..<open])) }
    if try isTownship(name) { return true }
    return try isGeneric(name)
  }

  /// Canonical name, whether it is known (lexicon, collective or generic), and the prefix it
  /// sets for later items of the same attribution.
  func canonicalize(_ name: String, context: String?) throws(StageFailure) -> (String, Bool, String?) {
    let key = NameKey(name, context: context)
    if let hit = memo.canon[key] { return hit }
    let result = try canonicalizeUncached(name, context: context)
    memo.canon[key] = result
    memo.entries += 1
    return result
  }

  func canonicalizeUncached(_ name: String, context: String?) throws(StageFailure) -> (String, Bool, String?) {
    let fast = names.fast(name)
    // 0. levels several jurisdictions share (市、县（市、区）公安部门): they are the prefix, and the
    //    later names of the list inherit them (`sharedLevelsEnd`)
    let sc = name.unicodeScalars
    if let e = r.sharedLevelsEnd(sc) {
      let levels = String(sc[..<e]), rest = String(sc[e...])
      if let c = names.lookup(rest, fast: fast) { return (levels + c, true, levels) }
      return (name, try isGeneric(rest), levels)
    }
    let splits = names.splitPrefix(name, fast: fast)
    // 1. prefix + lexicon entry: 省人社厅 -> 省 + 人力资源和社会保障厅
    for (p, rest, _) in splits {
      if let c = names.lookup(rest, fast: fast) { return (p + c, true, p) }
    }
    // 2. lexicon entry without prefix: inherits the list's jurisdiction prefix (卫生局 after
    //    市人社局), never a collective one (各街道，税务局 is not 各税务局)
    if let c = names.lookup(name, fast: fast) {
      let inherited = context.flatMap { r.collectivePrefixes.contains($0) || !partyMayInherit($0, c) ? nil : $0 } ?? ""
      return (inherited + c, true, nil)
    }
    // 3. prefix + unknown name
    if let (p, _, collective) = splits.first {
      if collective { return (name, true, p) }
      // (levels alone are no jurisdiction the names after them belong to: 各片区管理局、乡镇及环卫所 -> 环卫所, not
      // 乡环卫所; Corpus/heldout142 14204)
      if sc.count <= 6 {
        let u = Array(sc)
        if levelsEnd(u[...], collective: false) == u.count { return (name, try isGeneric(name), nil) }
      }
      return (name, try isGeneric(name), p)
    }
    // 3b. a name with another name of the body in brackets after it, written without a prefix (区交通与建设局牵头，区公安局、
    //    综合执法局（安监局）…; Corpus/heldout147 14703): inherits the list's prefix where the name before the bracket would,
    //    and is kept as written
    //    (both names at least two characters, no bracket inside the second)
    if let context, let open = trailingBracketStart(sc), sc.distance(from: sc.startIndex, to: open) >= 2,
      sc.distance(from: open, to: sc.endIndex) >= 4, !sc[open..<sc.index(before: sc.endIndex)].contains(where: { closeSet.contains($0) })
    {
      let (c, _, _) = try canonicalizeUncached(String(sc[..<open]), context: context)
      if c.hasPrefix(context) { return (context + name, try isGeneric(name), nil) }
    }
    // 4. unknown without prefix: only a generic body (…部门) inherits, a collective prefix
    //    (各级卫生计生、发展改革、财政部门 -> 各级发展改革部门; never 各市州甘肃保监局), shared levels
    //    (市、县（市、区）公安、交通运输等部门 -> 市、县（市、区）交通运输部门)
    //    or a jurisdiction prefix (省科技、发展改革等有关部门 -> 省发展改革部门; Corpus/heldout29 3001)
    //    (not a name `inherit_unknown_except` ends with: `市交通委、设施权属单位` -> `设施权属单位`, an owner of the pipes is no
    //    body of the city; Corpus/heldout112 11202)
    if let context, r.sharedSuffixes.contains(where: { name.hasSuffix($0) && name != $0 }),
      !r.inheritUnknownExcept.contains(where: { name.hasSuffix($0) })
    {
      return (context + name, true, nil)
    }
    // 4b. a division of a body named by a prefix (市局标准创新处、标准技术处 -> 市局标准技术处; Corpus/heldout116 11603), any length
    if let context, r.divisionPrefixes.contains(context), r.divisionSuffixes.contains(where: { name.hasSuffix($0) }),
      !name.unicodeScalars.contains(where: { jurisdictionChars.contains($0) })
    {
      return (context + name, try isGeneric(name), nil)
    }
    // 4c. the jurisdiction's own organ or one of its offices (区社会事业局、党工委党群工作部 -> 区党工委党群工作部, 管委会办公室电子
    //    政务处 -> 区管委会办公室电子政务处; Corpus/heldout143 14301), any length
    if let context, !r.collectivePrefixes.contains(context), !r.partyPrefixes.contains(context), !isSharedLevels(context),
      r.organStarts.contains(where: { name.hasPrefix($0) }),
      name.unicodeScalars.count <= 4 || names.departmentSuffix(name, fast: fast) != nil
    {
      return (context + name, try isGeneric(name), nil)
    }
    // 5. a short unknown body inherits the list's jurisdiction prefix as a lexicon name does
    //    (市发改局、工业园区 -> 市工业园区; 省发改委、铁路办 -> 省铁路办; `inherit_unknown_max`), unless
    //    its name before its department suffix holds a jurisdiction character (团市委 stays); a longer one
    //    up to `inherit_field_max` when it starts with a field a lexicon name starts with (区财政局、交通与建设局 ->
    //    区交通与建设局, not 湖北银监局; Corpus/heldout137)
    if let context, !r.collectivePrefixes.contains(context), partyMayInherit(context, name),
      name.count <= r.inheritUnknownMax || (name.count <= r.inheritFieldMax && names.startsWithField(name)),
      let suffix = names.departmentSuffix(name, fast: fast),
      !name.unicodeScalars.dropLast(suffix.unicodeScalars.count).contains(where: { jurisdictionChars.contains($0) }),
      !r.inheritUnknownExcept.contains(where: { name.hasSuffix($0) })
    {
      return (context + name, try isGeneric(name), nil)
    }
    return (name, try isGeneric(name), nil)
  }

  /// Is `name`, written without a prefix, a body of the same kind as the one before it, `previous` (canonical), which has
  /// the list's `prefix`: the two share an ending of at least `inherit_parallel_min` characters (`区流水片区开发管理局、
  /// 澳前片区开发管理局`, `区国有资产投资集团有限公司、交通投资集团有限公司`; Corpus/heldout152 15201), and what `name` holds before it
  /// is no jurisdiction's (`区公安局、青浦区公安分局` stays)?
  func parallel(_ name: String, after previous: String, prefix: String) -> Bool {
    guard r.inheritParallelMin > 0, previous.hasPrefix(prefix), !r.collectivePrefixes.contains(prefix) else { return false }
    let a = Array(name.unicodeScalars), b = Array(previous.unicodeScalars.dropFirst(prefix.unicodeScalars.count))
    var n = 0
    while n < a.count, n < b.count, a[a.count - 1 - n] == b[b.count - 1 - n] { n += 1 }
    guard n >= r.inheritParallelMin, n < a.count, n < b.count else { return false }
    return !a[..<(a.count - n)].contains(where: { jurisdictionChars.contains($0) })
  }

  /// Where the bracketed group that ends `name` opens (`（` of `省发改委（省能源局）`): the last opening bracket, when the name
  /// ends with a closing one and something stands before it; nil otherwise.
  func trailingBracketStart(_ sc: String.UnicodeScalarView) -> String.UnicodeScalarView.Index? {
    guard let last = sc.last, closeSet.contains(last), let open = sc.lastIndex(where: { openSet.contains($0) }),
      open > sc.startIndex
    else { return nil }
    return open
  }

  /// Whether `name` may inherit the list's prefix `context`: any name a jurisdiction's, but a party committee's
  /// (`party_prefixes`) only the committee's own bodies (区委组织部、宣传部 -> 区委宣传部; 区委党校、国资委 -> 国资委,
  /// Corpus/heldout134 13401).
  func partyMayInherit(_ context: String, _ name: String) -> Bool {
    !r.partyPrefixes.contains(context) || r.partyBodies.contains(where: { name.hasSuffix($0) })
  }

  /// Whether a list's prefix is levels several jurisdictions share (`sharedLevelsEnd`): no
  /// `jurisdiction_prefixes` or `collective_prefixes` word holds 、 or a bracket.
  func isSharedLevels(_ prefix: String) -> Bool {
    prefix.unicodeScalars.contains { $0 == "、" || openSet.contains($0) }
  }

  func makeAttribution(_ f: Found, scalars s: [Unicode.Scalar], firstListedLead: Bool,
                       marked: (mark: Unicode.Scalar, rest: Bool)? = nil) -> Attribution {
    let raw = f.parsed.items.map(\.raw)
    var departments: [String] = []
    departments.reserveCapacity(raw.count)
    // inert names are equal exactly when their bytes are (see `ExactText`)
    let bytewise = f.parsed.items.allSatisfy(\.canonicalInert)
    var lead: [String] = [], responsible: [String] = [], participating: [String] = []
    var items = f.parsed.items
    if let m = marked, items.contains(where: { $0.mark == m.mark }) {
      // the notice declares its lead's mark (`加*号为牵头部门，其余为参与部门`): in each list holding a marked name (a label's
      // list, a table's cell), the marked names lead and, where the notice says so, the others take part
      var start = 0
      while start < items.count {
        var end = start + 1
        while end < items.count, !items[end].listStart { end += 1 }
        if items[start..<end].contains(where: { $0.mark == m.mark }) {
          for k in start..<end {
            if items[k].mark == m.mark { items[k].roles = [.lead] } else if m.rest { items[k].roles = [.participating] }
          }
        }
        start = end
      }
    }
    for it in items {
      let c = it.canonical
      func isC(_ x: String) -> Bool { bytewise ? ExactText.sameBytes(x, c) : x == c }
      if !departments.contains(where: isC) { departments.append(c) }
      for role in it.roles {
        switch role {
        case .lead: if !lead.contains(where: isC) { lead.append(c) }
        case .responsible: if !responsible.contains(where: isC) { responsible.append(c) }
        case .participating: if !participating.contains(where: isC) { participating.append(c) }
        }
      }
    }
    if firstListedLead && lead.isEmpty, let first = responsible.first { lead = [first] }
    if !lead.isEmpty, !participating.isEmpty { participating.removeAll { p in lead.contains { bytewise ? ExactText.sameBytes($0, p) : $0 == p } } }
    let text = String(scalars: s[f.range])
    return Attribution(range: f.range, raw: text, departmentsRaw: raw, departments: departments, lead: lead,
                       responsible: responsible, participating: participating, inSentence: f.inSentence)
  }
}

extension Engine {
  /// Is `part`, named after a lead's joiner, one of `joiner_generic_partners`, perhaps after one jurisdiction character
  /// or `各` (`相关部门`, `省有关部门`, `各有关单位`)?
  func isGenericPartner(_ part: ArraySlice<Unicode.Scalar>) -> Bool {
    r.joinerGenericPartners.contains { w in
      let n = w.unicodeScalars.count
      guard part.count == n || part.count == n + 1, part.suffix(n).elementsEqual(w.unicodeScalars) else { return false }
      return part.count == n || part.first == "各" || jurisdictionChars.contains(part[part.startIndex])
    }
  }
}
