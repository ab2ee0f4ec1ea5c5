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

  /// What stays in memory per document: its id and where its signature and text are in the spill
  /// file. Texts and signatures are spilled so that memory does not grow with the batch's text
  /// (about 100 bytes per document plus its LSH band keys stay in memory).
  private struct Entry {
    var id: String
    /// Offset of the signature (then the UTF-8 text) in the spill; -1 when not indexed.
    var offset: Int64 = -1
    var textBytes: Int32 = 0
    /// Shingle positions (for the containment estimate).
    var length: Int32 = 0
    /// Offset of the document's shingle set in the spill once computed (-1 before): each set is
    /// computed at most once per batch, however often the document is a candidate.
    var setOffset: Int64 = -1
    var setCount: Int32 = 0
  }

  private var entries: [Entry] = []
  private var firstByText: [TextKey: Int] = [:]
  private let index = CompactLSHIndex()
  private let spill = Spill()
  /// Shingle sets computed for verification (candidates cluster: copies of one notice keep
  /// meeting it). Bounded, so that memory does not grow with the number of duplicates in the batch:
  /// each set is ~4 bytes per character of its notice.
  private var shingleCache: [Int: ShingleSet] = [:]
  private static let shingleCacheLimit = 32
  /// The signatures of the last `recentLimit` indexed documents, by line number modulo the limit
  /// (each `(line, values)`): most candidates are served from here instead of a read from the
  /// spill (a system call and two arrays each, 25 per document). Bounded: 4 MB.
  private var recent: [(line: Int, values: [UInt64])] = []
  private static let recentLimit = 4096
  /// Reads back the text of a document (by its line number, 0-based, in `link` order) from where the
  /// caller wrote it. When set (before the first `link`), the spill keeps no texts, only signatures
  /// and shingle sets: a text is needed again only when its document turns up as a candidate before
  /// its shingle set was computed (about one document in ten), and writing every text once more
  /// cost more than reading those few back.
  public var storedText: ((Int) -> String?)?
  /// Reverse links to add, by document line number (0-based).
  private var reverse: [Int: [DuplicateLink]] = [:]

  public init(rules: SimilarityRules) { self.rules = rules }

  /// Candidates verified with exact shingle sets so far, and shingle sets computed (each document's
  /// at most once): what the `max_candidates` / `max_bucket` caps bound.
  public private(set) var verifications = 0
  public private(set) var setsComputed = 0

  /// Number of documents that will gain links in `rewriteDocuments`.
  public var documentsWithReverseLinks: Int { reverse.count }

  /// The part of `link` that depends only on the document's text: its shingle scalars and MinHash
  /// signature. Thread-safe, so `BatchRunner` workers compute it in parallel; `link` then only
  /// looks up and verifies candidates.
  public struct Prepared: Sendable {
    let scalars: [Unicode.Scalar]
    let signature: Signature?
  }

  public static func prepare(_ doc: DocumentRecord, rules: SimilarityRules) -> Prepared {
    prepared(shingleScalars(doc.text, rules: rules), rules: rules)
  }

  /// The same from the pipeline's output, whose clean scalars are the document's text already
  /// decoded (`document.text` is built from them).
  public static func prepare(_ output: PipelineOutput, rules: SimilarityRules) -> Prepared {
    prepared(shingleScalars(output.clean.scalars, rules: rules), rules: rules)
  }

  private static func prepared(_ scalars: [Unicode.Scalar], rules: SimilarityRules) -> Prepared {
    Prepared(scalars: scalars, signature: scalars.isEmpty ? nil : Signature(scalars: scalars, rules: rules))
  }

  /// The links of the next document of the batch (to earlier documents), most similar first.
  /// Call once per document, in output order; `prepared` (from `prepare`) saves recomputing the
  /// signature.
  public func link(_ doc: DocumentRecord, prepared: Prepared? = nil) -> [DuplicateLink] {
    let line = entries.count
    let scalars = prepared?.scalars ?? shingleScalars(doc.text, rules: rules)
    if scalars.isEmpty {
      entries.append(Entry(id: doc.id))
      return []
    }
    let key = TextKey(doc.textSha256)
    if let first = firstByText[key] {
      entries.append(Entry(id: doc.id))
      let other = entries[first].id
      if other == doc.id { return [] }  // the same bytes given twice: the same record
      addReverse(first, DuplicateLink(documentId: doc.id, relation: Relation.duplicate.rawValue, similarity: 1))
      return [DuplicateLink(documentId: other, relation: Relation.duplicate.rawValue, similarity: 1)]
    }
    firstByText[key] = line
    guard let signature = prepared != nil ? prepared?.signature : Signature(scalars: scalars, rules: rules) else {
      entries.append(Entry(id: doc.id))
      return []
    }
    var found: [(Int, DuplicateLink)] = []
    let length = max(1, scalars.count - rules.shingleSize + 1)
    let candidates = index.candidates(signature, maxBucket: rules.maxBucket, maxCandidates: rules.maxCandidates)
      .filter { c in
      guard entries[c].id != doc.id, let theirs = storedSignature(c) else { return false }
      return rules.worthVerifying(signature, sizeA: length, theirs, sizeB: Int(entries[c].length))
    }
    var verifiedSet: ShingleSet? = nil
    if !candidates.isEmpty {
      let mine = ShingleSet(scalars: scalars, rules: rules)
      verifiedSet = mine
      setsComputed += 1
      for c in candidates {
        guard let theirs = shingles(c) else { continue }
        verifications += 1
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
    var entry = Entry(id: doc.id, length: Int32(clamping: length))
    let text = storedText == nil ? Array(doc.text.utf8) : []
    if let at = spill.append(signature.bytes + text) {
      entry.offset = at
      entry.textBytes = Int32(clamping: text.count)
      index.insert(Int32(line), signature)
      let slot = line % Self.recentLimit
      while recent.count <= slot { recent.append((line: -1, values: [])) }
      recent[slot] = (line: line, values: signature.values)
    }
    entries.append(entry)
    if let mine = verifiedSet { keep(mine, for: line) }
    return Array(kept)
  }

  private func storedSignature(_ i: Int) -> Signature? {
    if let r = recentSignature(i) { return Signature(values: r, bandKeys: []) }
    let e = entries[i]
    guard e.offset >= 0, let bytes = spill.read(at: e.offset, count: rules.signatureSize * 8),
      let values = Signature.values(fromBytes: bytes)
    else { return nil }
    return Signature(values: values, bandKeys: [])
  }

  private func recentSignature(_ i: Int) -> [UInt64]? {
    let slot = i % Self.recentLimit
    guard slot < recent.count, recent[slot].line == i else { return nil }
    return recent[slot].values
  }

  private func shingles(_ i: Int) -> ShingleSet? {
    if let s = shingleCache[i] { return s }
    let e = entries[i]
    if e.setOffset >= 0, let bytes = spill.read(at: e.setOffset, count: Int(e.setCount) * 4) {
      let hashes = bytes.withUnsafeBytes { raw in (0..<Int(e.setCount)).map { raw.load(fromByteOffset: $0 * 4, as: UInt32.self) } }
      let s = ShingleSet(sortedUnique: hashes)
      cache(s, for: i)
      return s
    }
    guard e.offset >= 0 else { return nil }
    let text: String
    if let storedText {
      guard let t = storedText(i) else { return nil }
      text = t
    } else {
      guard let bytes = spill.read(at: e.offset + Int64(rules.signatureSize * 8), count: Int(e.textBytes))
      else { return nil }
      text = String(decoding: bytes, as: UTF8.self)
    }
    let s = ShingleSet(text: text, rules: rules)
    setsComputed += 1
    keep(s, for: i)
    return s
  }

  /// Stores document `i`'s shingle set in the spill (so it is never computed again) and the cache.
  private func keep(_ s: ShingleSet, for i: Int) {
    cache(s, for: i)
    guard entries[i].setOffset < 0, entries[i].offset >= 0 else { return }
    let bytes = s.hashes.withUnsafeBytes { Array($0) }
    if let at = spill.append(bytes) {
      entries[i].setOffset = at
      entries[i].setCount = Int32(s.hashes.count)
    }
  }

  private func cache(_ s: ShingleSet, for i: Int) {
    if shingleCache.count >= Self.shingleCacheLimit { shingleCache.removeAll() }
    shingleCache[i] = s
  }

  private func addReverse(_ line: Int, _ link: DuplicateLink) {
    reverse[line, default: []].append(link)
  }

  /// Copies the documents file at `path` (one record per line, in the order `link` saw them) into
  /// `writer`, adding the reverse links; lines without any are copied byte for byte.
  /// The caller commits `writer` (normally over `path`).
  ///
  /// `releasingSource`: `path` is a temporary file the caller discards afterwards (the first pass's
  /// output). Its pages are then given back to the kernel as soon as they have been copied (a hole
  /// is punched behind the copy), so the new file is written into pages just freed instead of
  /// fresh ones: on a virtual machine a never-touched page costs several times more to fill than a
  /// recycled one, and this copy was one of the largest items of the run's system time.
  public func rewriteDocuments(from path: String, into writer: AtomicFileWriter,
                               releasingSource: Bool = false) throws(StageFailure) {
    let fd = open(path, releasingSource ? O_RDWR : O_RDONLY)
    guard fd >= 0 else {
      throw StageFailure(stage: "emit", code: "output_unreadable", message: "cannot reopen \(path) to add duplicate links")
    }
    defer { close(fd) }
    let encoder = RecordEncoder()
    let decoder = JSONDecoder()
    var lineNumber = 0

    func patched(_ line: UnsafeRawBufferPointer, _ extra: [DuplicateLink]) throws(StageFailure) -> Data {
      let record: DocumentRecord
      do { record = try decoder.decode(DocumentRecord.self, from: Data(line)) } catch {
        throw StageFailure(stage: "emit", code: "output_unreadable",
                           message: "\(path) line \(lineNumber + 1) is not a document record: \(error)")
      }
      var patched = record
      var seen = Set(record.duplicates.map { $0.documentId + "\u{0}" + $0.relation })
      var all = record.duplicates
      for l in extra where seen.insert(l.documentId + "\u{0}" + l.relation).inserted { all.append(l) }
      patched.duplicates = Array(sortLinks(all).prefix(rules.maxLinks))
      return try encoder.line(patched)
    }

    /// Copies the whole lines at the start of `raw` (and, `atEnd`, a last line without its newline);
    /// returns how many bytes that was. Lines without reverse links are copied in runs, straight from
    /// the buffer; line ends are found with memchr (iterating byte by byte through the Collection
    /// API costs a check per byte).
    func copyLines(_ raw: UnsafeRawBufferPointer, atEnd: Bool) throws(StageFailure) -> Int {
      guard let base = raw.baseAddress else { return 0 }
      var runStart = 0, s = 0
      while s < raw.count {
        let nl: Int
        if let hit = memchr(base + s, 0x0A, raw.count - s) {
          nl = base.distance(to: UnsafeRawPointer(hit))
        } else if atEnd {
          nl = raw.count  // a last line without its newline
        } else {
          break  // an unfinished line: completed by the next chunk
        }
        if let extra = reverse[lineNumber] {
          try writer.write(UnsafeRawBufferPointer(rebasing: raw[runStart..<s]))
          try writer.writeLine(patched(UnsafeRawBufferPointer(rebasing: raw[s..<nl]), extra))
          runStart = min(nl + 1, raw.count)
        } else if nl == raw.count {
          try writer.write(UnsafeRawBufferPointer(rebasing: raw[runStart..<nl]))
          try writer.write(Data([0x0A]))  // every line is written with its newline
          runStart = nl
        }
        lineNumber += 1
        s = nl + 1
      }
      let end = min(s, raw.count)
      try writer.write(UnsafeRawBufferPointer(rebasing: raw[runStart..<end]))
      return end
    }

    let chunkSize = 1 << 20
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    var pending: [UInt8] = []  // bytes read but not yet copied (an unfinished line, then a chunk)
    var offset: Int64 = 0  // of the next byte to read
    var released: Int64 = 0  // the source's bytes before this have been given back
    while true {
      var readError: Int32 = 0
      let n = chunk.withUnsafeMutableBytes { raw -> Int in
        while true {
          let r = pread(fd, raw.baseAddress, chunkSize, off_t(offset))
          if r < 0 && errno == EINTR { continue }
          if r < 0 { readError = errno }
          return r
        }
      }
      if n < 0 {
        throw StageFailure(stage: "emit", code: "output_unreadable",
                           message: "cannot read \(path): \(String(cString: strerror(readError)))")
      }
      offset += Int64(n)
      let atEnd = n == 0
      pending.append(contentsOf: chunk[0..<n])
      var copied: Result<Int, StageFailure> = .success(0)
      pending.withUnsafeBytes { raw in
        copied = Result { () throws(StageFailure) in try copyLines(raw, atEnd: atEnd) }
      }
      pending.removeFirst(try copied.get())
      if releasingSource {
        let upTo = (offset - Int64(pending.count)) & ~4095  // copied so far, in whole pages
        if upTo > released, punchHole(fd, from: released, to: upTo) { released = upTo }
      }
      if atEnd { break }
    }
  }
}

/// Frees the file's blocks and page-cache pages in `from..<to` without changing its size
/// (`fallocate(FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE)`); false when the file system or the C
/// library does not offer it (nothing is released then, which only costs memory).
private func punchHole(_ fd: Int32, from: Int64, to: Int64) -> Bool {
  #if os(Linux)
  guard let fallocate = PunchHole.fallocate else { return false }
  let punchHole: Int32 = 0x02, keepSize: Int32 = 0x01  // <linux/falloc.h>
  return fallocate(fd, punchHole | keepSize, from, to - from) == 0
  #else
  return false
  #endif
}

private enum PunchHole {
  /// `fallocate` is declared only under _GNU_SOURCE, which the Glibc module does not import: looked
  /// up by name (a nil handle is RTLD_DEFAULT).
  typealias Fallocate = @convention(c) (Int32, Int32, Int64, Int64) -> Int32
  static let fallocate: Fallocate? = dlsym(nil, "fallocate64").map { unsafeBitCast($0, to: Fallocate.self) }
}

/// 128 bits of a `text_sha256`, as a dictionary key without a heap string.
struct TextKey: Hashable {
  var hi: UInt64
  var lo: UInt64
  init(_ hex: String) {
    var h: UInt64 = 0, l: UInt64 = 0
    for (i, c) in hex.utf8.prefix(32).enumerated() {
      let v: UInt64
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt64(c - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): v = UInt64(c - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): v = UInt64(c - UInt8(ascii: "A") + 10)
      default: v = UInt64(c & 0x0F)
      }
      if i < 16 { h = h << 4 | v } else { l = l << 4 | v }
    }
    hi = h
    lo = l
  }
}

