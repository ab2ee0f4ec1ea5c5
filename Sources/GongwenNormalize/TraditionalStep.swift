import GongwenCore
import ICUKit

/// Traditional → Simplified, only when the text is measured to be Traditional: the share of
/// sampled Han characters that change under the transliterator must reach `threshold`.
/// Protected terms (乾安县, 於潜 …) are restored after conversion. The offset map stays exact:
/// lines whose length the transliterator changes are converted one scalar at a time, every
/// output scalar taking the origin of the scalar it came from. When the transliterator's rules
/// are plain same-length replacements (`PhraseMap`; ICU's `Traditional-Simplified` is), they are
/// applied from a table, with the output ICU gives, about a hundred times faster.
struct TraditionalStep: NormalizeStep {
  static let id = "traditional"
  let rules: NormalizeRules.Traditional
  /// Per BMP scalar: bit 0 Han (`CharClass.isHan`), bit 1 changes under T→S (`rules.changing`);
  /// one load per scalar while sampling.
  let bmpFlags: [UInt8]

  init(rules: NormalizeRules.Traditional) {
    self.rules = rules
    var flags = [UInt8](repeating: 0, count: 0x10000)
    for v in 0..<0x10000 {
      let c = Unicode.Scalar(UInt32(v)) ?? " "
      if CharClass.isHan(c) { flags[v] |= 1 }
    }
    for v in rules.changing.members where v < 0x10000 { flags[Int(v)] |= 2 }
    bmpFlags = flags
  }

  /// Share of Han scalars (among the first `sampleChars`) that change under T→S; nil below `minHanChars`.
  func traditionalShare(_ s: [Unicode.Scalar]) -> Double? {
    var han = 0, changing = 0
    let table = rules.changing, limit = rules.sampleChars
    s.withUnsafeBufferPointer { buf in
      bmpFlags.withUnsafeBufferPointer { flags in
        for c in buf {
          let v = c.value
          let f: UInt8
          if v < 0x10000 {
            f = flags[Int(v)]
            if f == 0 { continue }
          } else {
            guard CharClass.isHan(c) else { continue }
            f = table.contains(c) ? 3 : 1
          }
          if f & 1 == 0 { continue }
          han += 1
          if f & 2 != 0 { changing += 1 }
          if han >= limit { break }
        }
      }
    }
    guard han >= rules.minHanChars else { return nil }
    return Double(changing) / Double(han)
  }

  func apply(_ text: inout CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) {
    guard let share = traditionalShare(text.scalars), share >= rules.threshold else { return }
    if let phrases = rules.phrases {
      // the transliterator's rules as a table (the same output, without ICU): same-length
      // replacements, so every scalar keeps its origin
      let s = text.scalars
      var out = s
      phrases.apply(&out)
      restoreProtected(&out, source: s, from: { $0 })
      var changed = 0
      for i in out.indices where out[i] != s[i] { changed += 1 }
      ctx.count("traditional_converted", 1)
      ctx.count("traditional_chars", changed)
      text.scalars = out
      return
    }
    let tr: ICUTransliterator
    do { tr = try ICUTransliterator(id: rules.transliteratorID) } catch {
      throw StageFailure(stage: "normalize", code: "icu_error", message: "transliterator: \(error)")
    }
    func run(_ scalars: ArraySlice<Unicode.Scalar>) throws(StageFailure) -> [Unicode.Scalar] {
      do { return try tr.transliterate(scalars: scalars) } catch {
        throw StageFailure(stage: "normalize", code: "icu_error", message: "Traditional→Simplified failed: \(error)")
      }
    }
    let s = text.scalars
    var out: [Unicode.Scalar] = []
    var from: [Int] = []  // index in `s` each output scalar came from
    out.reserveCapacity(s.count)
    from.reserveCapacity(s.count)
    for line in lineRanges(s) {
      if !line.isEmpty {
        let conv = try run(s[line])
        if conv.count == line.count {
          out += conv
          from += Array(line)
        } else {
          for i in line {
            let one = try run(s[i..<(i + 1)])
            out += one
            from += repeatElement(i, count: one.count)
          }
        }
      }
      if line.upperBound < s.count {
        out.append(CharClass.newline)
        from.append(line.upperBound)
      }
    }
    restoreProtected(&out, source: s, from: { from[$0] })
    var changed = 0
    var origin: [Int] = []
    origin.reserveCapacity(out.count)
    for (i, f) in from.enumerated() {
      origin.append(text.origin[f])
      if i < out.count, out[i] != s[f] { changed += 1 }
    }
    ctx.count("traditional_converted", 1)
    ctx.count("traditional_chars", changed)
    text = CleanText(scalars: out, origin: origin, sourceLength: text.sourceLength)
  }

  /// Protected terms: where T→S produced the converted form of a term and the source had the term's
  /// own characters at the changed places (`from`: the source index of an output index), put the
  /// term back.
  func restoreProtected(_ out: inout [Unicode.Scalar], source s: [Unicode.Scalar], from: (Int) -> Int) {
    for term in rules.protect {
      let k = term.converted.count
      guard k > 0, out.count >= k else { continue }
      var i = 0
      while i + k <= out.count {
        if out[i] == term.converted[0], out[i..<(i + k)].elementsEqual(term.converted) {
          var ok = true
          for j in 0..<k where term.keep[j] != term.converted[j] {
            if s[from(i + j)] != term.keep[j] { ok = false; break }
          }
          if ok { for j in 0..<k { out[i + j] = term.keep[j] } }
          i += k
        } else {
          i += 1
        }
      }
    }
  }
}
