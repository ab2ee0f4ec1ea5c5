import Foundation
import GongwenCore
import GongwenSegment
import GongwenTestSupport
import Testing

/// The clause trees verified by reading each seed notice.
enum SeedTrees {
  /// 001: 一、 (no children); 二、 with （一）–（四）, each with 1.–n. and （1）… under most; 三、 with （一）–（四）.
  static let s001: [N] = [
    N(1),
    N(2, [
      N(1, [N(1), N(2, leaves(1...2)), N(3, leaves(1...3)), N(4, leaves(1...2)), N(5, leaves(1...2)),
            N(6, leaves(1...4)), N(7)]),
      N(2, [N(1, leaves(1...3)), N(2, leaves(1...4)), N(3, leaves(1...4)), N(4, leaves(1...4)), N(5, leaves(1...2))]),
      N(3, [N(1, leaves(1...6)), N(2), N(3, leaves(1...2)), N(4, leaves(1...2)), N(5)]),
      N(4, [N(1, leaves(1...2)), N(2, leaves(1...2)), N(3, leaves(1...2)), N(4, leaves(1...2))]),
    ]),
    N(3, leaves(1...4)),
  ]
  /// 002: 1.–30. run on across （一）–（五）; 三、 has （一）–（四）.
  static let s002: [N] = [
    N(1),
    N(2, [N(1, leaves(1...8)), N(2, leaves(9...18)), N(3, leaves(19...23)), N(4, leaves(24...26)),
          N(5, leaves(27...30))]),
    N(3, leaves(1...4)),
  ]
  /// 003: 一、–十、 directly with （一）… (the 1. level is skipped).
  static let s003: [N] = [
    N(1, leaves(1...11)), N(2, leaves(1...3)), N(3, leaves(1...5)), N(4, leaves(1...5)), N(5, leaves(1...3)),
    N(6, leaves(1...5)), N(7, leaves(1...3)), N(8, leaves(1...2)), N(9, leaves(1...4)), N(10, leaves(1...3)),
  ]
  /// 004: （一）–（三十） run on across 一、–四、.
  static let s004: [N] = [
    N(1, leaves(1...6)), N(2, leaves(7...17)), N(3, leaves(18...25)), N(4, leaves(26...30)),
  ]
}

@Suite struct SeedTests {
  @Test func seed001Paths() throws {
    let (o, c) = try outline(seed("001"))
    #expect(o.units.map(\.path) == flatten(SeedTrees.s001))
    #expect(o.units.count == 80)
    #expect(o.warnings.isEmpty)
    checkInvariants(o, c)
    let u = try #require(o.units.first { $0.path == [2, 1, 2, 1] })
    #expect(u.markers == ["二、", "（一）", "2.", "（1）"])
    #expect(u.schemes == ["chinese_dun", "chinese_paren", "arabic_dot", "arabic_paren"])
    #expect(o.units[0].heading == "总体要求")
    #expect(o.units.first { $0.path == [2, 1, 1] }?.heading == "巩固扩大基本医保覆盖面")
    #expect(o.units.first { $0.path == [2, 3, 1, 1] }?.heading == "改革补偿机制")
  }

  @Test func seed001LastUnitRunsToTheEndOfItsBody() throws {
    let (o, c) = try outline(seed("001"))
    let last = try #require(o.units.last)
    #expect(last.path == [3, 4])
    #expect(last.heading == "强化人员培训和舆论引导")
    // heading-only marker line: its body is the next paragraph, up to the end of the text
    #expect(c.string(last.bodyRange).hasSuffix("为深化改革营造良好的社会氛围。"))
    #expect(last.ownRange.upperBound == c.count)
  }

  @Test func seed002RunOnNumbering() throws {
    let (o, c) = try outline(seed("002"))
    #expect(o.units.map(\.path) == flatten(SeedTrees.s002))
    #expect(o.units.count == 42)
    #expect(o.warnings.isEmpty)
    checkInvariants(o, c)
    let nine = try #require(o.units.first { $0.path == [2, 2, 9] })
    #expect(nine.markers == ["二、", "（二）", "9."])
    #expect(nine.heading == "明确基层医疗卫生机构基本功能")
    #expect(o.units.first { $0.path == [2, 1, 1] }?.heading == "规范完善基本药物集中采购机制")
  }