/// LSH index with the first document of each bucket stored inline (most buckets hold one).
final class CompactLSHIndex {
  private var first: [Int64: Int32] = [:]
  private var more: [Int64: [Int32]] = [:]

  func insert(_ handle: Int32, _ signature: Signature) {
    for key in signature.bandKeys {
      if first[key] == nil { first[key] = handle } else { more[key, default: []].append(handle) }
    }
  }

  /// Documents sharing a band with `signature`, as the archive picks them (`max_bucket`,
  /// `max_candidates` in similarity.yaml): at most `maxBucket` from one bucket, the latest first, and
  /// of those the `maxCandidates` sharing the most bands (ties: the later document), in ascending
  /// order. Without the caps a batch holding many copies of one notice (a notice forwarded by every
  /// county) compared each new copy with all earlier ones: quadratic in the cluster's size.
  func candidates(_ signature: Signature, maxBucket: Int, maxCandidates: Int) -> [Int] {
    var tally = BandTally()
    for key in signature.bandKeys {
      guard let h = first[key] else { continue }
      let rest = more[key] ?? []
      // newest first: the later members, then the bucket's first
      let newest = rest.reversed().prefix(maxBucket).map(Int64.init)
      tally.add(newest.count < maxBucket ? newest + [Int64(h)] : newest)
    }
    return tally.best(maxCandidates).map { Int($0.handle) }.sorted()
  }
}

