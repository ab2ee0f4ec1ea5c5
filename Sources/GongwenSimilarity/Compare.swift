import GongwenCore

/// How one notice relates to another (from the first notice's point of view).
public enum Relation: String, Sendable, CaseIterable, Codable {
  /// Same clean text (same `text_sha256`).
  case duplicate
  /// Jaccard similarity of shingle sets at or above `near_duplicate`.
  case nearDuplicate = "near_duplicate"
  /// This notice holds (almost) all of the other one, plus much more: a forwarding notice.
  case contains
  /// The other notice holds (almost) all of this one.
  case containedIn = "contained_in"

  /// The relation as seen from the other notice.
  public var inverse: Relation {
    switch self {
    case .duplicate: return .duplicate
    case .nearDuplicate: return .nearDuplicate
    case .contains: return .containedIn
    case .containedIn: return .contains
    }
  }
}

/// Exact overlap of two shingle sets.
public struct Overlap: Sendable, Equatable {
  public var shared: Int
  public var countA: Int
  public var countB: Int

  public init(_ a: ShingleSet, _ b: ShingleSet) {
    countA = a.count
    countB = b.count
    var i = 0, j = 0, n = 0
    a.hashes.withUnsafeBufferPointer { x in
      b.hashes.withUnsafeBufferPointer { y in
        while i < x.count && j < y.count {
          let p = x[i], q = y[j]
          if p == q {
            n += 1; i += 1; j += 1
          } else if p < q {
            i += 1
          } else {
            j += 1
          }
        }
      }
    }
    shared = n
  }

  /// |A ∩ B| / |A ∪ B|.
  public var jaccard: Double {
    let union = countA + countB - shared
    return union > 0 ? Double(shared) / Double(union) : 0
  }
  /// |A ∩ B| / |A|: how much of A is found in B.
  public var containmentOfA: Double { countA > 0 ? Double(shared) / Double(countA) : 0 }
  /// |A ∩ B| / |B|: how much of B is found in A.
  public var containmentOfB: Double { countB > 0 ? Double(shared) / Double(countB) : 0 }
}

/// A verified relation with its similarity (rounded to 4 decimals, so output is short and stable).
public struct Match: Sendable, Equatable {
  public var relation: Relation
  public var similarity: Double
  public init(relation: Relation, similarity: Double) {
    self.relation = relation
    self.similarity = similarity
  }
}

public func roundedSimilarity(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

extension SimilarityRules {
  /// Decides how A relates to B from their exact overlap, or nil when they are unrelated.
  ///
  /// Near-duplicate wins over containment; containment needs the contained notice to be the
  /// smaller one, so two notices of equal size that share 80% are not said to contain each other.
  public func classify(_ o: Overlap) -> Match? {
    let j = o.jaccard
    if j >= nearDuplicate { return Match(relation: .nearDuplicate, similarity: roundedSimilarity(j)) }
    if o.countA > o.countB, o.containmentOfB >= containment {
      return Match(relation: .contains, similarity: roundedSimilarity(o.containmentOfB))
    }
    if o.countA < o.countB, o.containmentOfA >= containment {
      return Match(relation: .containedIn, similarity: roundedSimilarity(o.containmentOfA))
    }
    return nil
  }

  /// Cheap pre-check of an LSH candidate from signatures alone: false when neither the estimated
  /// Jaccard nor the estimated containment of the smaller notice comes within `estimateMargin` of its
  /// threshold, so the exact check (which needs the other notice's text) can be skipped.
  /// `sizeA`/`sizeB` are the notices' shingle counts (`Fingerprint.length`).
  public func worthVerifying(_ a: Signature, sizeA: Int, _ b: Signature, sizeB: Int) -> Bool {
    worthVerifying(estimatedJaccard: a.estimatedJaccard(b), sizeA: sizeA, sizeB: sizeB)
  }

  /// `worthVerifying` from an already estimated Jaccard similarity `j`.
  public func worthVerifying(estimatedJaccard j: Double, sizeA: Int, sizeB: Int) -> Bool {
    if j >= nearDuplicate - estimateMargin { return true }
    // |A ∩ B| = J / (1 + J) · (|A| + |B|)
    let shared = j / (1 + j) * Double(sizeA + sizeB)
    let smaller = Double(max(1, min(sizeA, sizeB)))
    return shared / smaller >= containment - estimateMargin
  }

  /// Compares two texts directly (for tests and one-off checks).
  public func compare(_ a: String, _ b: String) -> (overlap: Overlap, match: Match?) {
    if a == b, !shingleScalars(a, rules: self).isEmpty {
      let s = ShingleSet(text: a, rules: self)
      return (Overlap(s, s), Match(relation: .duplicate, similarity: 1))
    }
    let o = Overlap(ShingleSet(text: a, rules: self), ShingleSet(text: b, rules: self))
    return (o, classify(o))
  }
}

/// Orders links: highest similarity first, then by document id and relation (deterministic).
public func sortLinks(_ links: [DuplicateLink]) -> [DuplicateLink] {
  links.sorted {
    if $0.similarity != $1.similarity { return $0.similarity > $1.similarity }
    if $0.documentId != $1.documentId { return $0.documentId < $1.documentId }
    return $0.relation < $1.relation
  }
}

/// An in-memory LSH index: band key → the handles of the notices that have it.
/// Single-threaded; one per batch.
public final class LSHIndex {
  private var buckets: [Int64: [Int]] = [:]
  public private(set) var count = 0

  public init() {}

  public func insert(_ handle: Int, _ signature: Signature) {
    for key in signature.bandKeys { buckets[key, default: []].append(handle) }
    count += 1
  }

  /// Every handle sharing at least one band key with `signature`, ascending, without repeats.
  public func candidates(_ signature: Signature) -> [Int] {
    var out: [Int] = []
    for key in signature.bandKeys {
      if let hs = buckets[key] { out.append(contentsOf: hs) }
    }
    if out.count < 2 { return out }
    out.sort()
    var unique: [Int] = []
    unique.reserveCapacity(out.count)
    for h in out where unique.last != h { unique.append(h) }
    return unique
  }
}

/// LSH candidates of one notice (by integer handle, e.g. the archive's `document.seq`) with the number
/// of bands each shares with it.
///
/// Each band agrees with probability J^rows, so the count estimates the similarity before any
/// signature or text is read: a near-duplicate (J ≥ 0.6) shares 9 of 42 bands on average, an
/// unrelated notice of the same genre 1 or 2. `best(_:)` keeps the most promising candidates, so a
/// lookup compares a bounded number of notices however many share a band with it.
/// (Concrete, not generic: it runs once per bucket row, and a generic used from another module is
/// not specialised.)
public struct BandTally: Sendable {
  public private(set) var hits: [Int64: Int] = [:]

  public init() {}

  /// Counts one band's bucket (members are distinct within a bucket).
  public mutating func add(_ bucket: some Sequence<Int64>) {
    for h in bucket { hits[h, default: 0] += 1 }
  }

  public var count: Int { hits.count }

  /// At most `limit` candidates: most shared bands first, then the larger handle (for the archive, the
  /// more recently archived notice). Deterministic.
  public func best(_ limit: Int) -> [(handle: Int64, bands: Int)] {
    var ranked: [(handle: Int64, bands: Int)] = []
    ranked.reserveCapacity(hits.count)
    for (h, n) in hits { ranked.append((h, n)) }
    ranked.sort { a, b in a.bands != b.bands ? a.bands > b.bands : a.handle > b.handle }
    if ranked.count > limit { ranked.removeLast(ranked.count - max(0, limit)) }
    return ranked
  }
}
