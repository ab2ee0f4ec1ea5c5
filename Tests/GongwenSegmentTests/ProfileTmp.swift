@testable import GongwenSegment
import GongwenCore
import GongwenTestSupport
import Testing

@Test func profileParts() throws {
  let texts = ["000", "001", "002", "003", "004"].map { Array(seed($0).unicodeScalars) }
  let clock = ContinuousClock()
  var t: [String: Duration] = [:]
  for _ in 0..<5 {
    for s in texts {
      var a = clock.now
      func lap(_ k: String) { let b = clock.now; t[k, default: .zero] += b - a; a = b }
      var run = try SegmentRun(scalars: s, rules: segmenter.rules); lap("init")
      try run.findClosing(); lap("closing")
      _ = try run.candidates(); lap("candidates")
      try run.acceptMarkers(); lap("accept")
      _ = try run.units(); lap("units(all again)")
      _ = try run.findTitles(); lap("titles")
      let nums = try run.docNumbers(); lap("docnums")
      _ = try run.labelledDate(segmenter.rules.publishedLabels); lap("labelled")
      _ = try run.recipients(numbers: nums); lap("recipients")
      _ = try run.attachments(); lap("attachments")
    }
  }
  for (k, v) in t.sorted(by: { $0.value > $1.value }) { print("PROFILE \(k): \(v)") }
}
