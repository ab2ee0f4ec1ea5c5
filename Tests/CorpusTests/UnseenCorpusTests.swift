import Foundation
import Synchronization
import Testing
import GongwenCore
import GongwenEval
import GongwenPipeline
import GongwenTestSupport

/// Corpus/unseen and Corpus/heldout: real notices in styles the team did not tune for (issue 5),
/// scored against keys written by reading them. Unlike the golden suite, differences are allowed;
/// each folder's pooled (path, department) F1 is held to a floor so that rule changes cannot
/// quietly make it worse.
///
/// The target is 0.90. Corpus/unseen scored 0.887 while the two flattened-table notices
/// (107, 108: bare row numbers, roles given once in a column header) scored 0; with tables read
/// (branch `tables`) it is 0.988 — see Corpus/unseen/README.md. Corpus/heldout was scored first
/// blind (0.972), then its general gaps were fixed (see Corpus/heldout/README.md). Corpus/heldout2
/// scored 0.424 at first sight and 0.971 after its gaps were fixed (Corpus/heldout2/README.md);
/// Corpus/heldout3 0.765 at first sight, 1.000 after (Corpus/heldout3/README.md); Corpus/heldout4
/// 0.550 at first sight, 0.913 after (its README); Corpus/heldout5 0.930 at first sight, 0.976
/// after; Corpus/heldout6 0.385 at first sight, 0.833 after, 1.000 with items inside table cells; Corpus/heldout7 0.844 at first sight,
/// 0.926 after (0.970 with `region_levels`); Corpus/heldout8 0.958 at first sight (not tuned on; 0.986 with
/// `inherit_unknown_max`, 1.000 with cut attributions); Corpus/heldout9
/// 0.551 at first sight, 0.837 after, 0.958 with attached tables, 1.000 with section leads (heldout4 0.929 after its key took the
/// same convention); Corpus/heldout10 0.752 at first sight, 0.908 after, 0.932 with cut attributions;
/// Corpus/heldout11 0.763 at first sight, 1.000 after; Corpus/heldout12 0.304 at first sight, 0.917 (0.938 with `inherit_unknown_max`, 1.000 with name headings)
/// after; Corpus/heldout13 0.805 at first sight, 0.918 after (tables with bars between cells), 1.000 with name lines;
/// Corpus/heldout14 0.168 at first sight, 0.813 after, 0.850 with inferred excerpt ancestors, 0.911 with space-separated rows, 0.972 with wrapped header cells (heldout2
/// 0.990 with them); Corpus/heldout15 0.654 at first sight, 0.852
/// after; Corpus/heldout16 0.667 at first sight, 0.812 after, 0.975 with its tables, 1.000 with cut names dropped; Corpus/heldout17
/// 1.000 at first sight (2 notices, not tuned on); Corpus/heldout18 0.000 at first sight (2 later
/// pages), 0.522 after, 0.970 with shared levels; Corpus/heldout19 1.000 at first sight (3 notices, one source); Corpus/heldout20 0.340 at first sight, 0.781
/// after (0.806 with items inside table cells, 0.919 with a subject that organises others); Corpus/heldout21 0.416 at first sight (7 notices), 0.946 after;
/// Corpus/heldout22 0.080 at first sight (6 notices), 0.720 after (0.945 with departments named through their people and the last article's paragraphs); Corpus/heldout23 0.773 at first sight (5 notices),
/// 0.921 after; Corpus/heldout24 0.700 at first sight (6 notices), 0.909 after; Corpus/heldout25 0.292 at first sight
/// (4 notices), 0.974 after (0.987 with a step after a role word's object); Corpus/heldout26 0.833 at first sight (3 notices), 0.950 after; Corpus/heldout27 0.190
/// at first sight (3 notices), 0.974 after; Corpus/heldout28 0.000 at first sight (2 assessment tables), 0.653 after;
/// Corpus/heldout29 0.000 at first sight (1 notice), 0.462 after; Corpus/heldout30 0.600 at first sight (6 notices),
/// 1.000 after; Corpus/heldout31 0.667 at first sight (6 notices), 0.889 after;
/// Corpus/heldout32 0.853 at first sight (6 notices), 0.953 after; Corpus/heldout33 0.658 at first sight (5
/// notices), 0.889 after (1.000 with an attached plan's title above an intro); Corpus/heldout34 0.932 at first sight (6 notices), 0.967 after (1.000 with a cut modifier completed and a heading's bracketed lead passed down);
/// Corpus/heldout35 1.000 at first sight (1 notice, 48 pairs; not tuned on); Corpus/heldout36 0.566 at first sight (5
/// Shanghai notices saved as Markdown), 0.994 after; Corpus/heldout37 0.100 at first sight (2 excerpts), 1.000 after; Corpus/heldout38 1.000 at first sight (1 notice, 92 pairs);
/// Corpus/heldout39 0.000 at first sight (2 dataset-viewer pages), 0.652 after; Corpus/heldout40 0.545 at first sight (2
/// notices; a flipbook table page not read); Corpus/heldout41 0.667 at first sight (6 articles), 0.963 after; Corpus/heldout42
/// 0.800 at first sight (7 duty lists), 0.900 after; Corpus/heldout43 0.865 at first sight (7 notices), 0.927 after;
/// Corpus/heldout44 0.741 at first sight (7 duty lists), 0.756 after; Corpus/heldout45 0.835 at first sight (6 notices), 0.854 after;
/// Corpus/heldout46 0.761 at first sight (5 duty lists), 0.860 after; Corpus/heldout47 0.739 at first sight (4 notices), 0.843 after;
/// Corpus/heldout48 0.424 at first sight (6 notices), 0.945 after (decimal sections); Corpus/heldout49 0.267 at first sight (4 notices), 0.632 after; the seventh session's sets heldout50–62 (0.664 pooled at
/// first sight, 0.890 after; each set's first sight is in its README and in Corpus/README.md). heldout97's floor went down
/// from 0.74 to 0.66 in the tenth session: `监察机关或任免机关`, a subject its key leaves out, is now split in two (`或` between
/// two bodies), one wrong pair become two. heldout98 holds one pair that Gongwen misses (a garbled `（一）` line): its floor
/// only checks that it is scored. heldout129's went down from 0.92 to 0.88 in the twenty-third session: a bracket closing a
/// section's last item is now the section's (`section_closing_brackets`, as heldout138's and heldout143's keys read it), while
/// heldout129's key gives it to the item. heldout130's went down from 0.63 to 0.62 in the twenty-fourth session: a body's unit
/// in brackets after it now stays in the subject (`区综合执法局（环保国土建设执法支队）负责…`, heldout145), so 13002's `由…市房管局更新处
/// 落实…` gives that office, which its key leaves out (its alternative keys it). Raise a floor whenever the score goes up.
@Suite struct UnseenCorpusTests {
  static let target = 0.90
  struct Folder: Sendable, CustomTestStringConvertible {
    let name: String
    let floor: Double
    let minNotices: Int
    var testDescription: String { name }
  }
  static let folders = [Folder(name: "unseen", floor: 0.98, minNotices: 6),
                        Folder(name: "heldout", floor: 0.98, minNotices: 4),
                        Folder(name: "heldout2", floor: 0.99, minNotices: 11),
                        Folder(name: "heldout3", floor: 1.0, minNotices: 6),
                        Folder(name: "heldout4", floor: 0.86, minNotices: 3),
                        Folder(name: "heldout5", floor: 1.0, minNotices: 4),
                        Folder(name: "heldout6", floor: 1.0, minNotices: 8),
                        Folder(name: "heldout7", floor: 0.98, minNotices: 5),
                        Folder(name: "heldout8", floor: 1.0, minNotices: 4),
                        Folder(name: "heldout9", floor: 1.0, minNotices: 5),
                        Folder(name: "heldout10", floor: 0.93, minNotices: 6),
                        Folder(name: "heldout11", floor: 1.0, minNotices: 4),
                        Folder(name: "heldout12", floor: 1.0, minNotices: 6),
                        Folder(name: "heldout13", floor: 1.0, minNotices: 4),
                        Folder(name: "heldout14", floor: 0.97, minNotices: 6),
                        Folder(name: "heldout15", floor: 0.85, minNotices: 5),
                        Folder(name: "heldout16", floor: 1.0, minNotices: 5),
                        Folder(name: "heldout17", floor: 1.0, minNotices: 2),
                        Folder(name: "heldout18", floor: 0.96, minNotices: 2),
                        Folder(name: "heldout19", floor: 1.0, minNotices: 3),
                        Folder(name: "heldout20", floor: 0.91, minNotices: 5),
                        Folder(name: "heldout21", floor: 0.95, minNotices: 7),
                        Folder(name: "heldout22", floor: 0.95, minNotices: 6),
                        Folder(name: "heldout23", floor: 0.92, minNotices: 5),
                        Folder(name: "heldout24", floor: 0.9, minNotices: 6),
                        Folder(name: "heldout25", floor: 0.98, minNotices: 4),
                        Folder(name: "heldout26", floor: 0.97, minNotices: 3),
                        Folder(name: "heldout27", floor: 0.97, minNotices: 3),
                        Folder(name: "heldout28", floor: 0.65, minNotices: 2),
                        Folder(name: "heldout29", floor: 0.61, minNotices: 1),
                        Folder(name: "heldout30", floor: 1.0, minNotices: 6),
                        Folder(name: "heldout31", floor: 0.88, minNotices: 6),
                        Folder(name: "heldout32", floor: 0.95, minNotices: 6),
                        Folder(name: "heldout33", floor: 1.0, minNotices: 5),
                        Folder(name: "heldout34", floor: 1.0, minNotices: 6),
                        Folder(name: "heldout35", floor: 1.0, minNotices: 1),
                        Folder(name: "heldout36", floor: 0.99, minNotices: 5),
                        Folder(name: "heldout37", floor: 1.0, minNotices: 2),
                        Folder(name: "heldout38", floor: 1.0, minNotices: 1),
                        Folder(name: "heldout39", floor: 0.65, minNotices: 2),
                        Folder(name: "heldout40", floor: 0.54, minNotices: 2),
                        Folder(name: "heldout41", floor: 0.96, minNotices: 6),
                        Folder(name: "heldout42", floor: 0.9, minNotices: 7),
                        Folder(name: "heldout43", floor: 0.97, minNotices: 7),
                        Folder(name: "heldout44", floor: 0.88, minNotices: 7),
                        Folder(name: "heldout45", floor: 0.87, minNotices: 6),
                        Folder(name: "heldout46", floor: 0.98, minNotices: 5),
                        Folder(name: "heldout47", floor: 0.86, minNotices: 4),
                        Folder(name: "heldout48", floor: 0.96, minNotices: 6),
                        Folder(name: "heldout49", floor: 0.89, minNotices: 4),
                        Folder(name: "heldout50", floor: 0.80, minNotices: 6),
                        Folder(name: "heldout51", floor: 0.95, minNotices: 6),
                        Folder(name: "heldout52", floor: 0.96, minNotices: 3),
                        Folder(name: "heldout53", floor: 0.74, minNotices: 7),
                        Folder(name: "heldout54", floor: 0.96, minNotices: 3),
                        Folder(name: "heldout55", floor: 0.94, minNotices: 4),
                        Folder(name: "heldout56", floor: 1.0, minNotices: 2),
                        Folder(name: "heldout57", floor: 0.93, minNotices: 6),
                        Folder(name: "heldout58", floor: 0.93, minNotices: 8),
                        Folder(name: "heldout59", floor: 0.96, minNotices: 5),
                        Folder(name: "heldout60", floor: 0.92, minNotices: 5),
                        Folder(name: "heldout61", floor: 0.77, minNotices: 5),
                        Folder(name: "heldout62", floor: 0.94, minNotices: 5),
                        Folder(name: "heldout64", floor: 0.98, minNotices: 4),
                        Folder(name: "heldout65", floor: 0.66, minNotices: 5),
                        Folder(name: "heldout66", floor: 0.97, minNotices: 6),
                        Folder(name: "heldout67", floor: 0.91, minNotices: 7),
                        Folder(name: "heldout68", floor: 1.0, minNotices: 2),
                        Folder(name: "heldout69", floor: 1.0, minNotices: 3),
                        Folder(name: "heldout70", floor: 0.99, minNotices: 6),
                        Folder(name: "heldout71", floor: 0.94, minNotices: 6),
                        Folder(name: "heldout72", floor: 0.92, minNotices: 8),
                        Folder(name: "heldout73", floor: 0.90, minNotices: 4),
                        Folder(name: "heldout74", floor: 0.80, minNotices: 7),
                        Folder(name: "heldout75", floor: 0.83, minNotices: 7),
                        Folder(name: "heldout76", floor: 0.74, minNotices: 8),
                        Folder(name: "heldout77", floor: 0.97, minNotices: 7),
                        Folder(name: "heldout78", floor: 0.88, minNotices: 2),
                        Folder(name: "heldout80", floor: 0.94, minNotices: 6),
                        Folder(name: "heldout81", floor: 1.00, minNotices: 3),
                        Folder(name: "heldout82", floor: 0.98, minNotices: 4),
                        Folder(name: "heldout83", floor: 1.00, minNotices: 2),
                        Folder(name: "heldout84", floor: 0.80, minNotices: 5),
                        Folder(name: "heldout85", floor: 0.89, minNotices: 7),
                        Folder(name: "heldout86", floor: 0.66, minNotices: 7),
                        Folder(name: "heldout87", floor: 0.86, minNotices: 7),
                        Folder(name: "heldout88", floor: 0.82, minNotices: 5),
                        // (0.42 until the twelfth session: 8906's 第四条 list, `…等部门应在各自职责范围内，协同…`, is read since, but
                        // under the page's `⑴` title line, `[1,4]` where the key has `[4]`: 12 pairs scored as wrong)
                        Folder(name: "heldout89", floor: 0.37, minNotices: 8),
                        Folder(name: "heldout90", floor: 0.70, minNotices: 8),
                        Folder(name: "heldout91", floor: 0.90, minNotices: 6),
                        Folder(name: "heldout92", floor: 0.96, minNotices: 2),
                        Folder(name: "heldout93", floor: 0.74, minNotices: 2),
                        Folder(name: "heldout94", floor: 0.64, minNotices: 6),
                        Folder(name: "heldout95", floor: 0.71, minNotices: 8),
                        Folder(name: "heldout96", floor: 0.94, minNotices: 3),
                        Folder(name: "heldout97", floor: 0.66, minNotices: 2),
                        Folder(name: "heldout98", floor: 0.0, minNotices: 1),
                        Folder(name: "heldout99", floor: 0.89, minNotices: 7),
                        Folder(name: "heldout100", floor: 0.96, minNotices: 6),
                        Folder(name: "heldout101", floor: 0.86, minNotices: 7),
                        Folder(name: "heldout102", floor: 1.0, minNotices: 1),
                        Folder(name: "heldout103", floor: 0.90, minNotices: 2),
                        Folder(name: "heldout104", floor: 0.85, minNotices: 5),
                        Folder(name: "heldout105", floor: 0.87, minNotices: 7),
                        Folder(name: "heldout106", floor: 0.91, minNotices: 5),
                        Folder(name: "heldout107", floor: 0.57, minNotices: 2),
                        Folder(name: "heldout108", floor: 0.93, minNotices: 6),
                        Folder(name: "heldout109", floor: 0.95, minNotices: 5),
                        Folder(name: "heldout110", floor: 0.74, minNotices: 5),
                        Folder(name: "heldout111", floor: 0.95, minNotices: 2),
                        Folder(name: "heldout112", floor: 0.95, minNotices: 6),
                        Folder(name: "heldout113", floor: 0.78, minNotices: 7),
                        Folder(name: "heldout114", floor: 0.98, minNotices: 2),
                        Folder(name: "heldout115", floor: 0.70, minNotices: 6),
                        Folder(name: "heldout116", floor: 0.96, minNotices: 6),
                        Folder(name: "heldout117", floor: 0.65, minNotices: 7),
                        Folder(name: "heldout118", floor: 0.97, minNotices: 6),
                        Folder(name: "heldout119", floor: 0.88, minNotices: 7),
                        Folder(name: "heldout120", floor: 0.88, minNotices: 5),
                        Folder(name: "heldout121", floor: 0.98, minNotices: 6),
                        Folder(name: "heldout122", floor: 0.92, minNotices: 6),
                        Folder(name: "heldout123", floor: 0.97, minNotices: 6),
                        Folder(name: "heldout124", floor: 0.99, minNotices: 4),
                        Folder(name: "heldout125", floor: 0.95, minNotices: 5),
                        Folder(name: "heldout126", floor: 0.78, minNotices: 4),
                        Folder(name: "heldout127", floor: 0.99, minNotices: 3),
                        Folder(name: "heldout128", floor: 0.91, minNotices: 4),
                        Folder(name: "heldout129", floor: 0.88, minNotices: 4),
                        Folder(name: "heldout130", floor: 0.62, minNotices: 4),
                        Folder(name: "heldout131", floor: 0.77, minNotices: 5),
                        Folder(name: "heldout132", floor: 0.0, minNotices: 3),
                        Folder(name: "heldout133", floor: 0.73, minNotices: 4),
                        Folder(name: "heldout134", floor: 0.96, minNotices: 3),
                        Folder(name: "heldout135", floor: 0.94, minNotices: 4),
                        Folder(name: "heldout136", floor: 0.0, minNotices: 2),
                        Folder(name: "heldout137", floor: 0.89, minNotices: 4),
                        Folder(name: "heldout138", floor: 0.85, minNotices: 5),
                        Folder(name: "heldout139", floor: 0.93, minNotices: 4),
                        Folder(name: "heldout140", floor: 0.94, minNotices: 4),
                        Folder(name: "heldout141", floor: 0.99, minNotices: 1),
                        Folder(name: "heldout142", floor: 0.83, minNotices: 4),
                        Folder(name: "heldout143", floor: 0.92, minNotices: 3),
                        Folder(name: "heldout144", floor: 0.93, minNotices: 1),
                        Folder(name: "heldout145", floor: 0.33, minNotices: 3),
                        Folder(name: "heldout146", floor: 0.55, minNotices: 2),
                        Folder(name: "heldout147", floor: 0.80, minNotices: 4),
                        Folder(name: "heldout148", floor: 0.85, minNotices: 5),
                        Folder(name: "heldout149", floor: 0.49, minNotices: 4),
                        Folder(name: "heldout150", floor: 0.96, minNotices: 4),
                        Folder(name: "heldout151", floor: 0.81, minNotices: 4),
                        Folder(name: "heldout152", floor: 0.44, minNotices: 2),
                        Folder(name: "heldout153", floor: 0.57, minNotices: 3),
                        Folder(name: "heldout154", floor: 1.00, minNotices: 1),
                        Folder(name: "heldout155", floor: 0.95, minNotices: 2),
                        Folder(name: "heldout156", floor: 0.55, minNotices: 3),
                        Folder(name: "heldout157", floor: 0.65, minNotices: 3),
                        Folder(name: "heldout158", floor: 0.98, minNotices: 3),
                        Folder(name: "heldout159", floor: 0.86, minNotices: 4),
                        Folder(name: "heldout160", floor: 0.70, minNotices: 4),
                        Folder(name: "heldout161", floor: 0.90, minNotices: 4),
                        Folder(name: "heldout162", floor: 0.96, minNotices: 5),
                        Folder(name: "heldout163", floor: 0.75, minNotices: 4),
                        Folder(name: "heldout164", floor: 0.96, minNotices: 4),
                        Folder(name: "heldout165", floor: 0.92, minNotices: 4),
                        Folder(name: "heldout166", floor: 0.99, minNotices: 2),
                        Folder(name: "heldout167", floor: 0.96, minNotices: 5),
                        Folder(name: "heldout168", floor: 0.92, minNotices: 4),
                        Folder(name: "heldout169", floor: 0.96, minNotices: 3),
                        Folder(name: "heldout170", floor: 0.95, minNotices: 3),
                        Folder(name: "heldout172", floor: 0.95, minNotices: 3),
                        Folder(name: "heldout173", floor: 1.00, minNotices: 1),
                        Folder(name: "heldout174", floor: 0.72, minNotices: 4),
                        Folder(name: "heldout175", floor: 0.69, minNotices: 1),
                        Folder(name: "heldout176", floor: 0.81, minNotices: 3),
                        Folder(name: "heldout177", floor: 0.71, minNotices: 3),
                        Folder(name: "heldout178", floor: 1.00, minNotices: 1),
                        Folder(name: "heldout179", floor: 0.93, minNotices: 1),
                        Folder(name: "heldout180", floor: 1.00, minNotices: 1),
                        Folder(name: "heldout182", floor: 1.00, minNotices: 1),
                        Folder(name: "heldout183", floor: 1.00, minNotices: 1),
                        Folder(name: "heldout184", floor: 1.00, minNotices: 1),
                        Folder(name: "heldout186", floor: 0.87, minNotices: 3),
                        Folder(name: "heldout187", floor: 0.98, minNotices: 1),
                        Folder(name: "heldout188", floor: 0.50, minNotices: 3),
                        Folder(name: "heldout189", floor: 0.96, minNotices: 3),
                        Folder(name: "heldout192", floor: 0.98, minNotices: 2),
                        Folder(name: "heldout193", floor: 0.96, minNotices: 4),
                        Folder(name: "heldout194", floor: 0.98, minNotices: 4),
                        Folder(name: "heldout195", floor: 0.98, minNotices: 3)]

