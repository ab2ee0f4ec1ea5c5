import Foundation
import Testing
import GongwenCore
import GongwenPipeline
import GongwenTestSupport

/// Issue 6: a notice gives the same tasks (paths and departments) whatever container or encoding it
/// arrived in — HTML page, .docx, GB18030, Big5 in Traditional characters, UTF-16.
@Suite struct FormatVariantTests {
  static let pipeline = Pipeline(rules: TestSupport.rules)

  struct Key: Hashable, CustomStringConvertible {
    var path: [Int]
    var departments: [String]
    var description: String { "\(path.map(String.init).joined(separator: ".")) \(departments)" }
  }

  static func keys(_ bytes: [UInt8], _ name: String) throws -> ([Key], PipelineOutput) {
    let out = try pipeline.process(PipelineInput(path: name, bytes: bytes))
    return (out.tasks.map { Key(path: $0.path, departments: $0.departments) }, out)
  }

  @Test(arguments: IngestFixtures.pairs.map(\.file))
  func sameTasksAsTheTextVersion(_ file: String) throws {
    let pair = try #require(IngestFixtures.pairs.first { $0.file == file })
    let seedBytes = Array(try Data(contentsOf: pair.seedURL))
    let (expected, _) = try Self.keys(seedBytes, pair.seed)
    let (actual, out) = try Self.keys(IngestFixtures.bytes(file), file)
    #expect(out.document.source.format == pair.format)
    #expect(out.document.source.encoding == pair.encoding)
    let missing = expected.filter { !actual.contains($0) }, extra = actual.filter { !expected.contains($0) }
    #expect(missing.isEmpty && extra.isEmpty, """
      \(file) vs \(pair.seed): \(expected.count) tasks expected, \(actual.count) found
      missing: \(missing.map(\.description).joined(separator: "; "))
      extra:   \(extra.map(\.description).joined(separator: "; "))
      """)
  }

  @Test func fixturesAreThere() {
    #expect(IngestFixtures.pairs.count >= 15)
  }
}
