import GongwenCore

/// A hand-checked expected output for one notice (`Corpus/expected/<notice>.json`).
///
/// It holds what a reader of the notice can decide — metadata, the clause paths, markers,
/// headings, departments and roles — not offsets or clean text.
public struct ExpectedNotice: Codable, Equatable, Sendable {
  public var notice: String
  public var document: ExpectedDocument
  public var tasks: [ExpectedTask]

  public init(notice: String, document: ExpectedDocument, tasks: [ExpectedTask]) {
    self.notice = notice
    self.document = document
    self.tasks = tasks
  }
}

public struct ExpectedDocument: Codable, Equatable, Sendable {
  public var title: String?
  public var docNumber: String?
  public var issuer: String?
  public var date: String?
  public var published: String?
  public var recipients: [String]
  public var attachments: [String]
  public var forwarded: ForwardedNotice?

  enum CodingKeys: String, CodingKey {
    case title, docNumber = "doc_number", issuer, date, published, recipients, attachments, forwarded
  }

  public init(title: String?, docNumber: String?, issuer: String?, date: String?, published: String?,
              recipients: [String], attachments: [String], forwarded: ForwardedNotice?) {
    self.title = title
    self.docNumber = docNumber
    self.issuer = issuer
    self.date = date
    self.published = published
    self.recipients = recipients
    self.attachments = attachments
    self.forwarded = forwarded
  }

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

public struct ExpectedTask: Codable, Equatable, Sendable {
  public var path: [Int]
  public var markers: [String]
  public var heading: String?
  public var departments: [String]
  public var lead: [String]
  public var responsible: [String]
  public var participating: [String]

  public init(path: [Int], markers: [String], heading: String?, departments: [String], lead: [String],
              responsible: [String], participating: [String]) {
    self.path = path
    self.markers = markers
    self.heading = heading
    self.departments = departments
    self.lead = lead
    self.responsible = responsible
    self.participating = participating
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(path, forKey: .path)
    try c.encode(markers, forKey: .markers)
    try c.encode(heading, forKey: .heading)
    try c.encode(departments, forKey: .departments)
    try c.encode(lead, forKey: .lead)
    try c.encode(responsible, forKey: .responsible)
    try c.encode(participating, forKey: .participating)
  }

  enum CodingKeys: String, CodingKey { case path, markers, heading, departments, lead, responsible, participating }
}

extension ExpectedNotice {
  /// Projects pipeline output onto the expected-file shape.
  public init(notice: String, document d: DocumentRecord, tasks: [TaskRecord]) {
    self.init(
      notice: notice,
      document: ExpectedDocument(title: d.title, docNumber: d.docNumber, issuer: d.issuer, date: d.date,
                                 published: d.published, recipients: d.recipients, attachments: d.attachments,
                                 forwarded: d.forwarded),
      tasks: tasks.map {
        ExpectedTask(path: $0.path, markers: $0.markers, heading: $0.heading, departments: $0.departments,
                     lead: $0.lead, responsible: $0.responsible, participating: $0.participating)
      })
  }
}
