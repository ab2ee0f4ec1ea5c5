import Dispatch
import GongwenAttribute
import GongwenCore
import GongwenDedup
import GongwenIngest
import GongwenNormalize
import GongwenRules
import GongwenSegment

/// The Gongwen version written into every record's `generator`.
public let gongwenVersion = "0.1.0"

/// One input to the pipeline: a file's bytes, or a `--stdin` record's text.
public struct PipelineInput: Sendable {
  /// Path as given on the command line (nil for stdin records).
  public var path: String?
  public var bytes: [UInt8]
  /// For `--stdin`: the record's `id` and other fields.
  public var recordID: String?
  public var extra: [String: JSONValue]?
  /// `bytes` are known to be valid UTF-8 (a `--stdin` record's text, unescaped from a valid line), so
  /// Ingest need not validate them again.
  public var bytesAreValidUTF8: Bool

  public init(path: String?, bytes: [UInt8], recordID: String? = nil, extra: [String: JSONValue]? = nil,
              bytesAreValidUTF8: Bool = false) {
    self.path = path
    self.bytes = bytes
    self.recordID = recordID
    self.extra = extra
    self.bytesAreValidUTF8 = bytesAreValidUTF8
  }

  /// How to name this input in messages.
  public var displayName: String { path ?? recordID.map { "stdin record \($0)" } ?? "<stdin>" }
}

/// One processed notice.
public struct PipelineOutput: Sendable {
  public var document: DocumentRecord
  public var tasks: [TaskRecord]
  /// Intermediate results, for `normalize`, `--explain` and tests.
  public var source: SourceDocument
  public var clean: CleanText
  /// What the batch sink's `prepare` computed for this output on a worker thread (nil otherwise).
  public var sinkPayload: (any Sendable)? = nil
}

/// The six stages in their fixed order. A value type: make one per run, share it across threads.
public struct Pipeline: Sendable {
  public let rules: RuleSet
  let ingestor: Ingestor
  let normalizer: Normalizer
  let deduplicator: Deduplicator
  let segmenter: Segmenter
  let attributor: Attributor

  public init(rules: RuleSet) {
    self.rules = rules
    ingestor = Ingestor(rules: rules.ingest)
    normalizer = Normalizer(rules: rules.normalize)
    deduplicator = Deduplicator(rules: rules.dedup)
    segmenter = Segmenter(rules: rules.segment)
    attributor = Attributor(rules: rules.attribute)
  }

  /// The format a document's record and the batch report give: `stdin` for a `--stdin` record, else what Ingest read.
  static func format(of input: PipelineInput, _ source: SourceDocument) -> String {
    input.recordID != nil ? "stdin" : source.format
  }

  /// A document's id: the first 16 hex digits of its input bytes' SHA-256.
  static func documentID(sha256: String) -> String { String(sha256.prefix(16)) }

  /// Ingest alone: the decoded source, for an input whose bytes are an exact copy of an earlier input's (the batch reports
  /// its format and encoding without running the other stages).
  func ingest(_ input: PipelineInput) throws(StageFailure) -> SourceDocument {
    if input.recordID != nil || input.path == nil {
      return try ingestor.ingest(input.bytes, pathHint: nil, knownValidUTF8: input.bytesAreValidUTF8)
    }
    return try ingestor.ingest(input.bytes, pathHint: input.path)
  }

  /// Runs every stage on one input. Never traps on bad input: failures come back as `StageFailure`.
  ///
  /// `documentText: false` is for callers that never read the document's text (`process --output -`
  /// writes only tasks): `document.text` and `document.textSha256` are then left empty, which spares
  /// encoding the whole clean text once more and hashing it. Everything else is the same.
  public func process(_ input: PipelineInput, documentText: Bool = true) throws(StageFailure) -> PipelineOutput {
    var times = StageTimes()
    return try process(input, times: &times, documentText: documentText)
  }

  /// `process` that also adds each stage's wall time to `times` (for `gongwen bench stages`).
  public func process(_ input: PipelineInput, times: inout StageTimes, documentText: Bool = true) throws(StageFailure)
    -> PipelineOutput
  {
    try process(input, times: &times, documentText: documentText, sha256: nil)
  }

