import Testing
import GongwenCore

@Suite struct CleanTextTests {
  @Test func identityMapAndSourceSpans() {
    let t = CleanText(source: "一、总体要求")
    #expect(t.origin == [0, 1, 2, 3, 4, 5])
    #expect(t.sourceSpan(of: 2..<4) == Span(start: 2, end: 4))
  }

  @Test func removingKeepsOriginsOfKeptScalars() {
    let t = CleanText(source: "甲乙丙丁戊").removing([1..<3])
    #expect(t.string == "甲丁戊")
    #expect(t.origin == [0, 3, 4])
    #expect(t.sourceSpan(of: 0..<2) == Span(start: 0, end: 4))
    // composing twice still points at the source
    let u = t.removing([0..<1])
    #expect(u.string == "丁戊")
    #expect(u.origin == [3, 4])
  }

  /// Ranges in any order, overlapping, empty or past the ends remove exactly the scalars some
  /// clamped range covers (checked against a per-scalar mask on random ranges).
  @Test func removingAnyRangesMatchesAMask() {
    var rng = SystemRandomNumberGenerator()
    let source = String(String.UnicodeScalarView((0..<200).map { Unicode.Scalar(0x4E00 + $0)! }))
    let t = CleanText(source: source)
    for _ in 0..<200 {
      let ranges = (0..<Int.random(in: 0...6, using: &rng)).map { _ -> Range<Int> in
        let a = Int.random(in: -5...205, using: &rng)
        return a..<(a + Int.random(in: 0...40, using: &rng))
      }
      var drop = [Bool](repeating: false, count: 200)
      for r in ranges {
        let lo = max(0, r.lowerBound), hi = min(200, r.upperBound)
        if lo < hi { for i in lo..<hi { drop[i] = true } }
      }
      let kept = (0..<200).filter { !drop[$0] }
      let u = t.removing(ranges)
      #expect(u.origin == kept)
      #expect(u.scalars == kept.map { t.scalars[$0] })
    }
  }

  /// The fast decoder gives the scalar view's scalars for every mix of 1- to 4-byte sequences and
  /// every length around the eight-byte counting step.
  @Test func scalarsOfMatchesTheScalarView() {
    var rng = SystemRandomNumberGenerator()
    let pool: [Unicode.Scalar] = ["a", "\n", "\u{7F}", "é", "\u{7FF}", "中", "、", "\u{FFFD}", "\u{3000}", "𠀀", "😀"]
    for length in 0..<40 {
      for _ in 0..<20 {
        let text = String(String.UnicodeScalarView((0..<length).map { _ in pool.randomElement(using: &rng)! }))
        #expect([Unicode.Scalar](scalarsOf: text) == Array(text.unicodeScalars))
      }
    }
  }

  @Test func emptyRangesMapToAPoint() {
    let t = CleanText(source: "甲乙")
    #expect(t.sourceSpan(of: 1..<1) == Span(start: 1, end: 1))
    #expect(t.sourceSpan(of: 2..<2) == Span(start: 2, end: 2))
  }

  @Test func sha256IsHex() {
    #expect(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }
}
