import GongwenCore

/// Stage 4: clean text -> document metadata and the numbered clause hierarchy.
public struct Segmenter: Sendable {
  public let rules: SegmentRules
  public init(rules: SegmentRules) { self.rules = rules }

  public func segment(_ text: CleanText, pageTitle: String? = nil, pagePublished: String? = nil) throws(StageFailure) -> Outline {
    Outline(metadata: NoticeMetadata(), units: [])
  }
}