  /// `process` with the input bytes' SHA-256 (lowercase hex) already computed (the batch computes it to spot exact copies).
  func process(_ input: PipelineInput, times: inout StageTimes, documentText: Bool, sha256 known: String?) throws(StageFailure)
    -> PipelineOutput
  {
    var clock = DispatchTime.now().uptimeNanoseconds
    func lap(_ slot: inout UInt64) {
      let now = DispatchTime.now().uptimeNanoseconds
      slot &+= now &- clock
      clock = now
    }
    let sha = known ?? sha256Hex(input.bytes)
    let docID = Self.documentID(sha256: sha)
    let source = try ingest(input)
    lap(&times.ingest)
    let normalized = try normalizer.normalize(source.text)
    lap(&times.normalize)
    var deduped = try deduplicator.dedup(normalized)
    lap(&times.dedup)
    let clean = deduped.text
    // Dedup works on clean text and knows only source *spans*; give its removals the source text
    // they cover, so every `removed[].text` is as it was in the source.
    if deduped.removed.contains(where: { $0.stage == "dedup" }) {
      Self.fillSourceTexts(of: &deduped.removed, stage: "dedup", from: source.text)
    }
    let outline = try segmenter.segment(clean, pageTitle: source.pageTitle, pagePublished: source.pagePublished)
    lap(&times.segment)
    let attributed = try attributor.attribute(outline, text: clean)
    lap(&times.attribute)

    let tasks = Self.tasks(documentID: docID, outline: outline, attributed: attributed, text: clean)
    var warnings = source.warnings + deduped.warnings + outline.warnings + attributed.warnings
    if clean.scalars.allSatisfy({ $0.properties.isWhitespace }) {
      warnings.append(DocumentWarning(code: "empty_notice", stage: "pipeline", message: "the notice has no text"))
    } else if tasks.isEmpty {
      warnings.append(DocumentWarning(code: "no_numbered_clauses", stage: "pipeline",
                                      message: "no numbered clauses found; the document has no tasks"))
    }
    var stats = deduped.stats
    stats["source_chars"] = clean.sourceLength
    stats["clean_chars"] = clean.count
    stats["removed_chars"] = deduped.removed.reduce(0) { $0 + $1.span.length }
    stats["tasks"] = tasks.count
    var attributedCount = 0  // (counted in place: `filter` copied every attributed task record)
    for i in tasks.indices where tasks[i].attribution != nil { attributedCount += 1 }
    stats["tasks_attributed"] = attributedCount

    let text = documentText ? String(scalars: clean.scalars) : ""
    let meta = outline.metadata
    let doc = DocumentRecord(
      id: docID,
      source: SourceInfo(path: input.path, sha256: sha, bytes: input.bytes.count,
                         format: Self.format(of: input, source), encoding: source.encoding,
                         id: input.recordID, extra: input.extra),
      generator: GeneratorInfo(version: gongwenVersion, rules: rules.hash),
      title: meta.title, docNumber: meta.docNumber, issuer: meta.issuer, date: meta.date,
      published: meta.published, recipients: meta.recipients, attachments: meta.attachments,
      forwarded: meta.forwarded, text: text, textSha256: documentText ? sha256Hex(text) : "", removed: deduped.removed,
      duplicates: [], warnings: warnings, stats: stats)
    lap(&times.records)
    return PipelineOutput(document: doc, tasks: tasks, source: source, clean: clean)
  }

