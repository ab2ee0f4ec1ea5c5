import GongwenCore
/// Precision, recall and F1 over sets of items.
public struct PRF: Sendable, Equatable, CustomStringConvertible {
  public var truePositives: Int
  public var predicted: Int
  public var expected: Int

  public init(truePositives: Int = 0, predicted: Int = 0, expected: Int = 0) {
    self.truePositives = truePositives
    self.predicted = predicted
    self.expected = expected
  }

  public init<T: Hashable>(predicted p: Set<T>, expected e: Set<T>) {
    self.init(truePositives: p.intersection(e).count, predicted: p.count, expected: e.count)
  }

  public var precision: Double { predicted == 0 ? (expected == 0 ? 1 : 0) : Double(truePositives) / Double(predicted) }
  public var recall: Double { expected == 0 ? (predicted == 0 ? 1 : 0) : Double(truePositives) / Double(expected) }
  public var f1: Double {
    let p = precision, r = recall
    return p + r == 0 ? 0 : 2 * p * r / (p + r)
  }

  public static func + (a: PRF, b: PRF) -> PRF {
    PRF(truePositives: a.truePositives + b.truePositives, predicted: a.predicted + b.predicted,
        expected: a.expected + b.expected)
  }

  public var description: String {
    func f(_ x: Double) -> String {
      let v = (x * 1000).rounded() / 1000
      var s = String(v)
      while s.count < 5 { s += "0" }
      return s
    }
    return "P \(f(precision))  R \(f(recall))  F1 \(f(f1))  (\(truePositives)/\(predicted) predicted, \(expected) expected)"
  }
}

/// A fraction of matching items.
public struct Accuracy: Sendable, Equatable, CustomStringConvertible {
  public var correct = 0
  public var total = 0
  public init(correct: Int = 0, total: Int = 0) {
    self.correct = correct
    self.total = total
  }
  public var value: Double { total == 0 ? 1 : Double(correct) / Double(total) }
  public static func + (a: Accuracy, b: Accuracy) -> Accuracy {
    Accuracy(correct: a.correct + b.correct, total: a.total + b.total)
  }
  public var description: String { "\(correct)/\(total)" }
}

/// Scores for one notice (or pooled over many).
public struct NoticeScore: Sendable, Equatable {
  /// Task paths found vs expected.
  public var paths = PRF()
  /// (path, department) pairs — the headline number.
  public var pathDepartment = PRF()
  /// (path, role, department) triples over lead/responsible/participating.
  public var roles = PRF()
  /// Expected tasks whose whole department list (in order) matches.
  public var exactDepartments = Accuracy()
  /// Expected tasks whose lead list matches.
  public var lead = Accuracy()
  /// Expected tasks whose heading matches.
  public var headings = Accuracy()
  /// Per metadata field: correct out of notices.
  public var metadata: [String: Accuracy] = [:]

  public init() {}

  public static func + (a: NoticeScore, b: NoticeScore) -> NoticeScore {
    var s = NoticeScore()
    s.paths = a.paths + b.paths
    s.pathDepartment = a.pathDepartment + b.pathDepartment
    s.roles = a.roles + b.roles
    s.exactDepartments = a.exactDepartments + b.exactDepartments
    s.lead = a.lead + b.lead
    s.headings = a.headings + b.headings
    for k in Set(a.metadata.keys).union(b.metadata.keys) {
      s.metadata[k] = (a.metadata[k] ?? Accuracy()) + (b.metadata[k] ?? Accuracy())
    }
    return s
  }

  public var metadataExact: Bool { metadata.values.allSatisfy { $0.correct == $0.total } }
}

public struct Evaluator: Sendable {
  /// Maps a department name to its canonical form (alias lexicon), applied to both sides.
  public let canonical: @Sendable (String) -> String

  public init(canonical: @escaping @Sendable (String) -> String = { $0 }) { self.canonical = canonical }

  public func score(predicted: ExpectedNotice, expected: ExpectedNotice) -> NoticeScore {
    var s = NoticeScore()
    struct PD: Hashable { var path: [Int]; var dept: String }
    struct PRD: Hashable { var path: [Int]; var role: String; var dept: String }
    s.paths = PRF(predicted: Set(predicted.tasks.map(\.path)), expected: Set(expected.tasks.map(\.path)))
    func pairs(_ n: ExpectedNotice) -> Set<PD> {
      Set(n.tasks.flatMap { t in t.departments.map { PD(path: t.path, dept: canonical($0)) } })
    }
    func triples(_ n: ExpectedNotice) -> Set<PRD> {
      Set(n.tasks.flatMap { t in
        t.lead.map { PRD(path: t.path, role: "lead", dept: canonical($0)) }
          + t.responsible.map { PRD(path: t.path, role: "responsible", dept: canonical($0)) }
          + t.participating.map { PRD(path: t.path, role: "participating", dept: canonical($0)) }
      })
    }
    s.pathDepartment = PRF(predicted: pairs(predicted), expected: pairs(expected))
    s.roles = PRF(predicted: triples(predicted), expected: triples(expected))
    var byPath: [[Int]: ExpectedTask] = [:]
    for t in predicted.tasks where byPath[t.path] == nil { byPath[t.path] = t }
    for e in expected.tasks {
      let p = byPath[e.path]
      s.exactDepartments.total += 1
      s.lead.total += 1
      s.headings.total += 1
      if let p {
        if p.departments.map(canonical) == e.departments.map(canonical) { s.exactDepartments.correct += 1 }
        if p.lead.map(canonical) == e.lead.map(canonical) { s.lead.correct += 1 }
        if p.heading == e.heading { s.headings.correct += 1 }
      }
    }
    let pd = predicted.document, ed = expected.document
    func field(_ name: String, _ ok: Bool) { s.metadata[name] = Accuracy(correct: ok ? 1 : 0, total: 1) }
    // texts compare with their brackets folded to full width, as Normalize writes them (a key copies
    // 各县(市、区)人民政府 from the page)
    field("title", pd.title.map(foldBrackets) == ed.title.map(foldBrackets))
    field("doc_number", pd.docNumber == ed.docNumber)
    field("issuer", pd.issuer.map(foldBrackets) == ed.issuer.map(foldBrackets))
    field("date", pd.date == ed.date)
    field("published", pd.published == ed.published)
    field("recipients", pd.recipients.map(foldBrackets) == ed.recipients.map(foldBrackets))
    field("attachments", pd.attachments.map(foldBrackets) == ed.attachments.map(foldBrackets))
    field("forwarded", pd.forwarded == ed.forwarded)
    return s
  }
}
