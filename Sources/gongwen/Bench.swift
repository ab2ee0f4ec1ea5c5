import ArgumentParser
import Dispatch
import Foundation
import GongwenCore
import GongwenEmit
import GongwenPipeline
import GongwenSimilarity

/// `gongwen bench`: in-process measurements for `Benchmarks/run.sh` (not part of the stable CLI contract).
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Benchmarks: per-stage throughput and MinHash signing speed over a JSONL corpus.",
    discussion: """
      Reads JSONL records {"id": ..., "text": ...} (as `process --stdin` does), e.g. made by \
      Benchmarks/make_corpus.py. See Benchmarks/README.md.

      Examples:
        gongwen bench stages /tmp/corpus.jsonl
        gongwen bench minhash /tmp/corpus.jsonl --limit 500 --json
      """,
    subcommands: [BenchStages.self, BenchMinHash.self])
}

/// Streams the lines of a file (LF-separated), without reading it whole.
final class LineReader {
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var start = 0
  private var eof = false
  init?(path: String) {
    guard let h = FileHandle(forReadingAtPath: path) else { return nil }
    handle = h
  }
  func next() -> Data? {
    while true {
      if let nl = buffer[start...].firstIndex(of: 0x0A) {
        defer { start = nl + 1 }
        return Data(buffer[start..<nl])
      }
      if eof {
        if start == buffer.count { return nil }
        defer { start = buffer.count }
        return Data(buffer[start...])
      }
      buffer.removeFirst(start)
      start = 0
      let chunk = (try? handle.read(upToCount: 1 << 22)) ?? nil
      if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { eof = true }
    }
  }
}

private func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

struct BenchStages: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stages",
    abstract: "Time each stage in one process (one thread) over a JSONL corpus.")

  @Argument(help: "JSONL corpus.") var corpus: String
  @Option(help: "Only the first N records.") var limit: Int?
  @Flag(help: "Print JSON instead of a table.") var json = false
  @OptionGroup var rulesOptions: RulesOptions

  func run() throws {
    let rules = try rulesOptions.load()
    let pipeline = Pipeline(rules: rules)
    let linker = BatchDuplicateLinker(rules: rules.similarity)
    let encoder = RecordEncoder()
    guard let reader = LineReader(path: corpus) else {
      printError("gongwen: error: cannot read \(corpus)")
      throw ExitCode(2)
    }
    var times = StageTimes()
    var decode: UInt64 = 0, link: UInt64 = 0, emit: UInt64 = 0
    var docs = 0, bytes = 0, tasks = 0, failed = 0, outBytes = 0, lineNumber = 0
    let wall = now()
    while limit.map({ docs + failed < $0 }) ?? true {
      var t = now()
      guard let line = reader.next() else { break }
      lineNumber += 1
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      let parsed = Inputs.stdinRecord(line: line, lineNumber: lineNumber)
      decode &+= now() &- t
      guard case .success(let input) = parsed else { failed += 1; continue }
      bytes += input.bytes.count
      let out: PipelineOutput
      do throws(StageFailure) { out = try pipeline.process(input, times: &times) } catch { failed += 1; continue }
      t = now()
      var doc = out.document
      doc.duplicates = linker.link(doc, prepared: BatchDuplicateLinker.prepare(out, rules: linker.rules))
      let t2 = now()
      link &+= t2 &- t
      do throws(StageFailure) {
        outBytes += try encoder.line(doc).count + 1
        outBytes += encoder.lines(out.tasks).count  // as process writes them: one buffer, a newline after each
      } catch { failed += 1 }
      emit &+= now() &- t2
      docs += 1
      tasks += out.tasks.count
    }
    let total = now() &- wall
    let rows: [(String, UInt64)] = [
      ("decode (JSONL record)", decode), ("ingest", times.ingest), ("normalize", times.normalize),
      ("dedup (in-notice)", times.dedup), ("segment", times.segment), ("attribute", times.attribute),
      ("records", times.records), ("batch duplicates (MinHash/LSH)", link), ("emit (JSON encode)", emit),
      ("total (one thread)", total),
    ]
    let mb = Double(bytes) / 1e6
    if json {
      var obj: [String: JSONValue] = [
        "notices": .number(Double(docs)), "bytes": .number(Double(bytes)), "tasks": .number(Double(tasks)),
        "failed": .number(Double(failed)), "output_bytes": .number(Double(outBytes)),
      ]
      var stages: [String: JSONValue] = [:]
      for (name, ns) in rows { stages[name] = .number(Double(ns) / 1e9) }
      obj["seconds"] = .object(stages)
      FileHandle.standardOutput.write(try encoder.line(obj) + Data([0x0A]))
      return
    }
    print("\(docs) notices, \(String(format: "%.1f", mb)) MB, \(tasks) tasks, \(failed) failed")
    print("stage                              seconds      MB/s   notices/s   share")
    for (name, ns) in rows {
      let s = Double(ns) / 1e9
      print(name.padding(toLength: 32, withPad: " ", startingAt: 0)
        + String(format: " %9.2f %9.1f %11.0f %6.1f%%", s, s > 0 ? mb / s : 0, s > 0 ? Double(docs) / s : 0,
                 100 * Double(ns) / Double(max(total, 1))))
    }
  }
}

struct BenchMinHash: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "minhash",
    abstract: "MinHash signing throughput (the rules' shingle size and signature size) over the records' texts.")

  @Argument(help: "JSONL corpus.") var corpus: String
  @Option(help: "Only the first N records.") var limit: Int?
  @Option(help: "Repeat the pass this many times (best time is reported).") var repeats: Int = 3
  @Flag(help: "Print JSON.") var json = false
  @OptionGroup var rulesOptions: RulesOptions

  func run() throws {
    let rules = try rulesOptions.load().similarity
    guard let reader = LineReader(path: corpus) else {
      printError("gongwen: error: cannot read \(corpus)")
      throw ExitCode(2)
    }
    var texts: [String] = []
    var lineNumber = 0
    while limit.map({ texts.count < $0 }) ?? true, let line = reader.next() {
      lineNumber += 1
      if case .success(let input) = Inputs.stdinRecord(line: line, lineNumber: lineNumber) {
        texts.append(String(decoding: input.bytes, as: UTF8.self))
      }
    }
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    var best = UInt64.max
    var check: UInt64 = 0
    for _ in 0..<max(1, repeats) {
      let t = now()
      for text in texts { if let s = Signature(text: text, rules: rules) { check ^= s.values[0] } }
      best = min(best, now() &- t)
    }
    let s = Double(best) / 1e9
    let mb = Double(bytes) / 1e6
    if json {
      print("{\"notices\": \(texts.count), \"bytes\": \(bytes), \"seconds\": \(s), \"mb_per_s\": \(mb / s), "
        + "\"notices_per_s\": \(Double(texts.count) / s), \"shingle_size\": \(rules.shingleSize), "
        + "\"signature_size\": \(rules.signatureSize), \"check\": \(check % 1000)}")
    } else {
      print(String(format: "minhash: %d notices, %.1f MB in %.3fs = %.1f MB/s, %.0f notices/s (k=%d, %d values)",
                   texts.count, mb, s, mb / s, Double(texts.count) / s, rules.shingleSize, rules.signatureSize))
    }
  }
}
