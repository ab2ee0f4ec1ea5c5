// The canonical dataset, schema version 1 (see Schemas/*.schema.json and CHANGELOG.md).
// Adding a field keeps version 1; renaming, removing or changing a field's meaning bumps it.

public let schemaVersion = 1

/// Where a document came from.
public struct SourceInfo: Codable, Hashable, Sendable {
  /// The path as given on the command line (null for `--stdin` records).
  public var path: String?
  /// sha256 of the raw bytes, lowercase hex.
  public var sha256: String
  public var bytes: Int
  /// `text`, `html`, `docx`, `stdin`.
  public var format: String
  public var encoding: String
  /// The record's `id` for `--stdin` input.
  public var id: String?
  /// Other fields of a `--stdin` record, passed through.
  public var extra: [String: JSONValue]?

  public init(path: String?, sha256: String, bytes: Int, format: String, encoding: String, id: String? = nil,
              extra: [String: JSONValue]? = nil) {
    self.path = path
    self.sha256 = sha256
    self.bytes = bytes
    self.format = format
    self.encoding = encoding
    self.id = id
    self.extra = extra
  }
}

public struct GeneratorInfo: Codable, Hashable, Sendable {
  public var name: String
  public var version: String
  /// sha256 prefix of the rules folder's contents.
  public var rules: String
  public init(name: String = "gongwen", version: String, rules: String) {
    self.name = name
    self.version = version
    self.rules = rules
  }
}

/// A link to another notice that duplicates or resembles this one.
public struct DuplicateLink: Codable, Hashable, Sendable {
  public var documentId: String
  /// `duplicate` (same clean text), `near_duplicate`, `contains`, `contained_in`.
  public var relation: String
  /// Similarity in [0, 1] (Jaccard of character shingles, or containment).
  public var similarity: Double
  public init(documentId: String, relation: String, similarity: Double) {
    self.documentId = documentId
    self.relation = relation
    self.similarity = similarity
  }
  enum CodingKeys: String, CodingKey { case documentId = "document_id", relation, similarity }
}

/// One notice.
public struct DocumentRecord: Codable, Hashable, Sendable {
  public var schemaVersion: Int = GongwenCore.schemaVersion
  /// Stable: the first 16 hex digits of the sha256 of the raw bytes.
  public var id: String
  public var source: SourceInfo
  public var generator: GeneratorInfo
  public var title: String?
  public var docNumber: String?
  public var issuer: String?
  public var date: String?
  public var published: String?
  public var recipients: [String]
  public var attachments: [String]
  public var forwarded: ForwardedNotice?
  /// The clean body text; task spans index into it.
  public var text: String
  public var textSha256: String
  public var removed: [Removal]
  public var duplicates: [DuplicateLink]
  public var warnings: [DocumentWarning]
  public var stats: [String: Int]

  public init(id: String, source: SourceInfo, generator: GeneratorInfo, title: String?, docNumber: String?,
              issuer: String?, date: String?, published: String?, recipients: [String], attachments: [String],
              forwarded: ForwardedNotice?, text: String, textSha256: String, removed: [Removal],
              duplicates: [DuplicateLink], warnings: [DocumentWarning], stats: [String: Int]) {
    self.id = id
    self.source = source
    self.generator = generator
    self.title = title
    self.docNumber = docNumber
    self.issuer = issuer
    self.date = date
    self.published = published
    self.recipients = recipients
    self.attachments = attachments
    self.forwarded = forwarded
    self.text = text
    self.textSha256 = textSha256
    self.removed = removed
    self.duplicates = duplicates
    self.warnings = warnings
    self.stats = stats
  }

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version", id, source, generator, title, docNumber = "doc_number", issuer, date,
      published, recipients, attachments, forwarded, text, textSha256 = "text_sha256", removed, duplicates,
      warnings, stats
  }

  public func encode(to encoder: any Encoder) throws {
    // Explicit so that nulls are written (the schema lists every field, null where unknown).
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(schemaVersion, forKey: .schemaVersion)
    try c.encode(id, forKey: .id)
    try c.encode(source, forKey: .source)
    try c.encode(generator, forKey: .generator)
    try c.encode(title, forKey: .title)
    try c.encode(docNumber, forKey: .docNumber)
    try c.encode(issuer, forKey: .issuer)
    try c.encode(date, forKey: .date)
    try c.encode(published, forKey: .published)
    try c.encode(recipients, forKey: .recipients)
    try c.encode(attachments, forKey: .attachments)
    try c.encode(forwarded, forKey: .forwarded)
    try c.encode(text, forKey: .text)
    try c.encode(textSha256, forKey: .textSha256)
    try c.encode(removed, forKey: .removed)
    try c.encode(duplicates, forKey: .duplicates)
    try c.encode(warnings, forKey: .warnings)
    try c.encode(stats, forKey: .stats)
  }
}

/// One numbered unit of a notice.
public struct TaskRecord: Codable, Hashable, Sendable {
  public var schemaVersion: Int = GongwenCore.schemaVersion
  /// Stable: `<document id>:<path joined by dots>`, e.g. `3f2a…:2.1.3`.
  public var id: String
  public var documentId: String
  public var path: [Int]
  public var markers: [String]
  public var heading: String?
  public var text: String
  public var attribution: String?
  public var departmentsRaw: [String]
  public var departments: [String]
  public var lead: [String]
  public var responsible: [String]
  public var participating: [String]
  /// The unit's own region in the document `text` (marker through attribution, children excluded).
  public var span: Span

  public init(id: String, documentId: String, path: [Int], markers: [String], heading: String?, text: String,
              attribution: String?, departmentsRaw: [String], departments: [String], lead: [String],
              responsible: [String], participating: [String], span: Span) {
    self.id = id
    self.documentId = documentId
    self.path = path
    self.markers = markers
    self.heading = heading
    self.text = text
    self.attribution = attribution
    self.departmentsRaw = departmentsRaw
    self.departments = departments
    self.lead = lead
    self.responsible = responsible
    self.participating = participating
    self.span = span
  }

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version", id, documentId = "document_id", path, markers, heading, text, attribution,
      departmentsRaw = "departments_raw", departments, lead, responsible, participating, span
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(schemaVersion, forKey: .schemaVersion)
    try c.encode(id, forKey: .id)
    try c.encode(documentId, forKey: .documentId)
    try c.encode(path, forKey: .path)
    try c.encode(markers, forKey: .markers)
    try c.encode(heading, forKey: .heading)
    try c.encode(text, forKey: .text)
    try c.encode(attribution, forKey: .attribution)
    try c.encode(departmentsRaw, forKey: .departmentsRaw)
    try c.encode(departments, forKey: .departments)
    try c.encode(lead, forKey: .lead)
    try c.encode(responsible, forKey: .responsible)
    try c.encode(participating, forKey: .participating)
    try c.encode(span, forKey: .span)
  }
}
