import Testing
import ICUKit

@Suite struct ICURegexTests {
  @Test func matchesReturnScalarOffsets() throws {
    let re = try ICURegex("（([一二三四五六七八九十]+)）")
    let m = try re.matches(in: "𠀀（三）加强")
    #expect(m.count == 1)
    #expect(m[0].range == 1..<4)   // the astral char before counts as one scalar
    #expect(m[0].groups[0] == 2..<3)
  }

  @Test func badPatternReportsOffset() {
    #expect(throws: ICURegex.CompileError.self) { _ = try ICURegex("第([一二三]条") }
  }

  @Test func catastrophicPatternTimesOut() throws {
    let re = try ICURegex("(a+)+$", timeLimit: 10)
    do {
      _ = try re.matches(in: String(repeating: "a", count: 40) + "b")
      Issue.record("expected a time-out")
    } catch {
      #expect(error.isTimeout)
    }
  }

  @Test func traditionalToSimplified() throws {
    let t = try ICUTransliterator(id: "Traditional-Simplified")
    #expect(try t.transliterate("國務院辦公廳") == "国务院办公厅")
  }

  @Test func decodeGB18030AndReportBadBytes() throws {
    // 中文 in GBK, then an invalid byte 0xFF, then "a"
    let d = try ICUConverter.decode([0xD6, 0xD0, 0xCE, 0xC4, 0xFF, 0x61], charset: "GB18030")
    #expect(d.text.hasPrefix("中文"))
    #expect(d.text.hasSuffix("a"))
    #expect(d.invalidCount >= 1)
    #expect(d.invalidByteOffsets.first == 4)
  }

  @Test func detectorOffersCandidates() {
    let bytes = Array("这是一个用于检测编码的较长的中文句子，包含足够多的字符。".utf8)
    let c = ICUCharsetDetector.detect(bytes)
    #expect(c.first?.name == "UTF-8")
  }

  @Test func nfkcFoldsFullWidth() throws {
    #expect(try ICUNormalizer.normalize("１２ＡＢ", form: .nfkc) == "12AB")
  }
}
