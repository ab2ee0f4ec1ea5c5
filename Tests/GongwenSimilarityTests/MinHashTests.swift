import Foundation
import Testing
import GongwenCore
import GongwenEmit
import GongwenPipeline
import GongwenRules
@testable import GongwenSimilarity
import GongwenTestSupport

/// Deterministic edits: replaces `phrases` phrases of `length` characters, spread evenly over the
/// text, with other CJK characters (a "few edited phrases" copy).
func editedCopy(_ text: String, phrases: Int, length: Int) -> String {
  var s = Array(text.unicodeScalars)
  let step = s.count / (phrases + 1)
  for p in 1...phrases {
    let at = p * step
    for i in at..<min(s.count, at + length) {
      s[i] = Unicode.Scalar(0x4E00 + UInt32((i * 7919 + p) % 20_000)) ?? "改"
    }
  }
  return String(String.UnicodeScalarView(s))
}

let seeds = ["000", "001", "002", "003", "004"].map { TestSupport.corpusNotice($0) }

@Suite struct MinHashTests {
  let rules = SimilarityRules.defaults

  @Test func bundledRulesFileMatchesTheDefaults() throws {
    #expect(TestSupport.rules.similarity == SimilarityRules.defaults)
  }

  @Test func invalidSettingsAreRejectedWithTheirLine() throws {
    let yaml = """
      version: 1
      shingle_size: 0
      signature_size: 64
      bands: 32
      rows: 4
      near_duplicate: 1.5
      containment: 0.8
      max_links: 20
      estimate_margin: 0.2
      max_candidates: 32
      max_bucket: 16
      seed: 1
      skip_whitespace: true
      """
    #expect(throws: RuleErrors.self) { try RuleSet.decode(SimilarityRules.self, yaml: yaml) }
    do {
      _ = try RuleSet.decode(SimilarityRules.self, yaml: yaml)
    } catch {
      let codes = error.problems.map(\.code)
      #expect(codes == ["R005", "R005", "R005"], "\(error)")  // shingle_size, near_duplicate, bands × rows
      #expect(error.problems.first?.location.line == 2)
    }
  }

  @Test func maxCandidatesBelowMaxLinksIsRejectedWithItsLine() throws {
    let yaml = """
      version: 1
      shingle_size: 5
      signature_size: 128
      bands: 42
      rows: 3
      near_duplicate: 0.6
      containment: 0.8
      max_links: 20
      estimate_margin: 0.2
      max_candidates: 10
      max_bucket: 0
      seed: 1
      skip_whitespace: true
      """
    do {
      _ = try RuleSet.decode(SimilarityRules.self, yaml: yaml)
      Issue.record("max_candidates 10 < max_links 20 and max_bucket 0 were accepted")
    } catch {
      let problems = error.problems.sorted { $0.location.line < $1.location.line }
      #expect(problems.map(\.code) == ["R005", "R005"], "\(error)")
      #expect(problems.map(\.location.line) == [10, 11], "\(error)")
      #expect(problems.first?.message.contains("max_links") == true)
      #expect(problems.last?.message.contains("max_bucket") == true)
    }
  }

  @Test func bandTallyRanksByBandsSharedThenNewest() {
    var tally = BandTally()
    tally.add([1, 2, 3])
    tally.add([2, 3])
    tally.add([3, 7])
    tally.add([7])
    #expect(tally.count == 4)
    // 3 shares three bands; 2 and 7 two each (7 is newer); 1 one
    #expect(tally.best(3).map(\.handle) == [3, 7, 2])
    #expect(tally.best(3).map(\.bands) == [3, 2, 2])
    #expect(tally.best(10).map(\.handle) == [3, 7, 2, 1])
    #expect(tally.best(0).isEmpty)
  }

  @Test func theNearDuplicateSharesFarMoreBandsThanGenreNeighbours() throws {
    // what ranking candidates by shared bands relies on
    let original = seeds[1]
    let edited = editedCopy(original, phrases: 25, length: 20)
    let a = try #require(Signature(text: edited, rules: rules))
    func shared(_ text: String) throws -> Int {
      let b = try #require(Signature(text: text, rules: rules))
      return zip(a.bandKeys, b.bandKeys).filter { $0 == $1 }.count
    }
    let near = try shared(original)
    let others = try [0, 2, 3, 4].map { try shared(seeds[$0]) }
    print("bands shared by a 5%-edited copy of seed 001: original \(near), other seeds \(others)")
    #expect(near >= 10)
    #expect(others.allSatisfy { $0 <= 2 })
  }

