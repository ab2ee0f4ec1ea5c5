import Foundation
import GongwenNormalize
import GongwenTestSupport
import Testing

/// Throughput over the five seeds concatenated ×20. Prints only; no timing assertion.
@Test func throughputOnSeeds() throws {
  let one = seedIDs.map { TestSupport.corpusNotice($0) }.joined(separator: "\n")
  let big = String(repeating: one + "\n", count: 20)
  let bytes = Double(big.utf8.count)
  _ = try normalizer.normalize(one)  // warm up
  let clock = ContinuousClock()
  var d = try normalizer.normalize("")
  let whole = clock.measure { d = (try? normalizer.normalize(big)) ?? d }
  // per document, as the pipeline calls it
  let docs = (0..<20).flatMap { _ in seedIDs.map { TestSupport.corpusNotice($0) } }
  let perDoc = clock.measure { for x in docs { _ = try? normalizer.normalize(x) } }
  func mbps(_ t: Duration) -> String {
    let s = Double(t.components.seconds) + Double(t.components.attoseconds) / 1e18
    return String(format: "%.1f MB/s", bytes / 1_048_576 / max(s, 1e-9))
  }
  print("normalize throughput: \(Int(bytes)) bytes; one text: \(whole) = \(mbps(whole)); 100 documents: \(perDoc) = \(mbps(perDoc))")
  #expect(!d.text.scalars.isEmpty)
}