/// An anonymous temporary file (unlinked at once, so nothing is left behind even on a crash) that
/// holds the batch's signatures and texts; falls back to memory when no file can be made.
final class Spill {
  private var fd: Int32 = -1
  private var end: Int64 = 0
  private var memory: [UInt8] = []

  init() {
    var template = Array((NSTemporaryDirectory() + "/gongwen-batch-XXXXXX").utf8CString)
    let f = template.withUnsafeMutableBufferPointer { buf -> Int32 in
      guard let base = buf.baseAddress else { return -1 }
      let f = mkstemp(base)
      if f >= 0 { unlink(base) }
      return f
    }
    fd = f
  }

  deinit { if fd >= 0 { close(fd) } }

  /// Appends `bytes`; returns their offset, or nil when they could not be stored.
  func append(_ bytes: [UInt8]) -> Int64? {
    let at = end
    if fd < 0 {
      memory.append(contentsOf: bytes)
      end += Int64(bytes.count)
      return at
    }
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { buf -> Int in
        guard let base = buf.baseAddress else { return 0 }
        return pwrite(fd, base + written, bytes.count - written, off_t(at) + off_t(written))
      }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return nil }
      written += n
    }
    end += Int64(bytes.count)
    return at
  }

  func read(at offset: Int64, count: Int) -> [UInt8]? {
    guard offset >= 0, count >= 0, offset + Int64(count) <= end else { return nil }
    if fd < 0 { return Array(memory[Int(offset)..<Int(offset) + count]) }
    var out = [UInt8](repeating: 0, count: count)
    var got = 0
    while got < count {
      let n = out.withUnsafeMutableBytes { buf -> Int in
        guard let base = buf.baseAddress else { return 0 }
        return pread(fd, base + got, count - got, off_t(offset) + off_t(got))
      }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return nil }
      got += n
    }
    return out
  }
}
