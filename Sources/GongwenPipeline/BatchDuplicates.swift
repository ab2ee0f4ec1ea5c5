import Foundation
import GongwenCore
import GongwenEmit
import GongwenSimilarity

/// Fills `duplicates` between the notices of one batch (a post-pass over the pipeline's output).
///
/// Documents arrive in input order (whatever `--jobs`), so each new document is compared with the
/// earlier ones only: exact copies of the clean text by `text_sha256`, the rest through an LSH index
/// of MinHash signatures, every candidate verified with the exact Jaccard / containment of the two
/// shingle sets. The new document's links are known before it is written.
///
/// Links are kept symmetric: when document 7 is found to be a near-duplicate of document 2, document
/// 2 must say so too, but it has already been streamed out. The linker remembers these *reverse*
/// links (only for linked documents, so memory stays small) and `rewriteDocuments` patches them in
/// with one streaming pass over the finished documents file, copying every other line byte for
/// byte. Symmetry is chosen over later→earlier only links because a reader looking at one record
/// (or filtering `duplicates != []`) should see every relation without a join; determinism holds
/// because both directions depend only on input order.
///
/// Exact copies collapse onto the first copy: a later copy is linked (`duplicate`) to the first one
/// only and is not indexed again, so near-duplicates of it link to the first copy.
/// Texts with nothing to shingle (empty notices) are never linked.
public final class BatchDuplicateLinker {
  public let rules: SimilarityRules

  private struct Entry {
    var id: String
    var text: String
    var shingles: ShingleSet?
  }

  private var entries: [Entry] = []
  private var firstByText: [String: Int] = [:]
  private let index = LSHIndex()
  /// Reverse links to add, by document line number (0-based).
  private var reverse: [Int: [DuplicateLink]] = [:]

  public init(rules: SimilarityRules) { self.rules = rules }

  /// Number of documents that will gain links in `rewriteDocuments`.
  public var documentsWithReverseLinks: Int { reverse.count }

  /// The links of the next document of the batch (to earlier documents), most similar first.
  /// Call once per document, in output order.
  public func link(_ doc: DocumentRecord) -> [DuplicateLink] {
    let line = entries.count
    let scalars = shingleScalars(doc.text, rules: rules)
    if scalars.isEmpty {
      entries.append(Entry(id: doc.id, text: "", shingles: nil))
      return []
    }
    if let first = firstByText[doc.textSha256] {
      entries.append(Entry(id: doc.id, text: "", shingles: nil))
      let other = entries[first].id
      if other == doc.id { return [] }  // the same bytes given twice: the same record
      addReverse(first, DuplicateLink(documentId: doc.id, relation: Relation.duplicate.rawValue, similarity: 1))
      return [DuplicateLink(documentId: other, relation: Relation.duplicate.rawValue, similarity: 1)]
    }
    firstByText[doc.textSha256] = line
    guard let signature = Signature(scalars: scalars, rules: rules) else {
      entries.append(Entry(id: doc.id, text: "", shingles: nil))
      return []
    }
    var found: [(Int, DuplicateLink)] = []
    let candidates = index.candidates(signature)
    if !candidates.isEmpty {
      let mine = ShingleSet(scalars: scalars, rules: rules)
      for c in candidates where entries[c].id != doc.id {
        let theirs = shingles(c)
        if let m = rules.classify(Overlap(mine, theirs)) {
          found.append((c, DuplicateLink(documentId: entries[c].id, relation: m.relation.rawValue,
                                         similarity: m.similarity)))
        }
      }
    }
    let kept = sortLinks(found.map(\.1)).prefix(rules.maxLinks)
    let keptIDs = Set(kept.map(\.documentId))
    for (c, l) in found where keptIDs.contains(l.documentId) {
      let inverse = (Relation(rawValue: l.relation) ?? .nearDuplicate).inverse
      addReverse(c, DuplicateLink(documentId: doc.id, relation: inverse.rawValue, similarity: l.similarity))
    }
    entries.append(Entry(id: doc.id, text: doc.text, shingles: nil))
    index.insert(line, signature)
    return Array(kept)
  }

  private func shingles(_ i: Int) -> ShingleSet {
    if let s = entries[i].shingles { return s }
    let s = ShingleSet(text: entries[i].text, rules: rules)
    entries[i].shingles = s
    return s
  }

  private func addReverse(_ line: Int, _ link: DuplicateLink) {
    reverse[line, default: []].append(link)
  }

  /// Copies the documents file at `path` (one record per line, in the order `link` saw them) into
  /// `writer`, adding the reverse links; lines without any are copied byte for byte.
  /// The caller commits `writer` (normally over `path`).
  public func rewriteDocuments(from path: String, into writer: AtomicFileWriter) throws(StageFailure) {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw StageFailure(stage: "emit", code: "output_unreadable", message: "cannot reopen \(path) to add duplicate links")
    }
    defer { try? handle.close() }
    let encoder = RecordEncoder()
    let decoder = JSONDecoder()
    var pending = Data()
    var lineNumber = 0

    func emit(_ line: Data) throws(StageFailure) {
      defer { lineNumber += 1 }
      guard let extra = reverse[lineNumber] else { return try writer.writeLine(line) }
      let record: DocumentRecord
      do { record = try decoder.decode(DocumentRecord.self, from: line) } catch {
        throw StageFailure(stage: "emit", code: "output_unreadable",
                           message: "\(path) line \(lineNumber + 1) is not a document record: \(error)")
      }
      var patched = record
      var seen = Set(record.duplicates.map { $0.documentId + "\u{0}" + $0.relation })
      var all = record.duplicates
      for l in extra where seen.insert(l.documentId + "\u{0}" + l.relation).inserted { all.append(l) }
      patched.duplicates = Array(sortLinks(all).prefix(rules.maxLinks))
      try writer.writeLine(encoder.line(patched))
    }

    while true {
      let chunk: Data
      do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
        throw StageFailure(stage: "emit", code: "output_unreadable", message: "cannot read \(path): \(error)")
      }
      if chunk.isEmpty { break }
      pending.append(chunk)
      var start = pending.startIndex
      while let nl = pending[start...].firstIndex(of: 0x0A) {
        try emit(Data(pending[start..<nl]))
        start = pending.index(after: nl)
      }
      pending = Data(pending[start...])
    }
    if !pending.isEmpty { try emit(pending) }
  }
}
