import ArgumentParser
import Foundation
import GongwenPipeline
import GongwenRules
import GongwenCore

@main
struct Gongwen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gongwen",
    abstract: "Turn Chinese government notices into a clean, canonical dataset of tasks.",
    discussion: """
      Gongwen reads notices (plain text in any encoding, HTML pages, .docx), cleans them, removes \
      duplicated text, finds the numbered clause hierarchy (一、/（一）/1./（1）) and the departments each \
      clause assigns, and writes deterministic JSONL.

      Exit codes: 0 all inputs processed; 1 some inputs failed (the rest are written); 2 usage or \
      configuration error.

      Examples:
        gongwen process Corpus/notices --output out
        gongwen normalize Corpus/notices/001_2c0c85994cb3dfdd.txt
        gongwen rules check
      """,
    version: gongwenVersion,
    subcommands: [Process.self, Normalize.self, Eval.self, RulesCommand.self, Ingest.self, ArchiveCommand.self, Export.self,
                  Reprocess.self, Bench.self]
  )

  /// Runs the command; maps every error to the documented exit codes.
  static func main() {
    keepFreedMemory()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let code as ExitCode {
      Foundation.exit(code.rawValue)
    } catch {
      let status = exitCode(for: error)
      if status == .success {
        print(fullMessage(for: error))
        Foundation.exit(0)
      }
      FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
      Foundation.exit(2)
    }
  }
}

/// Makes glibc's malloc keep memory it has freed instead of handing it back to the kernel.
///
/// Every notice allocates and frees arrays of a few hundred KB (scalars, offset maps, output
/// lines). By default glibc serves those with `mmap` (or trims them off the top of the heap) and
/// returns the pages on `free`, so the next notice faults fresh zeroed pages in again: about 60,000
/// page faults per 100 MB of input, a measurable share of the system time (more on a virtual
/// machine, where a page the guest gave back costs a fault on the host too). Peak memory is
/// unchanged (a kept page is reused by the next notice, not added to).
func keepFreedMemory() {
  #if canImport(Glibc)
  // (<malloc.h> is not part of the Glibc module: `mallopt` is looked up by name; nil handle = RTLD_DEFAULT)
  typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
  guard let symbol = dlsym(nil, "mallopt") else { return }
  let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
  let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
  _ = mallopt(mmapThreshold, 64 << 20)
  _ = mallopt(trimThreshold, 256 << 20)
  #endif
}

/// Options every command that runs the pipeline shares.
struct RulesOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("Rules folder to use.", discussion: "Default: the bundled Rules/ (or $GONGWEN_RULES).", valueName: "dir"))
  var rules: String?

  func load() throws -> RuleSet {
    let dir = rules ?? RuleSet.defaultDirectory()
    do throws(RuleErrors) { return try RuleSet.load(directory: dir) } catch {
      printError(error.description)
      printError("gongwen: error: rules in \(dir) did not load (\(error.problems.count) problem(s)); nothing was written")
      throw ExitCode(2)
    }
  }
}

/// How a batch runs: shared by every command that processes many notices.
struct BatchOptions: ParsableArguments {
  @Option(help: "Notices processed in parallel (default: number of cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: ArgumentHelp("Largest input file accepted, in bytes.", valueName: "n"))
  var maxBytes: Int = Inputs.defaultMaxBytes

  func validate() throws {
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
  }
}

func printError(_ s: String) {
  FileHandle.standardError.write(Data((s + "\n").utf8))
}
