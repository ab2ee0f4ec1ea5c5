/// A half-open range of Unicode-scalar offsets, `start..<end`.
///
/// Every offset in Gongwen's output counts Unicode scalars and is end-exclusive.
public struct Span: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
  public var start: Int
  public var end: Int

  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }

  public init(_ range: Range<Int>) { self.init(start: range.lowerBound, end: range.upperBound) }

  public var range: Range<Int> { start..<max(start, end) }
  public var length: Int { max(0, end - start) }
  public var isEmpty: Bool { end <= start }

  public static func < (a: Span, b: Span) -> Bool { (a.start, a.end) < (b.start, b.end) }
  public var description: String { "\(start)..<\(end)" }
}
