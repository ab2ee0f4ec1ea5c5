import GongwenCore


/// A role a department plays in one task.
public enum AttributionRole: String, Sendable, CaseIterable {
  /// 牵头 (leads).
  case lead
  /// 负责 / 责任单位 / 落实 (is responsible).
  case responsible
  /// 参与 / 配合 / 协助 / 协办 (takes part).
  case participating
}

/// A word with the roles it gives (a label, a role word, an inline role).
public struct RoleWord: Sendable, Equatable {
  public var text: [Unicode.Scalar]
  public var roles: [AttributionRole]
}

/// A word joining two departments in one item (`A会同B`).
public struct Joiner: Sendable, Equatable {
  public var text: [Unicode.Scalar]
  public var firstIsLead: Bool
  /// Whether a subject joined by it names its departments without a lead-in (由) and without a role word
  /// (省领导小组要组织省建设、监察等部门对…进行督查).
  public var namesSubject: Bool = false
}

/// Compiled rules for the attribute stage, from `Rules/attribute.yaml`
/// (every key is documented in the YAML file itself).
public struct AttributeRules: RuleFile {
  public static let fileName = "attribute.yaml"

  /// The YAML as written. Unknown keys are rejected by the loader.
  public struct Raw: Decodable, Sendable {
    public var version: Int
    public var brackets: RawBrackets
    public var max_length: Located<Int>
    public var trailing: [String]
    public var sentence_ends: [String]
    public var separators: [String]
    public var colons: [String]
    public var labels: [RawRoleWord]
    public var line_labels: [RawRoleWord]?
    public var ignored_labels: [String]
    public var ignored_columns: Located<[String]>
    public var role_words: [RawRoleWord]
    public var inline_roles: [RawRoleWord]
    public var joiners: [RawJoiner]
    /// Optional: generic bodies that a lead's joiner names as its partners and that are then no department
    /// (`由区应急局会同相关部门负责具体解释`: 区应急局 alone).
    public var joiner_generic_partners: [String]?
    public var lead_ins: [String]
    public var lead_in_ends: [String]?
    public var label_inference: RawLabelInference?
    public var item_marks: String?
    public var section_lead_ins: [String]?
    public var and_words: [String]
    public var region_levels: RawRegionLevels?
    public var officials: [String]?
    public var section_subject_endings: [String]?
    public var section_heading_leads: Bool?
    public var section_closing_brackets: Bool?
    public var role_word_modifiers: [String]
    public var tail_words: [String]
    public var field_tail_words: [String]?
    public var note_items: [String]
    public var notes: [RawPattern]
    public var first_listed_lead: Located<String>
    public var marked_lead: RawMarkedLead?
    public var standing_note: Located<String>?
    public var department_suffixes: [String]
    public var not_department: Located<String>
    public var max_department_length: Located<Int>
    public var jurisdiction_prefixes: [String]
    public var collective_prefixes: [String]
    public var shared_suffixes: [String]
    public var inherit_unknown_max: Located<Int>?
    public var inherit_field_max: Located<Int>?
    public var inherit_unknown_except: [String]?
    public var inherit_parallel_min: Located<Int>?
    public var division_inheritance: RawDivisionInheritance?
    public var organ_starts: [String]?
    public var party_prefixes: RawPartyPrefixes?
    public var unprefixed_starts: [String]?
    public var labelled_bodies: [String]?
    public var place_suffixes: [String]?
    public var place_name_max: Located<Int>?
    public var branch_endings: [String]?
    public var shared_field_max: Located<Int>?
    public var generic: Located<String>
    public var township_names: Located<String>?
    public var bare_list_role: Located<String>
    public var bare_list_lines: Bool?
    public var departments: [RawDepartment]
    public var leading: RawLeading?
  }

  public struct RawRegionLevels: Decodable, Sendable {
    public var words: [String]
    public var not_followed_by: [String]
    public var collective_bodies: [String]?
  }

  public struct RawLeading: Decodable, Sendable {
    public var max_length: Located<Int>
    public var max_heading: Located<Int>
    public var links: [String]
    public var not_followed_by: [String]
    public var later_clauses: Bool?
    public var later_clauses_alone: Located<Int>?
    public var after_clauses: [String]?
    public var max_lead_in: Located<Int>?
    public var heading_names: [String]?
    public var duty_headings: [String]?
    public var duty_list_intros: [String]?
    public var duty_list_min_items: Located<Int>?
    public var colon_subjects: Bool?
    public var colon_subject_tails: [String]?
    public var collective_words: [String]?
    public var modals: [String]?
    public var modal_role_words: [String]?
    public var catch_all_words: [String]?
    public var how_clause_role_words: [String]?
    public var opening_clauses: [String]?
    public var duty_name_endings: [String]?
    public var duty_name_max_length: Located<Int>?
    public var sure_name_max_length: Located<Int>?
    public var inner_lead_ins: [String]?
    public var unit_note_words: [String]?
    public var unit_note_endings: [String]?
    public var staff_words: [String]?
    public var max_role_object: Located<Int>?
    public var followed_anyway: [String]?
    public var copulas: [String]?
    public var role_nouns: [RawRoleWord]?
  }

