import GongwenCore
import ICUKit

/// Compiled rules for the ingest stage, from `Rules/ingest.yaml`.
///
/// Every key except `version` is optional; a missing key takes the default shown in
/// `Rules/ingest.yaml` (and in the `Defaults` below).
public struct IngestRules: RuleFile {
  public static let fileName = "ingest.yaml"

  /// The YAML as written. Unknown keys are rejected by the loader.
  public struct Raw: Decodable, Sendable {
    public var version: Int
    public var limits: Limits?
    public var encoding: Encoding?
    public var html: HTML?

    public struct Limits: Decodable, Sendable {
      public var maxInputBytes: Located<Int>?
      public var maxDocxPartBytes: Located<Int>?
      public var maxCompressionRatio: Located<Double>?
      public var compressionCheckMinBytes: Located<Int>?
      public var maxMarkupDepth: Located<Int>?
      public var binaryShare: Located<Double>?
      public var reportedOffsets: Located<Int>?
      enum CodingKeys: String, CodingKey {
        case maxInputBytes = "max_input_bytes"
        case maxDocxPartBytes = "max_docx_part_bytes"
        case maxCompressionRatio = "max_compression_ratio"
        case compressionCheckMinBytes = "compression_check_min_bytes"
        case maxMarkupDepth = "max_markup_depth"
        case binaryShare = "binary_share"
        case reportedOffsets = "reported_offsets"
      }
    }

    public struct Encoding: Decodable, Sendable {
      public var gb18030Labels: [String]?
      public var big5Labels: [String]?
      public var declaredMaxErrorShare: Located<Double>?
      public var utf8MaxErrorShare: Located<Double>?
      public var detectorMinConfidence: Located<Int>?
      enum CodingKeys: String, CodingKey {
        case gb18030Labels = "gb18030_labels"
        case big5Labels = "big5_labels"
        case declaredMaxErrorShare = "declared_max_error_share"
        case utf8MaxErrorShare = "utf8_max_error_share"
        case detectorMinConfidence = "detector_min_confidence"
      }
    }

    public struct HTML: Decodable, Sendable {
      public var dropElements: [String]?
      public var boilerplateHint: Located<String>?
      public var boilerplateMaxShare: Located<Double>?
      public var linkPenalty: Located<Double>?
      public var docNumber: Located<String>?
      public var docNumberBonus: Located<Int>?
      public var clauseMarker: Located<String>?
      public var clauseMarkerBonus: Located<Int>?
      public var publishedMetaNames: [String]?
      public var publishedText: Located<String>?
      public var cellPerLineHeaders: [String]?
      enum CodingKeys: String, CodingKey {
        case dropElements = "drop_elements"
        case boilerplateHint = "boilerplate_hint"
        case boilerplateMaxShare = "boilerplate_max_share"
        case linkPenalty = "link_penalty"
        case docNumber = "doc_number"
        case docNumberBonus = "doc_number_bonus"
        case clauseMarker = "clause_marker"
        case clauseMarkerBonus = "clause_marker_bonus"
        case publishedMetaNames = "published_meta_names"
        case publishedText = "published_text"
        case cellPerLineHeaders = "cell_per_line_headers"
      }
    }
  }

