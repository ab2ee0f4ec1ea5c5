import GongwenCore

/// Compiled near-duplicate detection settings, from `Rules/similarity.yaml`.
///
/// Used by `process` (links between the notices of one batch) and by the archive
/// (links between a new notice and every archived one).
public struct SimilarityRules: RuleFile, Equatable {
  public static let fileName = "similarity.yaml"

  /// Characters per shingle (character n-gram).
  public var shingleSize: Int
  /// MinHash values per signature (one-permutation hashing bins).
  public var signatureSize: Int
  /// LSH bands; `bands * rows` values of the signature are used.
  public var bands: Int
  /// Signature values per band.
  public var rows: Int
  /// Jaccard similarity at or above which two notices are `near_duplicate`.
  public var nearDuplicate: Double
  /// Containment (share of the smaller notice's shingles found in the larger) at or above which
  /// the larger `contains` the smaller, when their Jaccard is below `nearDuplicate`.
  public var containment: Double
  /// Most links kept per notice (highest similarity first).
  public var maxLinks: Int
  /// LSH candidates whose signature-estimated Jaccard and containment are both further than this
  /// below their thresholds are dropped without the exact check.
  public var estimateMargin: Double
  /// Most LSH candidates compared per notice: candidates are ranked by the number of bands they
  /// share with the notice (an estimate of their similarity) and only the best are compared, so the
  /// cost of a lookup does not grow with the archive.
  public var maxCandidates: Int
  /// Most members read from one LSH bucket per lookup: a bucket shared by many notices (common
  /// boilerplate) contributes at most this many candidates.
  public var maxBucket: Int
  /// Seed of the hash functions; changing it changes every stored signature.
  public var seed: UInt64
  /// Drop whitespace before shingling (copies differing only in wrapping then match).
  public var skipWhitespace: Bool

  /// The YAML as written. Unknown keys are rejected by the loader.
  public struct Raw: Decodable, Sendable {
    public var version: Int
    public var shingleSize: Located<Int>
    public var signatureSize: Located<Int>
    public var bands: Located<Int>
    public var rows: Located<Int>
    public var nearDuplicate: Located<Double>
    public var containment: Located<Double>
    public var maxLinks: Located<Int>
    public var estimateMargin: Located<Double>
    public var maxCandidates: Located<Int>
    public var maxBucket: Located<Int>
    public var seed: Located<UInt64>
    public var skipWhitespace: Bool

    enum CodingKeys: String, CodingKey {
      case version, shingleSize = "shingle_size", signatureSize = "signature_size", bands, rows,
        nearDuplicate = "near_duplicate", containment, maxLinks = "max_links", estimateMargin = "estimate_margin",
        maxCandidates = "max_candidates", maxBucket = "max_bucket", seed,
        skipWhitespace = "skip_whitespace"
    }
  }

  /// The bundled defaults (the same values as `Rules/similarity.yaml`), for tests and tools.
  public static let defaults = SimilarityRules(
    shingleSize: 5, signatureSize: 128, bands: 42, rows: 3, nearDuplicate: 0.6, containment: 0.8, maxLinks: 20,
    estimateMargin: 0.2, maxCandidates: 32, maxBucket: 16, seed: 0x6A09_E667_F3BC_C908, skipWhitespace: true)

  public init(shingleSize: Int, signatureSize: Int, bands: Int, rows: Int, nearDuplicate: Double,
              containment: Double, maxLinks: Int, estimateMargin: Double, maxCandidates: Int, maxBucket: Int,
              seed: UInt64, skipWhitespace: Bool) {
    self.shingleSize = shingleSize
    self.signatureSize = signatureSize
    self.bands = bands
    self.rows = rows
    self.nearDuplicate = nearDuplicate
    self.containment = containment
    self.maxLinks = maxLinks
    self.estimateMargin = estimateMargin
    self.maxCandidates = maxCandidates
    self.maxBucket = maxBucket
    self.seed = seed
    self.skipWhitespace = skipWhitespace
  }

  public init(raw: Raw, file: String) throws(RuleErrors) {
    var problems: [RuleProblem] = []
    func at<T>(_ v: Located<T>) -> RuleLocation { v.location ?? RuleLocation(file: file, line: 1, column: 1) }
    if raw.version != 1 {
      problems.append(RuleProblem(RuleLocation(file: file, line: 1, column: 1), code: "R005",
                                  "unsupported rules version \(raw.version); this Gongwen reads version 1"))
    }
    func range(_ v: Located<Int>, _ name: String, _ r: ClosedRange<Int>) {
      if !r.contains(v.value) {
        problems.append(RuleProblem(at(v), code: "R005",
                                    "\(name) must be between \(r.lowerBound) and \(r.upperBound), not \(v.value)"))
      }
    }
    func unit(_ v: Located<Double>, _ name: String) {
      if !(v.value > 0 && v.value <= 1) {
        problems.append(RuleProblem(at(v), code: "R005", "\(name) must be a fraction in (0, 1], not \(v.value)"))
      }
    }
    range(raw.shingleSize, "shingle_size", 1...64)
    range(raw.signatureSize, "signature_size", 8...1024)
    range(raw.bands, "bands", 1...1024)
    range(raw.rows, "rows", 1...64)
    range(raw.maxLinks, "max_links", 1...10_000)
    range(raw.maxCandidates, "max_candidates", 1...100_000)
    range(raw.maxBucket, "max_bucket", 1...1_000_000)
    if raw.maxCandidates.value < raw.maxLinks.value {
      problems.append(RuleProblem(at(raw.maxCandidates), code: "R005",
                                  "max_candidates (\(raw.maxCandidates.value)) must be at least max_links (\(raw.maxLinks.value)), "
                                  + "or notices could get fewer links than max_links allows; raise max_candidates or lower max_links"))
    }
    unit(raw.nearDuplicate, "near_duplicate")
    unit(raw.containment, "containment")
    if !(raw.estimateMargin.value >= 0 && raw.estimateMargin.value <= 1) {
      problems.append(RuleProblem(at(raw.estimateMargin), code: "R005",
                                  "estimate_margin must be between 0 and 1, not \(raw.estimateMargin.value)"))
    }
    if raw.bands.value * raw.rows.value > raw.signatureSize.value {
      problems.append(RuleProblem(at(raw.bands), code: "R005",
                                  "bands × rows (\(raw.bands.value) × \(raw.rows.value)) exceeds signature_size \(raw.signatureSize.value)"))
    }
    if !problems.isEmpty { throw RuleErrors(problems) }
    self.init(shingleSize: raw.shingleSize.value, signatureSize: raw.signatureSize.value, bands: raw.bands.value,
              rows: raw.rows.value, nearDuplicate: raw.nearDuplicate.value, containment: raw.containment.value,
              maxLinks: raw.maxLinks.value, estimateMargin: raw.estimateMargin.value,
              maxCandidates: raw.maxCandidates.value, maxBucket: raw.maxBucket.value, seed: raw.seed.value,
              skipWhitespace: raw.skipWhitespace)
  }

  /// A short stable digest of the settings that shape signatures and band keys; an archive built with
  /// other settings must recompute its signatures.
  public var signatureParameters: String {
    "k\(shingleSize)-n\(signatureSize)-b\(bands)x\(rows)-s\(seed)-w\(skipWhitespace ? 1 : 0)"
  }
}