  public struct RawBrackets: Decodable, Sendable {
    public var open: Located<[String]>
    public var close: [String]
  }

  public struct RawLabelInference: Decodable, Sendable {
    public var endings: [String]
    public var max_length: Located<Int>
    public var keywords: [RawRoleWord]
  }

  public struct RawRoleWord: Decodable, Sendable {
    public var text: Located<String>
    public var roles: Located<[String]>
  }

  public struct RawJoiner: Decodable, Sendable {
    public var text: Located<String>
    public var first_is_lead: Bool
    public var names_subject: Bool?
  }

  /// `marked_lead` as written.
  public struct RawMarkedLead: Decodable, Sendable {
    public var declaration: Located<String>
    public var rest_participating: Located<String>?
  }

  public struct RawPattern: Decodable, Sendable {
    public var id: String
    public var pattern: Located<String>
  }

  public struct RawDepartment: Decodable, Sendable {
    public var name: Located<String>
    public var aliases: [Located<String>]
  }

  // MARK: compiled

  /// Opening bracket scalar -> index of its pair; closing likewise.
  public let openBrackets: [Unicode.Scalar]
  public let closeBrackets: [Unicode.Scalar]
  public let maxLength: Int
  public let trailing: ScalarSet
  public let sentenceEnds: ScalarSet
  public let separators: ScalarSet
  public let colons: ScalarSet
  /// Longest first.
  public let labels: [RoleWord]
  /// Labels read only at the start of a clause's last line, before a colon (`相关部门：A、B等。`): words that elsewhere
  /// name bodies (`相关部门配合`), so never looked for inside a list or without their colon. Longest first; empty when
  /// `line_labels` is absent.
  public let lineLabels: [RoleWord]
  /// Labels whose lists are not departments (完成时限：), longest first.
  public let ignoredLabels: [[Unicode.Scalar]]
  /// Table columns whose cells are never departments, besides `ignoredLabels` (备注).
  public let ignoredColumns: [[Unicode.Scalar]]
  public let roleWords: [RoleWord]
  public let inlineRoles: [RoleWord]
  public let joiners: [Joiner]
  /// `joiner_generic_partners`: a partner named after a lead's joiner that is one of these, perhaps after a jurisdiction
  /// or `各`, is dropped.
  public let joinerGenericPartners: [String]
  public let leadIns: [[Unicode.Scalar]]
  /// Words ending a phrase before an item's names (各项政策措施均需各市政府): the item's text up to and
  /// including the last of them is dropped. Empty when `lead_in_ends` is absent.
  public let leadInEnds: [[Unicode.Scalar]]
  /// Labels not in `labels`: a name of at most `maxLength` Chinese characters ending in one of
  /// `endings` and holding one of `keywords` (the first in the rules' order gives the roles), then a
  /// colon (`共同责任单位：`, `涉及部门：`). nil when `label_inference` is absent.
  public let labelInference: LabelInference?
  public struct LabelInference: Sendable {
    public let endings: [[Unicode.Scalar]]
    public let maxLength: Int
    public let keywords: [RoleWord]
  }
  /// Symbols set before a name in a table cell (★区发改委): dropped from an item's start. Empty when
  /// `item_marks` is absent.
  public let itemMarks: ScalarSet
  /// Lead-ins of a line that says who does a whole section (此项工作由…牵头，…配合。), longest first.
  public let sectionLeadIns: [[Unicode.Scalar]]
  /// Words joining two departments that are split only when the second starts with a prefix
  /// (省直各部门和各市人民政府), never inside a name (人力资源和社会保障厅).
  public let andWords: [[Unicode.Scalar]]
  /// Administrative levels (市, 县, 自治州 …), longest first: list items made only of them are one
  /// body with the item after them (各市、县人民政府). Empty when `region_levels` is absent.
  public let regionLevels: [[Unicode.Scalar]]
  /// A level followed by one of these is no level (市直有关部门 is the city's own departments).
  public let regionLevelsNotFollowedBy: [[Unicode.Scalar]]
  /// After levels that start with 各 (各市、县…), the bodies the levels may share (人民政府, 政府); empty: any department.
  public let regionCollectiveBodies: [[Unicode.Scalar]]
  /// Titles of officials (副市长): a subject step or a list item ending with one names a person.
  public let officials: [[Unicode.Scalar]]
  /// Endings of a section heading whose subject leads every item under it (县示范区管委会牵头工作).
  public let sectionSubjectEndings: [[Unicode.Scalar]]
  /// Whether a section heading line closed by a bracket naming a lead (一、强化科技创新（区科技局牵头）) leads
  /// the items under it, as a section subject does.
  public let sectionHeadingLeads: Bool
  /// A bracket closing the last item of a section whose other units close with no list of their own is the section's.
  public let sectionClosingBrackets: Bool
  /// Adverbs written between a department and its role word (分工负责, 共同牵头), longest first.
  public let roleWordModifiers: [[Unicode.Scalar]]
  /// Longest first.
  public let tailWords: [[Unicode.Scalar]]
  /// Tails that end a list only after a field that is no department on its own (`经济和信息化等有关部门` ->
  /// `经济和信息化部门`); after a department they are a body of their own (`and_words`).
  public let fieldTailWords: [[Unicode.Scalar]]
  public let noteItems: Set<String>
  public let notes: [RuleRegex]
  public let firstListedLead: RuleRegex
  /// `marked_lead`: a declaration that the names bearing an `item_marks` mark lead (`加*号为牵头部门`), and one that the other
  /// names of such a list take part (`其余为参与部门`); nil when the rules have none.
  public let markedLead: RuleRegex?
  public let markedRestParticipating: RuleRegex?
  /// `standing_note`: a note in an attribution that gives every later task of its level to some bodies (`以下均需各县（市、区）
  /// 人民政府落实，不再列出`), with named groups `names` (the bodies and the role word after them) and, optionally, `self` (the
  /// note names its own task too: `此项及以下…`); nil when the rules have none.
  public let standingNote: RuleRegex?
  public let departmentSuffixes: [String]
  public let notDepartment: RuleRegex
  public let maxDepartmentLength: Int
  /// Longest first.
  public let jurisdictionPrefixes: [String]
  public let collectivePrefixes: [String]
  public let sharedSuffixes: [String]
  /// Longest name (characters) not in the lexicon that still inherits the list's jurisdiction prefix
  /// (工业园区 after 市发改局 -> 市工业园区); 0: only lexicon names inherit.
  public let inheritUnknownMax: Int
  /// Longest such name that still inherits when it starts as a lexicon name does (its first two characters, a field:
  /// `交通与建设局`, `旅游文化中心` after `区财政局`); 0 or at most `inheritUnknownMax`: no more than those.
  public let inheritFieldMax: Int
  /// Endings of names that never inherit that way (companies: 新畅公司 after 区园林绿化服务中心).
  public let inheritUnknownExcept: [String]
  /// Shortest ending (characters) a name written without a prefix must share with the name right before it, which has the
  /// list's prefix, to inherit it whatever its length or ending (`区国有资产投资集团有限公司、交通投资集团有限公司` ->
  /// `区交通投资集团有限公司`); 0: off.
  public let inheritParallelMin: Int
  /// Prefixes naming a body (`市局`) whose divisions (`标准技术处`, any length) inherit them in a list (`市局标准创新处、标准技术处`),
  /// and the endings of a division's name; empty: none.
  public let divisionPrefixes: [String]
  /// Starts of names of a jurisdiction's own organs and their offices (党工委党群工作部, 管委会办公室电子政务处): inside a list they
  /// inherit its jurisdiction prefix whatever their length.
  public let organStarts: [String]
  public let divisionSuffixes: [String]
  /// Endings of a named body whose division opens a list (`区经发局经信处`: 局), the short divisions after it in the list
  /// inheriting the body (`发改处` -> `区经发局发改处`); empty: off. As scalars, for `Engine.divisionTail`.
  public let divisionOwners: [[Unicode.Scalar]]
  /// `divisionSuffixes` as scalars, for `Engine.divisionTail`, which runs on every listed name.
  public let divisionSuffixScalars: [[Unicode.Scalar]]
  /// Party committees' prefixes (`区委`) and the endings of the committee's own bodies (`宣传部`, `党校`): a name without a
  /// prefix after one inherits it only when it ends with one of `partyBodies`, and inherits nothing otherwise; empty: none.
  public let partyPrefixes: [String]
  public let partyBodies: [String]
  /// Words a name may start with whose first character is a jurisdiction's but no prefix (市政部门, 市场监管部门): such a
  /// name has no jurisdiction prefix, so the list's later names inherit none from it.
  public let unprefixedStarts: [String]
  /// Endings that `not_department` rules out without a label (`（含中医院）`) but that name a body in a
  /// labelled list (`责任单位：职业技术学院、轵城镇人民政府`).
  public let labelledBodies: [String]
  /// Governments shared by bare place names listed before them (哈尔滨、黑河、绥芬河市政府), longest first.
  public let placeSuffixes: [String]
  public let placeNameMax: Int
  /// Endings of a branch named after its place (`分行`, `分局`): a branch after another of one body, named by its place alone,
  /// takes that body's head (`人民银行广东省分行、深圳市分行` -> `人民银行深圳市分行`). Longest first; empty: off.
  public let branchEndings: [[Unicode.Scalar]]
  /// Longest item, in characters, that takes a list's shared word on a line of names alone (`市商业、外经、信息产业局`):
  /// a longer one is a clause, not a field (0: no limit).
  public let sharedFieldMax: Int
  public let generic: RuleRegex
  /// Names of townships (岚城乡, 北厝镇): complete names although no `department_suffixes` entry ends them; they take no
  /// list's shared word, but do share a government named after them (岚城乡、北厝镇人民政府). Optional.
  public let townshipNames: RuleRegex?
  public let bareListRole: AttributionRole
  /// A line of names only after a sentence's end closes its paragraph (the 责任单位 cells of a table
  /// whose header was lost): `市经信局、市财政局等，各县、市、区政府，咸宁高新区管委会`.
  public let bareListLines: Bool
  /// Every canonical name and alias -> canonical name.
  public let lexicon: [String: String]
  /// Canonical names.
  public let canonicalNames: Set<String>
  /// Departments named as the subject at a unit's start (`leading`), nil when the key is absent.
  public let leading: Leading?

