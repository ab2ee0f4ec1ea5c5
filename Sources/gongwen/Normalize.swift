import ArgumentParser
import Foundation
import GongwenPipeline
import GongwenCore

struct Normalize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a notice's clean text (after ingest, normalise and dedup).",
    discussion: """
      For maintainers checking the effect of a rules change on the text itself.

      Examples:
        gongwen normalize Corpus/notices/001_2c0c85994cb3dfdd.txt
        gongwen normalize --rules MyRules notice.html > clean.txt
      """)

  @Argument(help: ArgumentHelp("A notice file.", valueName: "file"))
  var file: String

  @OptionGroup var rulesOptions: RulesOptions

  func run() throws {
    let pipeline = Pipeline(rules: try rulesOptions.load())
    switch Inputs.read(path: file) {
    case .failure(let e):
      printError(e.line)
      throw ExitCode(1)
    case .success(let input):
      do throws(StageFailure) {
        let out = try pipeline.process(input)
        print(out.document.text)
      } catch {
        printError("gongwen: error: \(file): \(error.stage): \(error.message)")
        throw ExitCode(1)
      }
    }
  }
}

struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "Work with rules folders.",
    subcommands: [Check.self])

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Load and validate a rules folder; print every problem with file, line and column.",
      discussion: """
        Exit code 0 when the rules load, 2 when they do not. Warnings (R010) name rules files that
        disagree on a fact several stages need, e.g. an attribution label that Attribute reads but
        Segment, Normalize or Dedup do not know; the rules still load.

        Examples:
          gongwen rules check
          gongwen rules check --rules MyRules
        """)

    @OptionGroup var rulesOptions: RulesOptions

    func run() throws {
      let rules = try rulesOptions.load()
      let warnings = rules.consistencyWarnings()
      for w in warnings { print(w.description) }
      print("rules OK: \(rules.directory) (hash \(rules.hash))" + (warnings.isEmpty ? "" : ", \(warnings.count) warning(s)"))
    }
  }
}