  @Test func seed003SkippedLevelAndAttachmentClose() throws {
    let (o, c) = try outline(seed("003"))
    #expect(o.units.map(\.path) == flatten(SeedTrees.s003))
    #expect(o.units.count == 54)
    #expect(o.warnings.isEmpty)
    checkInvariants(o, c)
    #expect(o.units.first { $0.path == [1, 1] }?.heading == "深化县级公立医院综合改革")
    let last = try #require(o.units.last)
    #expect(last.path == [10, 3])
    #expect(!c.string(last.ownRange).contains("附件"))
    #expect(c.string(last.bodyRange).hasSuffix("负责）"))
  }

  @Test func seed004ForwardedRunOnAndClosingParagraph() throws {
    let (o, c) = try outline(seed("004"))
    #expect(o.units.map(\.path) == flatten(SeedTrees.s004))
    #expect(o.units.count == 34)
    #expect(o.warnings.isEmpty)
    checkInvariants(o, c)
    let u = try #require(o.units.first { $0.path == [4, 25] } ?? o.units.first { $0.path == [3, 25] })
    #expect(u.path == [3, 25])
    #expect(o.units.first { $0.path == [4, 30] }?.markers == ["四、", "（三十）"])
    let last = try #require(o.units.last)
    let own = c.string(last.ownRange)
    #expect(!own.contains("全市深化医药卫生体制改革工作任务艰巨"))
    #expect(!own.contains("2013年10月22日"))
    #expect(own.hasSuffix("负责）"))
  }

  @Test func seed000IsSegmentedRobustly() throws {
    let (o, c) = try outline(seed("000"))
    checkInvariants(o, c)
    #expect(Array(o.units.prefix(5).map(\.path)) == [[1], [2], [2, 1], [2, 1, 1], [2, 1, 1, 1]])
    #expect(o.units[1].heading == "工作任务")
    #expect(o.units[2].heading == "加快推进基本医疗保障制度建设")
    // the inline look-alikes of 000 never become markers
    for u in o.units {
      #expect(!["（2009", "（以下", "（中发", "（含"].contains { u.markers.last!.hasPrefix($0) })
    }
  }

  /// The raw files (half-width brackets, U+3000 indents, NBSP, blank lines, spaces next to digits)
  /// give the same tree.
  @Test(arguments: [("001", SeedTrees.s001), ("002", SeedTrees.s002), ("003", SeedTrees.s003), ("004", SeedTrees.s004)])
  func rawSeedsGiveTheSameTree(_ prefix: String, _ tree: [N]) throws {
    let (o, c) = try outline(TestSupport.corpusNotice(prefix))
    #expect(o.units.map(\.path) == flatten(tree))
    #expect(o.warnings.isEmpty)
    checkInvariants(o, c)
  }

  @Test func throughput() throws {
    let texts = ["000", "001", "002", "003", "004"].map { CleanText(source: seed($0)) }
    let sizes = texts.map { $0.string.utf8.count }
    var scalars = 0
    var bytes = 0
    let clock = ContinuousClock()
    let cpuStart = threadCPUSeconds()
    let start = clock.now
    for _ in 0..<20 {
      for (t, size) in zip(texts, sizes) {
        let o = try segmenter.segment(t)
        #expect(!o.units.isEmpty)
        scalars += t.count
        bytes += size
      }
    }
    let elapsed = clock.now - start
    let cpu = threadCPUSeconds() - cpuStart
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    // wall time suffers when the machine is shared; thread CPU time is the steadier number
    print("segment throughput: \(bytes) bytes (\(scalars) scalars), wall \(seconds) s = \(Double(bytes) / seconds / 1e6) MB/s, thread CPU \(cpu) s = \(Double(bytes) / cpu / 1e6) MB/s")
  }
}

/// CPU time of the calling thread, in seconds.
func threadCPUSeconds() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
