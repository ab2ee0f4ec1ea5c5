import Foundation
import GongwenPipeline
import GongwenRules

/// Loaded once: the bundled rules (GONGWEN_RULES or ../Rules).
let pipeline: Pipeline = {
  let dir = RuleSet.defaultDirectory()
  guard let rules = try? RuleSet.load(directory: dir) else {
    print("fuzz: cannot load rules from \(dir); set GONGWEN_RULES")
    exit(2)
  }
  return Pipeline(rules: rules)
}()

/// libFuzzer entry point: any bytes, as a file would arrive. The pipeline must return a result or a
/// StageFailure, never trap; the first byte picks the path hint so every ingest branch is reached.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let hints = ["notice.txt", "notice.html", "notice.docx", nil]
  let hint = bytes.first.map { hints[Int($0) % hints.count] } ?? nil
  let input = PipelineInput(path: hint, bytes: bytes)
  if let out = try? pipeline.process(input) {
    // invariants that must hold for every document
    let count = out.document.text.unicodeScalars.count
    for t in out.tasks where t.span.start < 0 || t.span.end > count || t.span.start > t.span.end {
      fatalError("task span \(t.span) outside text of \(count) scalars")
    }
    for r in out.document.removed where r.span.start > r.span.end {
      fatalError("inverted removal span \(r.span)")
    }
  }
  return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

/// SwiftPM renames an executable's `main` to `<module>_main`; route it into libFuzzer's driver.
@_cdecl("GongwenFuzz_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
  var c = argc
  var v = argv
  return LLVMFuzzerRunDriver(&c, &v) { data, size in fuzzOne(data, size) }
}