  static let pipeline = Pipeline(rules: TestSupport.rules)

  /// Each folder's outcome, computed once and shared by the tests below.
  static let outcomes = Mutex<[String: CorpusEvaluation.Outcome]>([:])

  static func outcome(_ folder: Folder) throws -> CorpusEvaluation.Outcome {
    if let known = outcomes.withLock({ $0[folder.name] }) { return known }
    let corpus = TestSupport.packageRoot.appendingPathComponent("Corpus/" + folder.name)
    let outcome = try CorpusEvaluation(
      pipeline: pipeline, evaluator: Evaluator(canonical: { pipeline.canonicalDepartment($0) })
    ).run(corpus: corpus.path)
    outcomes.withLock { $0[folder.name] = outcome }
    return outcome
  }

  /// Floors for the share of notices, over every folder above, whose metadata field equals the key's (fifty-first session: issuer
  /// 731, date 808, published 799, doc_number 794, title 706, forwarded 800 of 820 notices). Keys disagree among themselves on some conventions
  /// (an issuer only the title names, spaces kept between joint issuers), so these stay below 1; raise them when the score goes up.
  static let metadataFloors: [String: Double] = [
    "issuer": 0.89, "date": 0.98, "published": 0.97, "doc_number": 0.96, "title": 0.86,
    "attachments": 0.96, "recipients": 0.97, "forwarded": 0.97,
  ]

