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

/// A regex class read for the pattern analyses holds what the regex class holds, including what
/// ICU's set-pattern syntax reads differently (spaces, `$`, `&`, braces, colons).
@Suite struct RegexClassRangesTests {
  func members(_ p: String) -> Set<UInt32>? {
    ICUSet.ranges(regexClass: p).map { Set($0.flatMap { Array($0) }) }
  }

  @Test func classesTheSetSyntaxReadsDifferently() {
    #expect(members("[ ]") == [0x20])
    #expect(members("[ \t　]") == [0x20, 0x09, 0x3000])
    #expect(members("[:：]") == [0x3A, 0xFF1A])
    #expect(members("[$]") == [0x24])
    #expect(members("[{}]") == [0x7B, 0x7D])
    #expect(members("[a&b]") == [0x61, 0x26, 0x62])
    #expect(members("[（(]") == [0xFF08, 0x28])
    #expect(members("[\\p{Nd}]")?.contains(0x39) == true)
    #expect(members("[\\x{3000}]") == [0x3000])
    #expect(members("[\\w]") == nil, "an escape the set syntax reads differently is not guessed")
  }

  /// Every class agrees with what the compiled regex itself matches, character by character.
  @Test func agreesWithTheRegex() throws {
    let classes = ["[ ]", "[:：]", "[$]", "[{}]", "[a&b]", "[一二三四五六七八九十]", "[0-9０-９]", "[\\h]", "[^ ]",
                   "[\\s、]", "[\\d.]", "[\\h\\d]"]
    let probes = Array(0x20..<0x80) + [0x3000, 0xFF1A, 0x4E00, 0x4E8C, 0xFF10, 0x00A0]
    for c in classes {
      guard let set = members(c) else { Issue.record("\(c) not read"); continue }
      let regex = try ICURegex(c)
      for v in probes {
        let s = Array(String(Unicode.Scalar(UInt32(v))!).unicodeScalars)
        let matched = try regex.firstMatch(in: s) != nil
        #expect(matched == set.contains(UInt32(v)), "\(c) on U+\(String(v, radix: 16))")
      }
    }
  }
}
