import Foundation
import Testing
import GongwenTestSupport

@Test func debugDumpSeeds() throws {
  for p in ["000", "001", "002", "003", "004"] {
    let (o, c) = try outline(seed(p))
    try ("=== \(p)\n" + dump(o, c)).write(toFile: "/tmp/segdump_\(p).txt", atomically: true, encoding: .utf8)
  }
}
