import GongwenCore
import GongwenSegment
import GongwenTestSupport
import Testing

/// A scrape with its line breaks lost where the next section's marker runs straight on from a labelled list whose label has a
/// bracketed note before its colon (`…责任处室：政法综治处配合处室（单位）：辖区派出所、…，各行政村（四）出租屋方面`; Corpus/heldout162
/// 16205): the expected next sibling starts there, as after `责任单位：…` (`sequence.inline_after_labels`).
@Suite struct Heldout162SegmentTests {
  @Test func anExpectedSiblingAfterANotedLabelsList() throws {
    let text = "二、工作内容\n(三)场所方面。开展排查。责任处室：政法综治处配合处室（单位）：辖区派出所、市场监管分局，各行政村（四）出租屋方面。"
      + "开展排查整治。责任处室：政法综治处配合处室（单位）：辖区派出所，各行政村（五）通道方面。集中清理。责任处室：政治综治处配合处室（单位）："
      + "辖区派出所、各行政村三、工作措施（一）单位自查。组织自查。四、工作要求（一）加强领导。"
    let (o, c) = try outline(text)
    #expect(o.units.map(\.path) == [[2], [2, 3], [2, 4], [2, 5], [3], [3, 1], [4], [4, 1]])
    checkInvariants(o, c)
    // the note does not make another field's label one of them (联系人（科长）：)
    let (p, _) = try outline("二、工作内容\n(三)场所方面。开展排查。联系人（科长）：张三（四）出租屋方面。（五）通道方面。")
    #expect(p.units.map(\.path) == [[2], [2, 3]])
  }
}
