import Foundation
import GongwenCore
import Testing

@testable import GongwenDedup

/// Tables flattened to text (任务分解表): cells recur row after row and are never repeats.
@Suite struct TableTests {
  static let cooperating = "区政府有关部门，各乡镇人民政府、街道办事处，区财政局、区人力资源和社会保障局、区卫生健康委员会。"

  @Test func repeatedCellsOfATableStay() throws {
    let text = ["序号", "重点工作任务", "牵头单位", "配合单位",
                "1", "持续推进学前教育普及普惠。", "区教育局", Self.cooperating,
                "2", "深化与海亮集团合作。", "区教育局", Self.cooperating].joined(separator: "\n")
    let out = try DedupFixtures.run(text)
    #expect(out.text.string == text)
    #expect(out.removed.isEmpty)
  }

  @Test func aSentenceRepeatedInsideOneCellIsStillARepeat() throws {
    // 108: the task cell of row 80 holds the same sentence twice
    let sentence = "实施中小学办学能力提升工程，推动义务教育优质均衡发展。"
    let text = ["序号", "目标与任务", "责任单位", "80", "加大普惠性托育供给。" + sentence + sentence, "县教育局"].joined(separator: "\n")
    let out = try DedupFixtures.run(text)
    #expect(out.text.string == text.replacingOccurrences(of: sentence + sentence, with: sentence))
    #expect(out.removed.count == 1)
  }

  @Test func withoutAHeaderTheSameLinesAreRepeats() throws {
    let text = ["1", "持续推进学前教育普及普惠。", "区教育局", Self.cooperating,
                "2", "深化与海亮集团合作。", "区教育局", Self.cooperating].joined(separator: "\n")
    let out = try DedupFixtures.run(text)
    #expect(!out.removed.isEmpty)
    // text before the header is deduplicated as before
    let before = try DedupFixtures.run(Self.cooperating + "\n" + Self.cooperating + "\n序号\n重点工作任务")
    #expect(before.removed.count == 1)
  }
}
