import Testing
import GongwenCore

@Suite struct IdeographicTests {
  /// The fast ranges agree with the Unicode property for every scalar.
  @Test func agreesWithTheProperty() {
    var disagreements: [UInt32] = []
    for v in UInt32(0)...0x10FFFF {
      guard let c = Unicode.Scalar(v) else { continue }
      if isIdeographic(c) != c.properties.isIdeographic { disagreements.append(v) }
    }
    #expect(disagreements.isEmpty)
  }
}
