/// A set of Unicode scalars as sorted, disjoint ranges — what ICU reports for a `[…]` class — for
/// the pattern analyses (`MatchPrefix`, `ScanDispatch`): comparing, hashing and joining sets such as
/// `\p{Han}` (tens of thousands of members, a few dozen ranges) stays cheap.
public struct CharSet: Hashable, Sendable {
  /// Sorted, disjoint and not adjacent.
  public private(set) var ranges: [ClosedRange<UInt32>] = []

  public init() {}

  public init(_ ranges: some Sequence<ClosedRange<UInt32>>) {
    for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = self.ranges.last, r.lowerBound <= last.upperBound &+ 1 {
        self.ranges[self.ranges.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
      } else {
        self.ranges.append(r)
      }
    }
  }

  public init(_ scalars: some Sequence<Unicode.Scalar>) { self.init(scalars.map { $0.value...$0.value }) }

  public init(members: some Sequence<UInt32>) { self.init(members.map { $0...$0 }) }

  public func union(_ other: CharSet) -> CharSet { CharSet(ranges + other.ranges) }

  public func contains(_ v: UInt32) -> Bool {
    var lo = 0, hi = ranges.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if ranges[mid].upperBound < v { lo = mid + 1 } else { hi = mid }
    }
    return lo < ranges.count && ranges[lo].contains(v)
  }

  public func contains(_ c: Unicode.Scalar) -> Bool { contains(c.value) }

  public var count: Int { ranges.reduce(0) { $0 + Int($1.upperBound - $1.lowerBound) + 1 } }
  public var isEmpty: Bool { ranges.isEmpty }
}
