// Values that flow between stages. Each stage module defines the stage itself;
// the data it hands to the next stage lives here, so stages never import each other.

/// Output of Ingest: the decoded text of one notice and what is known about its container.
public struct SourceDocument: Sendable {
  /// Decoded text (for HTML and .docx: the extracted text, with paragraph breaks).
  public var text: String
  /// `text`, `html`, `docx`.
  public var format: String
  /// The encoding the bytes were decoded from (`UTF-8`, `GB18030`, `Big5`, `UTF-16LE`, ...).
  public var encoding: String
  /// Metadata the container itself carried (HTML `<title>`, publish-date meta tags).
  public var pageTitle: String?
  public var pagePublished: String?
  public var warnings: [DocumentWarning]

  public init(text: String, format: String, encoding: String, pageTitle: String? = nil,
              pagePublished: String? = nil, warnings: [DocumentWarning] = []) {
    self.text = text
    self.format = format
    self.encoding = encoding
    self.pageTitle = pageTitle
    self.pagePublished = pagePublished
    self.warnings = warnings
  }
}

/// Output of Normalize and Dedup: canonical text with its offset map, and what was dropped.
public struct NormalizedDocument: Sendable {
  public var text: CleanText
  /// Everything removed so far, spans in the decoded source text.
  public var removed: [Removal]
  public var warnings: [DocumentWarning]
  /// Counters for `stats` (e.g. `traditional_converted`: 1, `lines_joined`: 12).
  public var stats: [String: Int]

  public init(text: CleanText, removed: [Removal] = [], warnings: [DocumentWarning] = [], stats: [String: Int] = [:]) {
    self.text = text
    self.removed = removed
    self.warnings = warnings
    self.stats = stats
  }
}

/// The forwarded notice inside a forwarding notice (转发…的通知).
public struct ForwardedNotice: Codable, Hashable, Sendable {
  public var title: String?
  public var docNumber: String?
  public var issuer: String?
  public var date: String?

  public init(title: String? = nil, docNumber: String? = nil, issuer: String? = nil, date: String? = nil) {
    self.title = title
    self.docNumber = docNumber
    self.issuer = issuer
    self.date = date
  }

  enum CodingKeys: String, CodingKey {
    case title, docNumber = "doc_number", issuer, date
  }
}

/// Document-level metadata found by Segment.
public struct NoticeMetadata: Sendable, Equatable {
  public var title: String?
  /// 发文字号, e.g. `新政办发〔2011〕18号`.
  public var docNumber: String?
  public var issuer: String?
  /// 成文日期 as YYYY-MM-DD.
  public var date: String?
  /// 发布日期 as YYYY-MM-DD, where the notice or page gives one.
  public var published: String?
  /// 主送机关, split on ，/, (never on 、, which joins parts of one recipient)
  public var recipients: [String]
  /// 附件 names.
  public var attachments: [String]
  public var forwarded: ForwardedNotice?

  public init(title: String? = nil, docNumber: String? = nil, issuer: String? = nil, date: String? = nil,
              published: String? = nil, recipients: [String] = [], attachments: [String] = [],
              forwarded: ForwardedNotice? = nil) {
    self.title = title
    self.docNumber = docNumber
    self.issuer = issuer
    self.date = date
    self.published = published
    self.recipients = recipients
    self.attachments = attachments
    self.forwarded = forwarded
  }
}

extension NoticeMetadata: Codable {
  enum CodingKeys: String, CodingKey {
    case title, docNumber = "doc_number", issuer, date, published, recipients, attachments, forwarded
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      title: try c.decodeIfPresent(String.self, forKey: .title),
      docNumber: try c.decodeIfPresent(String.self, forKey: .docNumber),
      issuer: try c.decodeIfPresent(String.self, forKey: .issuer),
      date: try c.decodeIfPresent(String.self, forKey: .date),
      published: try c.decodeIfPresent(String.self, forKey: .published),
      recipients: try c.decodeIfPresent([String].self, forKey: .recipients) ?? [],
      attachments: try c.decodeIfPresent([String].self, forKey: .attachments) ?? [],
      forwarded: try c.decodeIfPresent(ForwardedNotice.self, forKey: .forwarded))
  }

  /// Writes every field, null where unknown (as the document schema does).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(title, forKey: .title)
    try c.encode(docNumber, forKey: .docNumber)
    try c.encode(issuer, forKey: .issuer)
    try c.encode(date, forKey: .date)
    try c.encode(published, forKey: .published)
    try c.encode(recipients, forKey: .recipients)
    try c.encode(attachments, forKey: .attachments)
    try c.encode(forwarded, forKey: .forwarded)
  }
}

