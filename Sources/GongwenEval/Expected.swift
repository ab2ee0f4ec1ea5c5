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

/// The expected metadata of a notice: the same fields as the pipeline's `NoticeMetadata`.
public typealias ExpectedDocument = NoticeMetadata

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
      document: NoticeMetadata(title: d.title, docNumber: d.docNumber, issuer: d.issuer, date: d.date,
                               published: d.published, recipients: d.recipients, attachments: d.attachments,
                               forwarded: d.forwarded),
      tasks: tasks.map {
        ExpectedTask(path: $0.path, markers: $0.markers, heading: $0.heading, departments: $0.departments,
                     lead: $0.lead, responsible: $0.responsible, participating: $0.participating)
      })
  }
}
