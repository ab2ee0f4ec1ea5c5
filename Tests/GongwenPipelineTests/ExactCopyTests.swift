import Foundation
import Synchronization
import Testing
import GongwenCore
@testable import GongwenPipeline
import GongwenTestSupport

/// A batch spots inputs whose bytes an earlier input of the batch has and runs only Ingest on them (their document and
/// tasks are the earlier input's, written once): the output and report are those of running every input in full.
@Suite struct ExactCopyTests {
  final class Counter: Sendable {
    let count = Mutex(0)
  }

  final class Sink: BatchSink, @unchecked Sendable {
    let prepared = Counter()
    var accepted: [String] = []
    var prepare: (@Sendable (PipelineOutput) -> (any Sendable)?)? {
      { [prepared] _ in
        prepared.count.withLock { $0 += 1 }
        return nil
      }
    }
    func accept(_ output: PipelineOutput) throws(StageFailure) {
      accepted.append(output.document.source.id ?? "?")
    }
  }

  static let pipeline = Pipeline(rules: TestSupport.rules)

  func inputs(_ texts: [(String, String)]) -> () -> Result<PipelineInput, FileError>? {
    var rest = texts[...]
    return {
      guard let (id, text) = rest.popFirst() else { return nil }
      return .success(PipelineInput(path: nil, bytes: Array(text.utf8), recordID: id, bytesAreValidUTF8: true))
    }
  }

  let a = "一、总体要求\n（一）加强监管。（卫生厅负责）\n（二）完善制度。（财政厅负责）"
  let b = "一、主要任务\n（一）推进改革。（发展改革委负责）"

  @Test(arguments: [1, 2])
  func copiesAreReportedAndNotRunAgain(jobs: Int) throws {
    let sink = Sink()
    var report = BatchReport(generator: GeneratorInfo(version: "test", rules: "test"))
    try BatchRunner(pipeline: Self.pipeline, jobs: jobs).run(
      inputs: inputs([("r1", a), ("r2", b), ("r3", a), ("r4", a), ("r5", b)]), sink: sink, report: &report, onError: { _ in })
    #expect(sink.accepted == ["r1", "r2"])
    #expect(report.files.map(\.status) == ["ok", "ok", "duplicate", "duplicate", "duplicate"])
    #expect(report.files.map(\.duplicateOf) == [nil, nil, "r1", "r1", "r2"])
    #expect(report.files[2].documentId == report.files[0].documentId)
    #expect(report.files.map(\.format) == Array(repeating: "stdin", count: 5))
    #expect(report.files.map(\.encoding) == Array(repeating: "UTF-8", count: 5))
    #expect(report.counts.inputs == 5 && report.counts.documents == 2 && report.counts.exactDuplicates == 3)
    #expect(report.timing.bytes == 3 * a.utf8.count + 2 * b.utf8.count)
    if jobs == 1 {
      // (one thread: each copy is spotted, so only the two first inputs ran the pipeline and the sink's `prepare`)
      #expect(sink.prepared.count.withLock { $0 } == 2)
    }
  }

  /// The first input with an id holds it; a later one finds it held, an earlier one (a worker that reached it later)
  /// takes it over and is not a copy.
  @Test func claimsGoToTheEarliestInput() {
    let claims = CopyClaims()
    #expect(!claims.earlierInput(than: 5, has: "x"))
    #expect(claims.earlierInput(than: 7, has: "x"))
    #expect(!claims.earlierInput(than: 2, has: "x"))
    #expect(claims.earlierInput(than: 5, has: "x"))
    #expect(!claims.earlierInput(than: 2, has: "y"))
  }

  /// A copy whose earlier input was never delivered (it failed after Ingest) runs in full when its turn comes.
  @Test func aCopyOfAnUndeliveredInputRunsInFull() throws {
    let sink = Sink()
    var report = BatchReport(generator: GeneratorInfo(version: "test", rules: "test"))
    var seen: [String: String] = [:]
    let input = PipelineInput(path: nil, bytes: Array(a.utf8), recordID: "r9", bytesAreValidUTF8: true)
    let sha = sha256Hex(input.bytes)
    let copy = BatchRunner.Copy(input: input, sha256: sha, format: "stdin", encoding: "UTF-8")
    try BatchRunner(pipeline: Self.pipeline, jobs: 1).deliver(.success(.copy(copy)), sink: sink, seen: &seen, report: &report,
                                                                onError: { _ in })
    #expect(sink.accepted == ["r9"])
    #expect(report.files.map(\.status) == ["ok"])
    #expect(report.counts.documents == 1 && report.counts.tasks == 3)
    #expect(seen[String(sha.prefix(16))] == "r9")
  }
}