  /// `leading` in the YAML: how far a unit's start is read for `A、B协同C负责…`.
  public struct Leading: Sendable {
    public let maxLength: Int
    /// Longest title sentence (up to its 。) after which the departments may come instead.
    public let maxHeading: Int
    /// Role words after which the next list follows without a comma (A、B协同C负责).
    public let links: [[Unicode.Scalar]]
    /// A role word followed by one of these belongs to another word (负责人, 负责同志).
    public let notFollowedBy: [[Unicode.Scalar]]
    /// …unless followed by one of these (负责制定, 负责人员: the role word and the next word's start).
    public let followedAnyway: [[Unicode.Scalar]]
    /// Once the unit's first words (or those after its title) name departments, every later clause
    /// of the unit that starts with departments and a role word adds its own (a division of duties:
    /// 市发改委负责项目立项；市规划局负责规划选址；…). Only for a unit without a closing attribution.
    public let laterClauses: Bool
    /// Without a subject at the unit's start, at least this many such clauses make a division of
    /// duties all the same (…抓好落实。建设部门负责…。发展改革部门负责…); 0: never.
    public let laterClausesAlone: Int
    /// Clause ends after which the departments may come instead, searched in the unit's first
    /// `maxLeadIn` characters (关于“…”的问题，由发展改革委会同…).
    public let afterClauses: [[Unicode.Scalar]]
    public let maxLeadIn: Int
    /// A clause whose heading line is only department names, and whose text holds one of these words,
    /// is those departments' duties (`（二）县（市）区政府` / `具体负责对本行政区域内…`). Empty: off.
    public let headingNames: [[Unicode.Scalar]]
    /// Words of a section heading that makes the section a division of duties (`四、工作职责`): an item under it
    /// that starts with department names, without a role word or any other attribution, names them as
    /// responsible (`1.县国动办、县文旅广电局确保…`). Empty: off.
    public let dutyHeadings: [[Unicode.Scalar]]
    /// Words ending a line, before its colon, that opens a list of duties inside a unit (`…联合预审具体职责为：`): each line
    /// after it that starts with department names, without a role word, names them as responsible (`区发展改革委对项目立项
    /// 出具预审意见；`). Empty: off.
    public let dutyListIntros: [[Unicode.Scalar]]
    /// A numbered item starting with department names and a colon names them as responsible without a role word.
    public let colonSubjects: Bool
    /// Words naming the duties between the names and the colon (`工商部门职责：`), dropped. Longest first.
    public let colonSubjectTails: [[Unicode.Scalar]]
    /// Words that make a name a collective (各, 有关, 成员: 各区有关行政部门职责): a heading of duties (`X职责`) does not name
    /// it, nor is it a subject after a comma. Empty: every department-like name counts.
    public var collectiveWords: [String] = []
    /// Numbered items under one parent that make it a list of bodies' duties without a heading naming them, when at least
    /// two thirds of its items (and this many) start with distinct department names followed by a `modals` word (`（二）发展改革部门
    /// 要…`, `（五）民政部门要…`): each item starting with names then names them as responsible, as under `dutyHeadings`. 0: off.
    public var dutyListMinItems = 0
    /// Modal words that may stand after the comma between names sharing their word and their scope and role word
    /// (…等有关行政部门，应当在各自职责范围内协同做好…). Empty: none.
    public var modals: [[Unicode.Scalar]] = []
    /// The role words that may follow such a modal and scope (not 落实, which takes an object there: 镇人民政府应落实专管人员).
    /// Empty: any role word.
    public var modalRoleWords: [[Unicode.Scalar]] = []
    /// Words that make a subject before a modal a catch-all (其他部门应当配合…): not read there. Empty: none.
    public var catchAllWords: [[Unicode.Scalar]] = []
    /// Endings a name outside the lexicon must have to be read there (局, 办公室…; not 会 or 协, which end
    /// too many words).
    public let dutyNameEndings: [String]
    /// Longest such name outside the lexicon, in characters.
    public let dutyNameMaxLength: Int
    /// Longest name outside the lexicon taken as a body for sure after a comma (`…，区森林与园林管理局负责设计`): a
    /// jurisdiction, a `dutyNameEndings` ending, a department's look. 0: none such.
    public var sureNameMaxLength: Int = 0
    /// Lead-ins that may stand inside the clause's first sentence, after its matter: the departments
    /// follow them (两轮摩托车非法载客由县公安局负责牵头管理，县交通局协管).
    public let innerLeadIns: [[Unicode.Scalar]]
    /// A body's unit in brackets after its name stays in a subject (区综合执法局（环保国土建设执法支队）负责…), unless the
    /// bracket holds one of these words or ends with one of these endings: then it is a note on the body
    /// (（县环卫所为业主单位）). Empty: no word or ending makes it a note.
    public let unitNoteWords: [String]
    public let unitNoteEndings: [String]
    /// Words naming a department's own people after its name (由市安监局1名县级领导带队, 由市发改委主要
    /// 负责同志牵头): dropped with a count (1名) or 的 before them, so that the department is named.
    /// Longest first.
    public let staffWords: [[Unicode.Scalar]]
    /// Longest object of a role word (Han characters) before the comma after which the next step's
    /// names may follow (由县公安局负责牵头管理，县交通局协管: 管理); 0: the comma must follow at once.
    public let maxRoleObject: Int
    /// `A是…的责任主体`: after names, a copula (是, 为) and a clause ending with one of `roleNouns` give the
    /// names that noun's roles. Empty: off.
    public let copulas: [[Unicode.Scalar]]
    public let roleNouns: [RoleWord]
    /// Role words that may follow names, a short clause of how after 要 and a comma (各区县政府要高度重视，负责…).
    /// Empty: off.
    public let howClauseRoleWords: [[Unicode.Scalar]]
    /// Words that open a clause of grounds before the subject (根据干部管理权限，市委组织部…分别负责): the subject may
    /// follow that clause's comma. Empty: off.
    public let openingClauses: [[Unicode.Scalar]]
  }

