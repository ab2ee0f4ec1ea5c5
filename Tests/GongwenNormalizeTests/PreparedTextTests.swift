import ICUKit
import Testing

/// ICUKit's PreparedText (added for this stage) finds what the scalar-collection API finds.
@Test func preparedTextMatchesLikeLoad() throws {
  let text = Array("a𠀀b 附件下载：相关链接：\n- 国务院部门\n𠀁x国办发[2011]18号\n".unicodeScalars)
  for pattern in ["[a-z]", "(?m)^", "\\p{Han}+", "附件下载[:：]", "(?<=\\p{Han})\\[(\\d{4})\\]", "x*"] {
    let r = try ICURegex(pattern)
    let a = try r.matches(in: text)
    let b = try r.copy().matches(in: ICURegex.PreparedText(text))
    #expect(a == b, "\(pattern)")
  }
}