  /// Built-in defaults (the same values as the bundled `Rules/ingest.yaml`).
  public enum Defaults {
    public static let maxInputBytes = 64 << 20
    public static let maxDocxPartBytes = 64 << 20
    public static let maxCompressionRatio = 200.0
    public static let compressionCheckMinBytes = 1 << 20
    public static let maxMarkupDepth = 512
    public static let binaryShare = 0.1
    public static let reportedOffsets = 8
    public static let gb18030Labels = ["gb18030", "gbk", "gb2312", "gb_2312-80", "cp936", "x-gbk", "euc-cn", "csgb2312",
                                       "windows-936", "ms936", "chinese", "iso-ir-58"]
    public static let big5Labels = ["big5", "big-5", "cn-big5", "csbig5", "x-x-big5", "windows-950", "cp950",
                                    "big5-hkscs"]
    public static let declaredMaxErrorShare = 0.01
    public static let utf8MaxErrorShare = 0.02
    public static let detectorMinConfidence = 10
    public static let dropElements = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form",
                                      "iframe", "object", "embed", "svg", "template", "select", "button", "head"]
    public static let boilerplateHint =
      #"(?i)(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|bread|position|location|share|bdshare|footer|foot|header|topbar|top-bar|sidebar|side|toolbar|copyright|weizhi|dqwz|fxd?)($|[\s_\d-])"#
    public static let boilerplateMaxShare = 0.5
    public static let linkPenalty = 2.0
    public static let docNumber = #"〔\d{4}〕\d+号|\[\d{4}\]\d+号|［\d{4}］\d+号"#
    public static let docNumberBonus = 200
    public static let clauseMarker = #"(?m)^[\s\u3000]*(一、|（一）|\(一\))"#
    public static let clauseMarkerBonus = 200
    public static let cellPerLineHeaders = ["序号"]
    public static let publishedMetaNames = ["pubdate", "publishdate", "article:published_time", "firstpublishedtime",
                                            "maketime", "dc.date", "dcterms.issued"]
    public static let publishedText = #"(?:发布日期|发布时间|发文日期)\s*[：:]\s*(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})"#
  }

  public let maxInputBytes: Int
  public let maxDocxPartBytes: Int
  public let maxCompressionRatio: Double
  public let compressionCheckMinBytes: Int
  public let maxMarkupDepth: Int
  public let binaryShare: Double
  public let reportedOffsets: Int
  /// Lower-case charset labels decoded as GB18030 (a superset of GBK and GB2312).
  public let gb18030Labels: Set<String>
  public let big5Labels: Set<String>
  public let declaredMaxErrorShare: Double
  public let utf8MaxErrorShare: Double
  public let detectorMinConfidence: Int
  public let dropElements: Set<String>
  public let boilerplateHint: RuleRegex
  public let boilerplateMaxShare: Double
  public let linkPenalty: Double
  public let docNumber: RuleRegex
  public let docNumberBonus: Int
  public let clauseMarker: RuleRegex
  public let clauseMarkerBonus: Int
  public let publishedMetaNames: Set<String>
  /// A table whose first cell is one of these words (a task table, 任务分解表) is written one cell per
  /// line, the layout Segment and Attribute read flattened tables in; other tables keep one row per line.
  public let cellPerLineHeaders: Set<String>

  /// Whether a table whose first cell reads `firstCell` is a task table (`cellPerLineHeaders`,
  /// whitespace inside the cell ignored: `序 号`). The HTML and .docx renderers both ask this.
  public func isTaskTableHeader(_ firstCell: String) -> Bool {
    guard !cellPerLineHeaders.isEmpty else { return false }
    let key = String(String.UnicodeScalarView(firstCell.unicodeScalars.filter { !$0.properties.isWhitespace }))
    return cellPerLineHeaders.contains(key)
  }
  public let publishedText: RuleRegex

  public init(raw: Raw, file: String) throws(RuleErrors) {
    var problems: [RuleProblem] = []
    let top = RuleLocation(file: file, line: 1, column: 1)
    if raw.version != 1 {
      problems.append(RuleProblem(top, code: "R005",
                                  "unsupported rules version \(raw.version); this Gongwen reads version 1"))
    }
    func int(_ v: Located<Int>?, _ d: Int, _ key: String, min: Int) -> Int {
      guard let v else { return d }
      if v.value < min {
        problems.append(RuleProblem(v.location ?? top, code: "R005", "'\(key)' must be at least \(min)"))
        return d
      }
      return v.value
    }
    func share(_ v: Located<Double>?, _ d: Double, _ key: String, max: Double = 1) -> Double {
      guard let v else { return d }
      if !(v.value > 0 && v.value <= max) {
        problems.append(RuleProblem(v.location ?? top, code: "R005", "'\(key)' must be greater than 0 and at most \(max)"))
        return d
      }
      return v.value
    }
    func regex(_ id: String, _ v: Located<String>?, _ d: String) -> RuleRegex? {
      do {
        return try RuleRegex(id: id, pattern: v ?? Located(d, location: top), file: file)
      } catch {
        problems.append(error)
        return nil
      }
    }
    let l = raw.limits, e = raw.encoding, h = raw.html
    maxInputBytes = int(l?.maxInputBytes, Defaults.maxInputBytes, "limits.max_input_bytes", min: 1024)
    maxDocxPartBytes = int(l?.maxDocxPartBytes, Defaults.maxDocxPartBytes, "limits.max_docx_part_bytes", min: 1024)
    maxCompressionRatio = share(l?.maxCompressionRatio, Defaults.maxCompressionRatio, "limits.max_compression_ratio",
                                max: 100_000)
    compressionCheckMinBytes = int(l?.compressionCheckMinBytes, Defaults.compressionCheckMinBytes,
                                   "limits.compression_check_min_bytes", min: 0)
    maxMarkupDepth = int(l?.maxMarkupDepth, Defaults.maxMarkupDepth, "limits.max_markup_depth", min: 16)
    binaryShare = share(l?.binaryShare, Defaults.binaryShare, "limits.binary_share")
    reportedOffsets = int(l?.reportedOffsets, Defaults.reportedOffsets, "limits.reported_offsets", min: 1)
    gb18030Labels = Set((e?.gb18030Labels ?? Defaults.gb18030Labels).map { $0.lowercased() })
    big5Labels = Set((e?.big5Labels ?? Defaults.big5Labels).map { $0.lowercased() })
    declaredMaxErrorShare = share(e?.declaredMaxErrorShare, Defaults.declaredMaxErrorShare,
                                  "encoding.declared_max_error_share")
    utf8MaxErrorShare = share(e?.utf8MaxErrorShare, Defaults.utf8MaxErrorShare, "encoding.utf8_max_error_share")
    detectorMinConfidence = int(e?.detectorMinConfidence, Defaults.detectorMinConfidence,
                                "encoding.detector_min_confidence", min: 0)
    dropElements = Set((h?.dropElements ?? Defaults.dropElements).map { $0.lowercased() })
    boilerplateMaxShare = share(h?.boilerplateMaxShare, Defaults.boilerplateMaxShare, "html.boilerplate_max_share")
    linkPenalty = share(h?.linkPenalty, Defaults.linkPenalty, "html.link_penalty", max: 100)
    docNumberBonus = int(h?.docNumberBonus, Defaults.docNumberBonus, "html.doc_number_bonus", min: 0)
    clauseMarkerBonus = int(h?.clauseMarkerBonus, Defaults.clauseMarkerBonus, "html.clause_marker_bonus", min: 0)
    publishedMetaNames = Set((h?.publishedMetaNames ?? Defaults.publishedMetaNames).map { $0.lowercased() })
    cellPerLineHeaders = Set((h?.cellPerLineHeaders ?? Defaults.cellPerLineHeaders).filter { !$0.isEmpty })
    let hint = regex("html.boilerplate_hint", h?.boilerplateHint, Defaults.boilerplateHint)
    let num = regex("html.doc_number", h?.docNumber, Defaults.docNumber)
    let marker = regex("html.clause_marker", h?.clauseMarker, Defaults.clauseMarker)
    let pub = regex("html.published_text", h?.publishedText, Defaults.publishedText)
    guard problems.isEmpty, let hint, let num, let marker, let pub else { throw RuleErrors(problems) }
    boilerplateHint = hint
    docNumber = num
    clauseMarker = marker
    publishedText = pub
  }

  /// The built-in defaults (what `version: 1` alone means).
  public static var defaults: IngestRules {
    get throws(RuleErrors) { try IngestRules(raw: Raw(version: 1), file: "<defaults>") }
  }
}