  /// Sets `text` of every removal of `stage` to the source text its span covers (scalar offsets,
  /// clamped to the text). Read straight from the source's UTF-8 in one forward walk over the spans
  /// in order, instead of decoding the whole source into scalars and encoding each span again (the
  /// same bytes: a String's UTF-8 is the encoding of its scalars).
  static func fillSourceTexts(of removed: inout [Removal], stage: String, from source: String) {
    let order = removed.indices.filter { removed[$0].stage == stage }
      .sorted { (max(0, removed[$0].span.start), $0) < (max(0, removed[$1].span.start), $1) }
    if order.isEmpty { return }
    var source = source
    source.withUTF8 { b in
      let n = b.count
      /// Moves (scalar, byte) forward to scalar `k`, or to the end of the text. Whole words of 8
      /// bytes are stepped over while the scalar starting at `k` is not in them (scalar starts are
      /// the bytes that are not continuation bytes, counted as in `scalarsOf`).
      @inline(__always) func advance(_ scalar: inout Int, _ byte: inout Int, to k: Int) {
        if scalar >= k { return }
        var count = scalar, at = byte  // `count`: scalar starts before `at`
        if let base = b.baseAddress {
          let raw = UnsafeRawPointer(base)
          while at &+ 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            let starts = 8 &- (w & ~(w &<< 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            if count &+ starts > k { break }
            count &+= starts
            at &+= 8
          }
        }
        // byte by byte to the start of scalar `k` (`at` may be inside a scalar here)
        while at < n {
          if b[at] & 0xC0 != 0x80 {
            if count == k { break }
            count &+= 1
          }
          at &+= 1
        }
        scalar = at < n ? k : count
        byte = at
      }
      var scalar = 0, byte = 0  // at the start of the current span
      for i in order {
        let r = removed[i].span
        let lo = max(0, r.start), hi = max(lo, r.end)
        advance(&scalar, &byte, to: lo)
        var endScalar = scalar, endByte = byte
        advance(&endScalar, &endByte, to: hi)
        removed[i].text = String(uncheckedUTF8: UnsafeBufferPointer(rebasing: b[byte..<endByte]))
      }
    }
  }

  /// Builds task records from units and their attributions.
  static func tasks(documentID: String, outline: Outline, attributed: AttributedOutline, text: CleanText) -> [TaskRecord] {
    var out: [TaskRecord] = []
    out.reserveCapacity(outline.units.count)
    let scalars = text.scalars
    let n = scalars.count
    func clamp(_ r: Range<Int>) -> Range<Int> {
      let lo = max(0, min(r.lowerBound, n))
      return lo..<max(lo, min(r.upperBound, n))
    }
    var kept: [Unicode.Scalar] = []  // reused for every unit with an attribution inside its body
    for (i, unit) in outline.units.enumerated() {
      let attribution = i < attributed.attributions.count ? attributed.attributions[i] : nil
      // the body minus every attribution in it (a unit may have several: `extraRanges`),
      // trimmed, built from the scalars once
      let bodyRange = clamp(unit.bodyRange)
      let outside = attribution?.rangesOutsideText ?? []
      let body: String
      if !outside.contains(where: { $0.lowerBound >= bodyRange.lowerBound && bodyRange.contains($0.lowerBound) }) {
        // nothing to cut out (most units): trimmed straight from the text
        body = trimmedString(scalars[bodyRange])
      } else {
        kept.removeAll(keepingCapacity: true)
        var at = bodyRange.lowerBound
        for r in outside where r.lowerBound >= at && bodyRange.contains(r.lowerBound) {
          kept += scalars[at..<r.lowerBound]
          at = min(r.upperBound, bodyRange.upperBound)
        }
        if at < bodyRange.upperBound { kept += scalars[at..<bodyRange.upperBound] }
        body = trimmedString(kept)
      }
      out.append(TaskRecord(
        id: documentID + ":" + unit.path.map(String.init).joined(separator: "."),
        documentId: documentID, path: unit.path, markers: unit.markers, heading: unit.heading, text: body,
        attribution: attribution?.raw, departmentsRaw: attribution?.departmentsRaw ?? [],
        departments: attribution?.departments ?? [], lead: attribution?.lead ?? [],
        responsible: attribution?.responsible ?? [], participating: attribution?.participating ?? [],
        span: Span(unit.ownRange)))
    }
    return out
  }
}

/// The scalars as a String, without leading and trailing whitespace.
func trimmedString<C: RandomAccessCollection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
  var lo = scalars.startIndex, hi = scalars.endIndex
  while lo < hi, isWhitespace(scalars[lo]) { lo = scalars.index(after: lo) }
  while lo < hi, isWhitespace(scalars[scalars.index(before: hi)]) { hi = scalars.index(before: hi) }
  return String(scalars: scalars[lo..<hi])
}

/// `properties.isWhitespace` (Unicode White_Space), without the property lookup for printable ASCII
/// and for everything past U+3000, the last White_Space character (all of Han, CJK punctuation).
@inline(__always) func isWhitespace(_ c: Unicode.Scalar) -> Bool {
  let v = c.value
  if v > 0x3000 || (v > 0x20 && v < 0x7F) { return false }
  return c.properties.isWhitespace
}

extension Pipeline {
  /// The canonical form of a department name under the current rules (alias lexicon),
  /// used by evaluation to compare names on both sides.
  /// The canonical form of a department name for comparisons (`gongwen eval`): brackets folded to full
  /// width as Normalize writes them in Chinese text (a key copied from the raw page may hold
  /// `县发改局(粮食局)` where the clean text has `县发改局（粮食局）`), then the alias lexicon.
  public func canonicalDepartment(_ name: String) -> String {
    rules.attribute.canonicalName(foldBrackets(name))
  }

}

/// Wall time per stage in nanoseconds, summed over the documents `Pipeline.process(_:times:)` ran on.
/// `ingest` includes hashing the input bytes; `records` is building the task and document records.
public struct StageTimes: Sendable {
  public var ingest: UInt64 = 0
  public var normalize: UInt64 = 0
  public var dedup: UInt64 = 0
  public var segment: UInt64 = 0
  public var attribute: UInt64 = 0
  public var records: UInt64 = 0
  public init() {}
}
