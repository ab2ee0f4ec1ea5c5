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

  @Test func emptyRangesMapToAPoint() {
    let t = CleanText(source: "甲乙")
    #expect(t.sourceSpan(of: 1..<1) == Span(start: 1, end: 1))
    #expect(t.sourceSpan(of: 2..<2) == Span(start: 2, end: 2))
  }

  @Test func sha256IsHex() {
    #expect(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }
}