  @Test func identicalTextsAreDuplicates() throws {
    let (overlap, match) = rules.compare(seeds[0], seeds[0])
    #expect(match == Match(relation: .duplicate, similarity: 1))
    #expect(overlap.jaccard == 1)
    #expect(Signature(text: seeds[0], rules: rules) == Signature(text: seeds[0], rules: rules))
  }

  @Test func fivePercentEditedCopyIsNearDuplicate() throws {
    let original = seeds[1]
    let edited = editedCopy(original, phrases: 25, length: 20)
    let changed = zip(original.unicodeScalars, edited.unicodeScalars).filter { $0 != $1 }.count
    let share = Double(changed) / Double(original.unicodeScalars.count)
    #expect(share > 0.04 && share < 0.06, "edited share \(share)")
    let (overlap, match) = rules.compare(edited, original)
    print("5%-edited copy of seed 001: \(changed) of \(original.unicodeScalars.count) characters edited, "
          + "Jaccard \(overlap.jaccard), relation \(match?.relation.rawValue ?? "none")")
    #expect(match?.relation == .nearDuplicate)
    #expect(overlap.jaccard > 0.7 && overlap.jaccard < 0.95)
    #expect(match?.similarity == roundedSimilarity(overlap.jaccard))
    // and LSH finds it as a candidate
    let index = LSHIndex()
    for (i, s) in seeds.enumerated() { index.insert(i, try #require(Signature(text: s, rules: rules))) }
    let candidates = index.candidates(try #require(Signature(text: edited, rules: rules)))
    #expect(candidates.contains(1))
  }

  @Test func theFiveSeedsAreNotFlaggedAgainstEachOther() throws {
    var worst = 0.0
    for i in 0..<seeds.count {
      for j in (i + 1)..<seeds.count {
        let (o, match) = rules.compare(seeds[i], seeds[j])
        #expect(match == nil, "seeds \(i) and \(j): \(String(describing: match))")
        #expect(o.jaccard < 0.1, "seeds \(i) and \(j) Jaccard \(o.jaccard)")
        #expect(max(o.containmentOfA, o.containmentOfB) < 0.3)
        worst = max(worst, o.jaccard)
      }
    }
    print("seed notices: highest pairwise Jaccard \(worst)")
    // LSH candidates among them (if any) are dropped by the signature pre-check before the exact check
    let index = LSHIndex()
    var signatures: [Signature] = []
    var candidatePairs = 0
    for (i, s) in seeds.enumerated() {
      let sig = try #require(Signature(text: s, rules: rules))
      for c in index.candidates(sig) {
        candidatePairs += 1
        let n = shingleScalars(s, rules: rules).count, m = shingleScalars(seeds[c], rules: rules).count
        #expect(!rules.worthVerifying(sig, sizeA: n, signatures[c], sizeB: m), "seeds \(c) and \(i)")
      }
      index.insert(i, sig)
      signatures.append(sig)
    }
    #expect(candidatePairs <= 1)
  }

  @Test func aForwardingNoticeWithMuchOwnTextContainsTheOriginal() throws {
    let original = seeds[0]
    let wrapper = "转发市人民政府办公厅关于医药卫生体制改革工作的通知\n各镇人民政府：\n" + original + "\n" + seeds[2]
    let (o, match) = rules.compare(wrapper, original)
    #expect(o.jaccard < rules.nearDuplicate)
    #expect(match?.relation == .contains, "\(o)")
    #expect((match?.similarity ?? 0) > 0.95)
    // found through LSH and kept by the signature pre-check
    let index = LSHIndex()
    let a = try #require(Signature(text: original, rules: rules)), b = try #require(Signature(text: wrapper, rules: rules))
    index.insert(0, a)
    #expect(index.candidates(b) == [0], "Jaccard \(o.jaccard)")
    #expect(rules.worthVerifying(b, sizeA: o.countA, a, sizeB: o.countB))
    let (_, back) = rules.compare(original, wrapper)
    #expect(back?.relation == .containedIn)
  }

  @Test func seed004WrapsTheNoticeItForwards() throws {
    // 004 is 桓台县's forwarding notice around 淄政办发〔2013〕57号; the wrapped notice alone is
    // almost all of it, so the two are near-duplicates (Jaccard above the threshold).
    let forwarding = seeds[4]
    let start = try #require(forwarding.range(of: "淄博市人民政府办公厅\n关于深化"))
    let wrapped = String(forwarding[start.lowerBound...])
    let (o, match) = rules.compare(forwarding, wrapped)
    print("seed 004 vs the notice it forwards: Jaccard \(o.jaccard), containment \(o.containmentOfB)")
    #expect(o.containmentOfB > 0.99)
    #expect(match?.relation == .nearDuplicate)
  }

  @Test func shortTextsDoNotAllCollide() throws {
    let shorts = ["通知", "关于", "一、", "附件", "（一）", "特此通知", "abc", "x"]
    var signatures: [Signature] = []
    for s in shorts {
      #expect(ShingleSet(text: s, rules: rules).count == 1)
      signatures.append(try #require(Signature(text: s, rules: rules)))
    }
    #expect(Set(signatures.map(\.values)).count == shorts.count)
    let index = LSHIndex()
    for (i, sig) in signatures.enumerated() {
      #expect(index.candidates(sig).isEmpty, "\(shorts[i]) collides with an earlier short text")
      index.insert(i, sig)
    }
    for i in 0..<shorts.count {
      for j in 0..<shorts.count where i != j { #expect(rules.compare(shorts[i], shorts[j]).match == nil) }
    }
    #expect(rules.compare("特此通知", "特此通知").match?.relation == .duplicate)
    // nothing to shingle: no fingerprint, never linked
    #expect(Signature(text: "", rules: rules) == nil)
    #expect(Signature(text: " \n\t　", rules: rules) == nil)
    #expect(rules.compare("", "").match == nil)
  }

  @Test func signaturesAreDeterministicAndIgnoreWrapping() throws {
    let a = try #require(Signature(text: seeds[3], rules: rules))
    let b = try #require(Signature(text: seeds[3], rules: rules))
    #expect(a == b)
    #expect(a.values.count == 128 && a.bandKeys.count == rules.bands)
    #expect(Signature.values(fromBytes: a.bytes) == a.values)
    // line wrapping and spacing do not matter
    var rewrapped = ""
    for (i, ch) in seeds[3].replacingOccurrences(of: "\n", with: "").enumerated() {
      rewrapped.append(ch)
      if i % 37 == 36 { rewrapped += "\n  " }
    }
    #expect(Signature(text: rewrapped, rules: rules) == a)
    // another seed changes the signature
    var other = rules
    other.seed = 42
    #expect(Signature(text: seeds[3], rules: other) != a)
  }

  @Test func minhashEstimateTracksExactJaccard() throws {
    let original = seeds[2]
    for phrases in [10, 40, 120] {
      let edited = editedCopy(original, phrases: phrases, length: 15)
      let exact = rules.compare(original, edited).overlap.jaccard
      let estimate = try #require(Signature(text: original, rules: rules))
        .estimatedJaccard(try #require(Signature(text: edited, rules: rules)))
      #expect(abs(exact - estimate) < 0.15, "phrases \(phrases): exact \(exact), estimate \(estimate)")
    }
  }

  @Test func estimateFromStoredBytesEqualsTheDecodedOne() throws {
    let a = try #require(Signature(text: seeds[2], rules: rules))
    let b = try #require(Signature(text: editedCopy(seeds[2], phrases: 40, length: 15), rules: rules))
    let stored = b.bytes
    #expect(stored.withUnsafeBytes { a.estimatedJaccard(storedBytes: $0) } == a.estimatedJaccard(b))
    #expect(stored.dropLast(8).withUnsafeBytes { a.estimatedJaccard(storedBytes: $0) } == nil)
  }

  @Test func fastWhitespaceTestAgreesWithUnicode() {
    var disagreements: [UInt32] = []
    for v in UInt32(0)...0x10FFFF {
      guard let s = Unicode.Scalar(v) else { continue }
      if isSpace(s) != s.properties.isWhitespace { disagreements.append(v) }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
  }

  @Test func signatureCost() throws {
    let text = seeds.joined()
    let scalars = shingleScalars(text, rules: rules)
    let start = DispatchTime.now()
    let n = 20
    for _ in 0..<n { _ = Signature(scalars: scalars, rules: rules) }
    let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6 / Double(n)
    print("signature of \(scalars.count) characters: \(ms) ms")
    #expect(ms < 500)
  }
}

@Suite struct BatchDuplicateLinkerTests {
  let rules = SimilarityRules.defaults

  func record(_ id: String, _ text: String) -> DocumentRecord {
    DocumentRecord(id: id, source: SourceInfo(path: id + ".txt", sha256: id, bytes: text.utf8.count, format: "text",
                                              encoding: "UTF-8"),
                   generator: GeneratorInfo(version: "t", rules: "r"), title: nil, docNumber: nil, issuer: nil,
                   date: nil, published: nil, recipients: [], attachments: [], forwarded: nil, text: text,
                   textSha256: sha256Hex(text), removed: [], duplicates: [], warnings: [], stats: [:])
  }

  /// Sixty edited copies of one notice (a notice forwarded by every county): each copy is linked,
  /// but verifies at most `max_candidates` earlier copies and each copy's shingle set is computed
  /// once, so the work grows linearly with the cluster, not quadratically.
  @Test func aLargeClusterOfCopiesCostsLinearWork() throws {
    let linker = BatchDuplicateLinker(rules: rules)
    let n = 60
    var linked = 0
    for i in 0..<n {
      let links = linker.link(record("c\(i)", editedCopy(seeds[2], phrases: 3 + i % 7, length: 10 + i % 5)))
      #expect(links.count <= rules.maxLinks)
      if !links.isEmpty { linked += 1 }
    }
    #expect(linked == n - 1, "every copy after the first finds an earlier one")
    #expect(linker.verifications <= n * rules.maxCandidates)
    #expect(linker.verifications > n)
    #expect(linker.setsComputed <= n, "each copy's shingle set is computed once")
  }

  @Test func linksLaterToEarlierAndPatchesTheReverseLinks() throws {
    let docs = [
      record("a0", seeds[0]), record("a1", seeds[1]), record("a2", editedCopy(seeds[0], phrases: 20, length: 20)),
      record("a3", seeds[0]), record("a4", ""), record("a5", ""),
    ]
    let linker = BatchDuplicateLinker(rules: rules)
    var lines: [DocumentRecord] = []
    for d in docs {
      var d = d
      d.duplicates = linker.link(d)
      lines.append(d)
    }
    #expect(lines[0].duplicates.isEmpty && lines[1].duplicates.isEmpty)
    #expect(lines[2].duplicates.map(\.documentId) == ["a0"])
    #expect(lines[2].duplicates.first?.relation == "near_duplicate")
    #expect(lines[3].duplicates == [DuplicateLink(documentId: "a0", relation: "duplicate", similarity: 1)])
    #expect(lines[4].duplicates.isEmpty && lines[5].duplicates.isEmpty, "empty notices are never linked")
    #expect(linker.documentsWithReverseLinks == 1)

    let dir = CLI.tempDir("linker")
    let path = dir.appendingPathComponent("documents.jsonl").path
    let w = try AtomicFileWriter(path: path)
    for d in lines { try w.writeLine(RecordEncoder().line(d)) }
    try w.commit()
    let before = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    let patched = try AtomicFileWriter(path: path)
    try linker.rewriteDocuments(from: path, into: patched)
    try patched.commit()
    let after = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(after.count == before.count)
    for i in 1..<after.count { #expect(after[i] == before[i], "line \(i) should be copied as it was") }
    let first = try JSONDecoder().decode(DocumentRecord.self, from: Data(after[0].utf8))
    #expect(first.duplicates.map(\.documentId) == ["a3", "a2"])
    #expect(first.duplicates.map(\.relation) == ["duplicate", "near_duplicate"])
    #expect(first.duplicates.last?.similarity == lines[2].duplicates.first?.similarity)
  }
}

/// The radix sort behind `ShingleSet` agrees with the standard library on every size class
/// (below and above the radix cut-off), with repeats and with values using all 32 bits.
@Suite struct SortedUniqueTests {
  @Test(arguments: [0, 1, 2, 255, 256, 257, 1000, 20_000])
  func matchesSetSorting(count: Int) {
    var rng = SystemRandomNumberGenerator()
    for spread in [UInt32.max, 5000, 3] {
      let values = (0..<count).map { _ in UInt32.random(in: 0...spread, using: &rng) }
      #expect(sortedUnique(values) == Array(Set(values)).sorted())
    }
  }
}