  @Test func metadataOverEveryFolderStaysAboveTheFloors() throws {
    var pooled: [String: Accuracy] = [:]
    for folder in Self.folders {
      for (field, a) in try Self.outcome(folder).pooled.metadata { pooled[field] = (pooled[field] ?? Accuracy()) + a }
    }
    for (field, floor) in Self.metadataFloors {
      let a = try #require(pooled[field], "no \(field) scored")
      #expect(a.value >= floor, "metadata \(field): \(a.correct) of \(a.total)")
    }
  }

  @Test func keysCopiedWithHalfWidthBracketsCompareAsNormalizeWritesThem() {
    // Corpus/heldout16 1702: the key copied 县发改局(粮食局) from the page; the clean text has （）
    #expect(Self.pipeline.canonicalDepartment("县发改局(粮食局)") == Self.pipeline.canonicalDepartment("县发改局（粮食局）"))
    #expect(Self.pipeline.canonicalDepartment("各市(区)人民政府") == "各市（区）人民政府")
    #expect(Self.pipeline.canonicalDepartment("市人社局") == "市人力资源和社会保障局")
  }

  @Test(arguments: folders) func everyNoticeIsScoredAndPooledF1StaysAboveTheFloor(_ folder: Folder) throws {
    let outcome = try Self.outcome(folder)
    #expect(outcome.unscored.isEmpty, "notices without Corpus/\(folder.name)/expected/<name>.json: \(outcome.unscored)")
    #expect(outcome.failures.isEmpty, "\(outcome.failures)")
    #expect(outcome.results.count >= folder.minNotices)
    print(CorpusEvaluation.render(outcome, showDiff: false))
    let f1 = outcome.pooled.pathDepartment.f1
    #expect(f1 >= folder.floor, "Corpus/\(folder.name) pooled (path, department) F1 \(outcome.pooled.pathDepartment)")
    if f1 < Self.target {
      print("Corpus/\(folder.name): pooled F1 \(f1) is below the issue-5 target \(Self.target)")
    }
  }
}
