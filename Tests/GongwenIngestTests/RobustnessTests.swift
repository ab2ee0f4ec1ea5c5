import GongwenCore
import GongwenTestSupport
import Testing

@testable import GongwenIngest

/// Damaged inputs must end in a document or a `StageFailure`, never a crash or a hang.
@Suite struct RobustnessTests {
  struct LCG {
    var x: UInt64
    mutating func next(_ n: Int) -> Int {
      x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((x >> 33) % UInt64(max(1, n)))
    }
  }

  @Test(arguments: ["numbered.docx", "004.docx", "004.gbk.html", "004.big5.txt"])
  func mutatedFilesNeverCrash(_ file: String) {
    let original = IngestFixtures.bytes(file)
    var rng = LCG(x: 42)
    var failures: [String: Int] = [:]
    for round in 0..<40 {
      var b = original
      switch round % 3 {
      case 0:  // flip a few bytes
        for _ in 0..<(1 + rng.next(8)) { let i = rng.next(b.count); b[i] ^= UInt8(1 + rng.next(255)) }
      case 1:  // truncate
        b = Array(b.prefix(rng.next(b.count)))
      default:  // overwrite a run with junk
        let i = rng.next(b.count), n = min(b.count - i, 1 + rng.next(64))
        for k in i..<i + n { b[k] = UInt8(rng.next(256)) }
      }
      do { _ = try ingestor.ingest(b, pathHint: file) } catch {
        #expect(error.stage == "ingest")
        #expect(!error.message.contains("\n"))
        failures[error.code, default: 0] += 1
      }
    }
    // every failure has a stable code from the documented set
    let known: Set<String> = ["io_error", "corrupt_docx", "unsupported_format", "binary_file", "zip_bomb", "too_large", "undecodable", "bad_html"]
    #expect(Set(failures.keys).isSubset(of: known), "\(failures)")
  }
}
