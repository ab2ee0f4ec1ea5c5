import Foundation
import Testing
import GongwenTestSupport

@Test func dumpSeeds() {
  for id in seedIDs {
    let d = norm(TestSupport.corpusNotice(id))
    try? d.text.string.write(toFile: "/tmp/norm_\(id).txt", atomically: true, encoding: .utf8)
    print(id, d.stats, d.removed.map { "\($0.reason) \($0.rule ?? "") \($0.span) \($0.text.prefix(40))" })
  }
}