  public init(raw: Raw, file: String) throws(RuleErrors) {
    let top = RuleLocation(file: file, line: 1, column: 1)
    guard raw.version == 1 else {
      throw RuleErrors([RuleProblem(top, code: "R005",
                                    "unsupported rules version \(raw.version); this Gongwen reads version 1")])
    }
    var problems: [RuleProblem] = []
    func at(_ l: RuleLocation?) -> RuleLocation { l ?? top }
    func bad(_ l: RuleLocation?, _ message: String) { problems.append(RuleProblem(at(l), code: "R005", message)) }

    // single characters
    func chars(_ list: [String], key: String, loc: RuleLocation? = nil) -> [Unicode.Scalar] {
      var out: [Unicode.Scalar] = []
      for s in list {
        let u = Array(s.unicodeScalars)
        if u.count == 1 { out.append(u[0]) } else { bad(loc, "'\(key)': '\(s)' must be exactly one character") }
      }
      return out
    }
    openBrackets = chars(raw.brackets.open.value, key: "brackets.open", loc: raw.brackets.open.location)
    closeBrackets = chars(raw.brackets.close, key: "brackets.close", loc: raw.brackets.open.location)
    if openBrackets.count != closeBrackets.count || openBrackets.isEmpty {
      bad(raw.brackets.open.location, "'brackets': 'open' and 'close' must list the same number of characters (at least one)")
    }
    maxLength = raw.max_length.value
    if maxLength < 8 || maxLength > 10_000 { bad(raw.max_length.location, "'max_length' must be between 8 and 10000") }
    maxDepartmentLength = raw.max_department_length.value
    if maxDepartmentLength < 2 || maxDepartmentLength > 200 {
      bad(raw.max_department_length.location, "'max_department_length' must be between 2 and 200")
    }
    trailing = ScalarSet(chars(raw.trailing, key: "trailing"))
    sentenceEnds = ScalarSet(chars(raw.sentence_ends, key: "sentence_ends"))
    separators = ScalarSet(chars(raw.separators, key: "separators"))
    colons = ScalarSet(chars(raw.colons, key: "colons"))
    if colons.isEmpty { bad(nil, "'colons' must list at least one character") }
    if separators.isEmpty { bad(nil, "'separators' must list at least one character") }

    func roleWords(_ list: [RawRoleWord], key: String) -> [RoleWord] {
      var out: [RoleWord] = []
      for w in list {
        let text = Array(w.text.value.unicodeScalars)
        if text.isEmpty { bad(w.text.location, "'\(key)': empty text"); continue }
        var roles: [AttributionRole] = []
        for r in w.roles.value {
          if let role = AttributionRole(rawValue: r) { roles.append(role) } else {
            bad(w.roles.location, "'\(key)': unknown role '\(r)' for '\(w.text.value)'; use lead, responsible or participating")
          }
        }
        if w.roles.value.isEmpty { bad(w.roles.location, "'\(key)': '\(w.text.value)' needs at least one role") }
        out.append(RoleWord(text: text, roles: roles))
      }
      return out.sorted { $0.text.count > $1.text.count }
    }
    labels = roleWords(raw.labels, key: "labels")
    lineLabels = roleWords(raw.line_labels ?? [], key: "line_labels")
    for w in raw.line_labels ?? [] where raw.labels.contains(where: { $0.text.value == w.text.value }) {
      bad(w.text.location, "'line_labels': '\(w.text.value)' is also in 'labels'; keep it in one of them")
    }
    ignoredLabels = raw.ignored_labels.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    ignoredColumns = raw.ignored_columns.value.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    for c in ignoredColumns + ignoredLabels where labels.contains(where: { $0.text == c }) {
      bad(raw.ignored_columns.location,
          "'\(String(String.UnicodeScalarView(c)))' is both a label and an ignored label or column")
    }
    self.roleWords = roleWords(raw.role_words, key: "role_words")
    if let li = raw.label_inference {
      // (keywords keep the rules' order: the first found gives the roles)
      let keywords = roleWords(li.keywords, key: "label_inference.keywords")
      let ordered = li.keywords.compactMap { w in keywords.first { $0.text == Array(w.text.value.unicodeScalars) } }
      if li.max_length.value < 2 { bad(li.max_length.location, "'label_inference.max_length' must be at least 2") }
      labelInference = LabelInference(endings: li.endings.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
                                      maxLength: li.max_length.value, keywords: ordered)
    } else {
      labelInference = nil
    }
    inlineRoles = roleWords(raw.inline_roles, key: "inline_roles")
    var joiners: [Joiner] = []
    for j in raw.joiners {
      if j.text.value.isEmpty { bad(j.text.location, "'joiners': empty text"); continue }
      if j.text.value.contains("和") { bad(j.text.location, "'joiners': never split on 和 (人力资源和社会保障厅)") }
      joiners.append(Joiner(text: Array(j.text.value.unicodeScalars), firstIsLead: j.first_is_lead,
                            namesSubject: j.names_subject ?? false))
    }
    self.joiners = joiners.sorted { $0.text.count > $1.text.count }
    joinerGenericPartners = (raw.joiner_generic_partners ?? []).filter { !$0.isEmpty }
    leadIns = raw.lead_ins.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    itemMarks = ScalarSet((raw.item_marks ?? "").unicodeScalars)
    leadInEnds = (raw.lead_in_ends ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    sectionLeadIns = (raw.section_lead_ins ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
      .sorted { $0.count > $1.count }
    andWords = raw.and_words.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    regionLevels = (raw.region_levels?.words ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
      .sorted { $0.count > $1.count }
    regionLevelsNotFollowedBy = (raw.region_levels?.not_followed_by ?? []).filter { !$0.isEmpty }
      .map { Array($0.unicodeScalars) }
    regionCollectiveBodies = (raw.region_levels?.collective_bodies ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    officials = (raw.officials ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    sectionSubjectEndings = (raw.section_subject_endings ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
      .sorted { $0.count > $1.count }
    sectionHeadingLeads = raw.section_heading_leads ?? false
    sectionClosingBrackets = raw.section_closing_brackets ?? false
    roleWordModifiers = raw.role_word_modifiers.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
      .sorted { $0.count > $1.count }
    tailWords = raw.tail_words.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    fieldTailWords = (raw.field_tail_words ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
      .sorted { $0.count > $1.count }
    noteItems = Set(raw.note_items)
    if separators.contains("和") { bad(nil, "'separators': never split on 和 (人力资源和社会保障厅)") }

    func regex(_ id: String, _ p: Located<String>) -> RuleRegex? {
      do { return try RuleRegex(id: id, pattern: p, file: file) } catch {
        problems.append(error)
        return nil
      }
    }
    var notes: [RuleRegex] = []
    for n in raw.notes { if let r = regex("notes.\(n.id)", n.pattern) { notes.append(r) } }
    self.notes = notes
    let firstListed = regex("first_listed_lead", raw.first_listed_lead)
    markedLead = raw.marked_lead.flatMap { regex("marked_lead.declaration", $0.declaration) }
    markedRestParticipating = raw.marked_lead?.rest_participating.flatMap { regex("marked_lead.rest_participating", $0) }
    standingNote = raw.standing_note.flatMap { regex("standing_note", $0) }
    if let rule = standingNote, (try? rule.matcher())?.groupNumber(named: "names") == nil {
      bad(raw.standing_note?.location, "standing_note needs a named group `names` (the bodies and their role word)")
    }
    if raw.marked_lead != nil, (raw.item_marks ?? "").isEmpty {
      bad(raw.marked_lead?.declaration.location, "marked_lead needs item_marks (the marks a declaration names)")
    }
    let notDepartment = regex("not_department", raw.not_department)
    let generic = regex("generic", raw.generic)
    let township = raw.township_names.flatMap { regex("township_names", $0) }

    departmentSuffixes = raw.department_suffixes.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    jurisdictionPrefixes = raw.jurisdiction_prefixes.filter { !$0.isEmpty }
      .sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
    collectivePrefixes = raw.collective_prefixes.filter { !$0.isEmpty }
      .sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
    sharedSuffixes = raw.shared_suffixes.filter { !$0.isEmpty }
    inheritUnknownMax = max(0, raw.inherit_unknown_max?.value ?? 0)
    inheritFieldMax = max(0, raw.inherit_field_max?.value ?? 0)
    inheritUnknownExcept = (raw.inherit_unknown_except ?? []).filter { !$0.isEmpty }
    inheritParallelMin = max(0, raw.inherit_parallel_min?.value ?? 0)
    divisionPrefixes = (raw.division_inheritance?.prefixes ?? []).map(\.value).filter { !$0.isEmpty }
    organStarts = (raw.organ_starts ?? []).filter { !$0.isEmpty }
    divisionSuffixes = (raw.division_inheritance?.suffixes ?? []).filter { !$0.isEmpty }
    divisionSuffixScalars = divisionSuffixes.map { Array($0.unicodeScalars) }
    divisionOwners = (raw.division_inheritance?.owners ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    partyPrefixes = (raw.party_prefixes?.prefixes ?? []).map(\.value).filter { !$0.isEmpty }
    // a division's or a committee's prefix is read only where a list's prefix is found, so one that is no
    // jurisdiction prefix would never apply
    for (key, prefixes) in [("division_inheritance", raw.division_inheritance?.prefixes ?? []),
                            ("party_prefixes", raw.party_prefixes?.prefixes ?? [])] {
      for p in prefixes where !p.value.isEmpty && !raw.jurisdiction_prefixes.contains(p.value) {
        bad(p.location, "'\(key)': prefix '\(p.value)' is not in jurisdiction_prefixes, so no list ever gives it; add it there or remove it here")
      }
    }
    partyBodies = (raw.party_prefixes?.bodies ?? []).filter { !$0.isEmpty }
    unprefixedStarts = (raw.unprefixed_starts ?? []).filter { !$0.isEmpty }
    labelledBodies = (raw.labelled_bodies ?? []).filter { !$0.isEmpty }
    if let v = raw.inherit_unknown_max, v.value < 0 {
      problems.append(RuleProblem(at(v.location), code: "R005", "inherit_unknown_max must be 0 or more"))
    }
    if let v = raw.inherit_parallel_min, v.value < 0 {
      problems.append(RuleProblem(at(v.location), code: "R005", "inherit_parallel_min must be 0 or more"))
    }
    if let v = raw.inherit_field_max, v.value < 0 {
      problems.append(RuleProblem(at(v.location), code: "R005", "inherit_field_max must be 0 or more"))
    }
    placeSuffixes = (raw.place_suffixes ?? []).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    placeNameMax = max(0, raw.place_name_max?.value ?? 0)
    branchEndings = (raw.branch_endings ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    sharedFieldMax = max(0, raw.shared_field_max?.value ?? 0)
    let bare = AttributionRole(rawValue: raw.bare_list_role.value)
    if bare == nil {
      bad(raw.bare_list_role.location, "'bare_list_role': unknown role '\(raw.bare_list_role.value)'; use lead, responsible or participating")
    }

    var lexicon: [String: String] = [:]
    var canonical: Set<String> = []
    for d in raw.departments {
      let name = d.name.value
      if name.isEmpty || name.contains(where: { $0.isWhitespace }) {
        bad(d.name.location, "'departments': name '\(name)' must be non-empty and without spaces"); continue
      }
      if canonical.contains(name) { bad(d.name.location, "'departments': '\(name)' is listed twice") }
      canonical.insert(name)
    }
    for d in raw.departments where !d.name.value.isEmpty {
      let name = d.name.value
      if let other = lexicon[name], other != name {
        bad(d.name.location, "'departments': '\(name)' is both a name and an alias of '\(other)'")
      }
      lexicon[name] = name
      for a in d.aliases {
        if a.value.isEmpty { bad(a.location, "'departments': empty alias for '\(name)'"); continue }
        if canonical.contains(a.value) && a.value != name {
          bad(a.location, "'departments': alias '\(a.value)' of '\(name)' is itself a canonical name"); continue
        }
        if let other = lexicon[a.value], other != name {
          bad(a.location, "'departments': alias '\(a.value)' is given for both '\(other)' and '\(name)'"); continue
        }
        lexicon[a.value] = name
      }
    }

    var leading: Leading? = nil
    if let l = raw.leading {
      if l.max_length.value < 4 { bad(l.max_length.location, "'leading.max_length' must be at least 4") }
      let links = l.links.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
      for w in links where !self.roleWords.contains(where: { $0.text == w }) {
        bad(l.max_length.location, "'leading.links': '\(String(String.UnicodeScalarView(w)))' is not one of 'role_words'")
      }
      if l.max_heading.value < 0 { bad(l.max_heading.location, "'leading.max_heading' must not be negative") }
      leading = Leading(maxLength: l.max_length.value, maxHeading: max(0, l.max_heading.value), links: links,
                        notFollowedBy: l.not_followed_by.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
                        followedAnyway: (l.followed_anyway ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
                        laterClauses: l.later_clauses ?? false,
                        laterClausesAlone: max(0, l.later_clauses_alone?.value ?? 0),
                        afterClauses: (l.after_clauses ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
                        maxLeadIn: max(0, l.max_lead_in?.value ?? 0),
                        headingNames: (l.heading_names ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
                        dutyHeadings: (l.duty_headings ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
                        dutyListIntros: (l.duty_list_intros ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
                        colonSubjects: l.colon_subjects ?? false,
                        colonSubjectTails: (l.colon_subject_tails ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
                          .sorted { $0.count > $1.count },
                        dutyNameEndings: (l.duty_name_endings ?? []).filter { !$0.isEmpty },
                        dutyNameMaxLength: max(0, l.duty_name_max_length?.value ?? 0),
                        innerLeadIns: (l.inner_lead_ins ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
                        unitNoteWords: (l.unit_note_words ?? []).filter { !$0.isEmpty },
                        unitNoteEndings: (l.unit_note_endings ?? []).filter { !$0.isEmpty },
                        staffWords: (l.staff_words ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
                          .sorted { $0.count > $1.count },
                        maxRoleObject: max(0, l.max_role_object?.value ?? 0),
                        copulas: (l.copulas ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
                        roleNouns: roleWords(l.role_nouns ?? [], key: "leading.role_nouns"),
                        howClauseRoleWords: (l.how_clause_role_words ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) },
                        openingClauses: (l.opening_clauses ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) })
      leading?.collectiveWords = (l.collective_words ?? []).filter { !$0.isEmpty }
      leading?.modals = (l.modals ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
      leading?.modalRoleWords = (l.modal_role_words ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
      leading?.catchAllWords = (l.catch_all_words ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
      leading?.sureNameMaxLength = max(0, l.sure_name_max_length?.value ?? 0)
      leading?.dutyListMinItems = max(0, l.duty_list_min_items?.value ?? 0)
    }
    self.leading = leading

    guard problems.isEmpty, let firstListed, let notDepartment, let generic, let bare else {
      throw RuleErrors(problems)
    }
    self.firstListedLead = firstListed
    self.notDepartment = notDepartment
    self.generic = generic
    self.townshipNames = township
    self.bareListRole = bare
    self.bareListLines = raw.bare_list_lines ?? false
    self.lexicon = lexicon
    self.canonicalNames = canonical
  }
}

/// `party_prefixes` in attribute.yaml.
public struct RawPartyPrefixes: Decodable, Sendable {
  public var prefixes: [Located<String>]
  public var bodies: [String]
}

/// `division_inheritance` in attribute.yaml.
public struct RawDivisionInheritance: Decodable, Sendable {
  public var prefixes: [Located<String>]
  public var suffixes: [String]
  public var owners: [String]?
}
