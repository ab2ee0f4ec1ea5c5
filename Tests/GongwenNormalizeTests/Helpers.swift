import Foundation
import GongwenCore
import GongwenNormalize
import GongwenRules
import GongwenTestSupport

/// The bundled normalizer.
let normalizer = Normalizer(rules: TestSupport.rules.normalize)

/// Seed file prefixes.
let seedIDs = ["000", "001", "002", "003", "004"]

/// Normalizes with the bundled rules; test failure on a thrown StageFailure shows as an issue.
func norm(_ s: String) -> NormalizedDocument {
  do { return try normalizer.normalize(s) } catch {
    return NormalizedDocument(text: CleanText(source: "<<failure: \(error)>>"))
  }
}

/// A normalizer with only the given steps switched on (others off), from the bundled YAML.
func only(_ steps: [String]) -> Normalizer {
  let path = TestSupport.rulesDirectory + "/normalize.yaml"
  var yaml = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
  for s in ["newlines", "decoding", "junk", "traditional", "whitespace", "flattened_lines", "table_cells", "line_join", "doc_number", "width", "cjk_spacing"] {
    yaml = yaml.replacingOccurrences(of: "  \(s): true\n", with: "  \(s): \(steps.contains(s))\n")
  }
  do { return Normalizer(rules: try RuleSet.decode(NormalizeRules.self, yaml: yaml)) } catch {
    return normalizer
  }
}

func run(_ n: Normalizer, _ s: String) -> String {
  (try? n.normalize(s).text.string) ?? "<<failure>>"
}

/// Lines of the clean text.
func lines(_ s: String) -> [String] { s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

func isHan(_ c: Unicode.Scalar) -> Bool {
  (0x4E00...0x9FFF).contains(c.value) || (0x3400...0x4DBF).contains(c.value) || c.value == 0x3007
}
