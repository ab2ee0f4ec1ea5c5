import GongwenCore
import GongwenNormalize
import Testing

/// A web page's date and time line (`line_join.page_date_line`: `2021-02-18 17:26:29来源:海连江微信`) stands alone, like a
/// signature's date: the page's headline above it and the notice's title below it do not run on into it (Corpus/heldout180
/// 18001, whose headline, date line and title ran into one line, so the title was not found). The lines around it are still
/// joined as the other cues say, and a date inside a sentence is no such line.
@Suite struct PageDateLineTests {
  /// Prose paragraphs with commas, so the document has a typical full line length.
  let body = (1...9).map { "（\($0)）实施老旧小区改造提升，改造凤园西侧片区老旧小区、机关新村老旧小区。" }.joined(separator: "\n")

  @Test func aPageDateLineStandsAlone() {
    let text = "速看!连江2021年为民办实事项目具体名单发布\n2021-02-18 17:26:29来源:海连江微信\n"
      + "中共连江县委连江县人民政府关于开展2021年为民办实事工作的通知\n各乡镇(场)党委、政府,县直各单位:\n" + body
    let ls = lines(norm(text).text.string)
    #expect(ls.contains("2021-02-18 17:26:29来源：海连江微信"), "\(ls.prefix(4))")
    #expect(ls.contains("中共连江县委连江县人民政府关于开展2021年为民办实事工作的通知"), "\(ls.prefix(4))")
    // idempotent: a second run keeps the lines
    #expect(norm(norm(text).text.string).text.string == norm(text).text.string)
  }

  @Test func otherFormsOfThePageDate() {
    let text = "桂东县禁止秸秆焚烧的通告\n2017年10月23日 09:24来源:桂东县人民政府点击量:0\n为切实做好秸秆禁烧工作，现将有关事项通告如下：\n" + body
    #expect(lines(norm(text).text.string).contains("2017年10月23日09:24来源：桂东县人民政府点击量：0"))
  }

  /// A line that starts with a date and goes on as a sentence is wrapped prose, joined as before.
  @Test func aSentenceStartingWithADateIsNoPageDateLine() {
    let text = body + "\n（10）自2021年3月1日起，各有关单位要按照工作方案的要求全面开展排查整治工作，建立问题清单、任务清单和责任\n"
      + "清单，限期整改到位。"
    #expect(lines(norm(text).text.string).last == "（10）自2021年3月1日起，各有关单位要按照工作方案的要求全面开展排查整治工作，建立问题清单、任务清单和责任清单，限期整改到位。")
  }
}