/// One numbered unit of the clause hierarchy, found by Segment.
/// All ranges are scalar offsets into the clean text given to Segment.
public struct ClauseUnit: Sendable, Equatable {
  /// Numbers as written, one per represented level: 二、（一）3. is [2, 1, 3].
  public var path: [Int]
  /// The markers as written in the clean text, one per level: ["二、", "（一）", "3."].
  public var markers: [String]
  /// The numbering scheme of each level (rule ids from Rules/segment.yaml, e.g. `chinese_dun`).
  public var schemes: [String]
  /// The marker of this unit itself.
  public var markerRange: Range<Int>
  /// The unit's own region: from its marker to where its first child (or the next unit) begins.
  public var ownRange: Range<Int>
  /// The unit's own text after the marker (ownRange minus the marker, trimmed).
  public var bodyRange: Range<Int>
  /// The short title sentence, where the unit has one (`加快推进基本医疗保障制度建设`).
  public var heading: String?
  /// For a row of a flattened table (任务分解表): the header it is read against. nil for any other
  /// unit. Segment finds the header; Attribute reads the row's cells against its columns.
  public var table: TableHeader?
  /// A row of a table run together with no separator between its cells (`序号工作任务责任单位1将…。市委宣传部、…2完善…`):
  /// its text is its cells one after another, the departments' last. Segment finds it; Attribute reads its last sentence as
  /// that cell.
  public var runTogetherRow: Bool

  public init(path: [Int], markers: [String], schemes: [String], markerRange: Range<Int>, ownRange: Range<Int>,
              bodyRange: Range<Int>, heading: String?, table: TableHeader? = nil, runTogetherRow: Bool = false) {
    self.path = path
    self.markers = markers
    self.schemes = schemes
    self.markerRange = markerRange
    self.ownRange = ownRange
    self.bodyRange = bodyRange
    self.heading = heading
    self.table = table
    self.runTogetherRow = runTogetherRow
  }
}

/// The header row of a table flattened to text, one cell per line (`序号` / `重点工作任务` /
/// `主要责任单位` / `协同配合单位`): what a row's lines mean. A row's own text is its cells after the
/// row number, one line per column.
public struct TableHeader: Sendable, Equatable {
  /// The column names after the row-number column, in order, as written (spaces removed).
  public var columns: [String]
  /// Index in `columns` of the column holding the task text.
  public var taskColumn: Int

  public init(columns: [String], taskColumn: Int) {
    self.columns = columns
    self.taskColumn = taskColumn
  }
}

/// Output of Segment.
public struct Outline: Sendable {
  public var metadata: NoticeMetadata
  public var units: [ClauseUnit]
  public var warnings: [DocumentWarning]

  public init(metadata: NoticeMetadata, units: [ClauseUnit], warnings: [DocumentWarning] = []) {
    self.metadata = metadata
    self.units = units
    self.warnings = warnings
  }
}

/// The department attribution that closes a unit, found by Attribute.
///
/// A unit whose own text has several paragraphs may close more than one of them with an
/// attribution (001 `二、（三）1.（2）`: the clause, then an unnumbered paragraph with its own
/// `（责任单位：…）`). Attribute then merges them into one value: lists in order of appearance,
/// `range` the last attribution and `extraRanges` the earlier ones.
public struct Attribution: Sendable, Equatable {
  /// Range in the clean text of the whole parenthesised attribution, brackets included.
  /// With several attributions in one unit: the last one.
  public var range: Range<Int>
  /// The earlier attributions of the same unit, in text order, when it has more than one
  /// (empty otherwise). They never overlap each other or `range`, and all come before it.
  public var extraRanges: [Range<Int>]
  /// The raw attribution text (brackets included), as in the clean text. With several
  /// attributions: each one's text, in order, joined by a single space (U+0020).
  public var raw: String
  /// Every department as written, in order.
  public var departmentsRaw: [String]
  /// Canonical names (jurisdiction prefix inherited within one list, aliases resolved).
  public var departments: [String]
  public var lead: [String]
  public var responsible: [String]
  public var participating: [String]
  /// The ranges (of `allRanges`) whose departments are the subject of a sentence of the unit
  /// (`市规划局负责城市规划…`), not a list closing it: they are part of the task's text.
  public var rangesInText: [Range<Int>]
  /// `range` is such a subject (the unit has no closing attribution).
  public var inSentence: Bool { rangesInText.contains(range) }

  public init(range: Range<Int>, raw: String, departmentsRaw: [String], departments: [String], lead: [String],
              responsible: [String], participating: [String], extraRanges: [Range<Int>] = [],
              inSentence: Bool = false) {
    self.rangesInText = inSentence ? [range] : []
    self.range = range
    self.extraRanges = extraRanges
    self.raw = raw
    self.departmentsRaw = departmentsRaw
    self.departments = departments
    self.lead = lead
    self.responsible = responsible
    self.participating = participating
  }

  /// Every attribution range of the unit in text order: `extraRanges` then `range`.
  public var allRanges: [Range<Int>] { extraRanges + [range] }

  /// The ranges to cut from the task's text: all of them, none for an attribution in the sentence.
  public var rangesOutsideText: [Range<Int>] { allRanges.filter { !rangesInText.contains($0) } }
}

/// Output of Attribute: one entry per unit (same order), nil where a unit has no attribution.
public struct AttributedOutline: Sendable {
  public var attributions: [Attribution?]
  public var warnings: [DocumentWarning]
  public init(attributions: [Attribution?], warnings: [DocumentWarning] = []) {
    self.attributions = attributions
    self.warnings = warnings
  }
}
