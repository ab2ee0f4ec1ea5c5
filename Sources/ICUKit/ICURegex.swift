internal import CICU

/// A compiled ICU regular expression. Not thread-safe: use `copy()` per task.
///
/// Matching works on UTF-16 internally; the API takes and returns offsets in
/// Unicode scalars, matching the rest of Gongwen.
public final class ICURegex: @unchecked Sendable {
  public struct Options: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public static let caseInsensitive = Options(rawValue: 2)
    public static let comments = Options(rawValue: 4)
    public static let multiline = Options(rawValue: 8)
    public static let dotAll = Options(rawValue: 32)
  }

  /// A pattern that does not compile: ICU's error name and the position inside the pattern.
  public struct CompileError: Error, Sendable, CustomStringConvertible {
    public let name: String
    /// 1-based line inside the pattern (ICU reports 0 for single-line patterns, normalised here to 1).
    public let line: Int
    /// 0-based offset in Unicode scalars inside that line, or nil when ICU gave none.
    public let offset: Int?
    public var description: String {
      offset.map { "\(name) at pattern offset \($0)" } ?? name
    }
  }

  public let pattern: String
  public let options: Options
  /// Match-step limit; ICU reports U_REGEX_TIME_OUT when exceeded.
  public let timeLimit: Int32
  private let handle: OpaquePointer
  private var text: [UInt16] = []
  private var scalarIndexOfUnit: [Int32] = []

  public init(_ pattern: String, options: Options = [], timeLimit: Int32 = 0) throws(CompileError) {
    self.pattern = pattern
    self.options = options
    self.timeLimit = timeLimit
    let units = Array(pattern.utf16)
    var line: Int32 = 0, offset: Int32 = -1, status: Int32 = 0
    let h = units.withUnsafeBufferPointer { buf in
      cicu_regex_open(buf.baseAddress, Int32(buf.count), options.rawValue, &line, &offset, &status)
    }
    guard let h, !failed(status) else {
      var scalarOffset: Int? = nil
      if offset >= 0 {
        // convert the UTF-16 offset inside the reported line to scalars
        let lines = pattern.split(separator: "\n", omittingEmptySubsequences: false)
        let l = max(0, Int(line) - 1)
        let lineText = l < lines.count ? String(lines[l]) : pattern
        var u = 0, s = 0
        for sc in lineText.unicodeScalars {
          if u >= Int(offset) { break }
          u += sc.utf16.count; s += 1
        }
        scalarOffset = s
      }
      throw CompileError(name: String(cString: cicu_error_name(status)), line: max(1, Int(line)),
                         offset: scalarOffset)
    }
    handle = h
    if timeLimit > 0 {
      var st: Int32 = 0
      cicu_regex_set_time_limit(handle, timeLimit, &st)
    }
  }

  private init(cloning other: ICURegex) throws(ICUError) {
    pattern = other.pattern
    options = other.options
    timeLimit = other.timeLimit
    var st: Int32 = 0
    guard let h = cicu_regex_clone(other.handle, &st), !failed(st) else {
      throw ICUError(st, "uregex_clone")
    }
    handle = h
    if timeLimit > 0 { cicu_regex_set_time_limit(h, timeLimit, &st) }
  }

  /// An independent copy for use on another thread.
  public func copy() throws(ICUError) -> ICURegex { try ICURegex(cloning: self) }

  deinit { cicu_regex_close(handle) }

  /// One match: the whole range and each group's range (nil for groups that did not take part),
  /// all in Unicode-scalar offsets of the searched text.
  public struct Match: Sendable, Equatable {
    public let range: Range<Int>
    public let groups: [Range<Int>?]
    public init(range: Range<Int>, groups: [Range<Int>?]) {
      self.range = range
      self.groups = groups
    }
  }

  /// Number of capture groups in the pattern.
  public var groupCount: Int {
    var st: Int32 = 0
    let n = cicu_regex_group_count(handle, &st)
    return failed(st) ? 0 : Int(n)
  }

  /// All non-overlapping matches in `scalars`. Throws `ICUError` with `isTimeout` when the
  /// time limit is hit.
  public func matches(in scalars: some Collection<Unicode.Scalar>) throws(ICUError) -> [Match] {
    try load(scalars)
    var result: [Match] = []
    var st: Int32 = 0
    let h = handle
    var found = cicu_regex_find(h, 0, &st)
    while found != 0 {
      result.append(try currentMatch())
      found = cicu_regex_find_next(h, &st)
    }
    if failed(st) { throw ICUError(st, "uregex_findNext") }
    return result
  }

  /// All matches in a String.
  public func matches(in string: String) throws(ICUError) -> [Match] {
    try matches(in: string.unicodeScalars)
  }

  /// The first match starting at or after scalar offset `from`.
  public func firstMatch(in scalars: some Collection<Unicode.Scalar>, from: Int = 0) throws(ICUError) -> Match? {
    try load(scalars)
    return try find(from: from)
  }

  /// An anchored match beginning exactly at scalar offset `at`.
  public func match(in scalars: some Collection<Unicode.Scalar>, at: Int) throws(ICUError) -> Match? {
    try load(scalars)
    return try lookingAt(at)
  }

  /// Loads text once for repeated `find(from:)`/`lookingAt(_:)` calls.
  public func load(_ scalars: some Collection<Unicode.Scalar>) throws(ICUError) {
    // Contiguous input (arrays, array slices) takes the specialised buffer loop; the generic loop
    // over an unspecialised Collection costs an order of magnitude more per scalar.
    let done: Void? = scalars.withContiguousStorageIfAvailable { buf in convert(buf) }
    if done == nil { convert(Array(scalars)) }
    var st: Int32 = 0
    text.withUnsafeBufferPointer { buf in
      cicu_regex_set_text(handle, buf.baseAddress, Int32(buf.count), &st)
    }
    if failed(st) { throw ICUError(st, "uregex_setText") }
  }

  /// Fills `text` (UTF-16) and `scalarIndexOfUnit` from scalars.
  private func convert<C: RandomAccessCollection>(_ scalars: C) where C.Element == Unicode.Scalar {
    if let buf = scalars as? UnsafeBufferPointer<Unicode.Scalar>, !buf.contains(where: { $0.value > 0xFFFF }) {
      // one unit per scalar (the usual text): written straight into the arrays' storage
      let n = buf.count
      text = [UInt16](unsafeUninitializedCapacity: n) { out, count in
        for i in 0..<n { out[i] = UInt16(truncatingIfNeeded: buf[i].value) }
        count = n
      }
      scalarIndexOfUnit = [Int32](unsafeUninitializedCapacity: n + 1) { out, count in
        for i in 0...n { out[i] = Int32(truncatingIfNeeded: i) }
        count = n + 1
      }
      return
    }
    var units: [UInt16] = []
    units.reserveCapacity(scalars.count)
    var map: [Int32] = []
    map.reserveCapacity(scalars.count + 1)
    var i: Int32 = 0
    for s in scalars {
      if s.value > 0xFFFF {
        let v = s.value - 0x10000
        units.append(UInt16(0xD800 + (v >> 10)))
        units.append(UInt16(0xDC00 + (v & 0x3FF)))
        map.append(i); map.append(i)
      } else {
        units.append(UInt16(s.value))
        map.append(i)
      }
      i += 1
    }
    map.append(i)
    text = units
    scalarIndexOfUnit = map
  }

  /// Loads text converted once by `PreparedText` (shared, not copied) for `find`/`lookingAt`.
  public func load(_ prepared: PreparedText) throws(ICUError) {
    text = prepared.units
    scalarIndexOfUnit = prepared.scalarIndexOfUnit
    var st: Int32 = 0
    text.withUnsafeBufferPointer { buf in
      cicu_regex_set_text(handle, buf.baseAddress, Int32(buf.count), &st)
    }
    if failed(st) { throw ICUError(st, "uregex_setText") }
  }

  /// Next match at or after scalar offset `from` in the loaded text.
  public func find(from: Int) throws(ICUError) -> Match? {
    let u = unitIndex(ofScalar: from)
    guard u <= text.count else { return nil }
    var st: Int32 = 0
    let ok = cicu_regex_find(handle, Int32(u), &st)
    if failed(st) { throw ICUError(st, "uregex_find") }
    return ok != 0 ? try currentMatch() : nil
  }

  /// Anchored match at scalar offset `at` in the loaded text.
  public func lookingAt(_ at: Int) throws(ICUError) -> Match? {
    let u = unitIndex(ofScalar: at)
    guard u <= text.count else { return nil }
    var st: Int32 = 0
    let ok = cicu_regex_looking_at(handle, Int32(u), &st)
    if failed(st) { throw ICUError(st, "uregex_lookingAt") }
    return ok != 0 ? try currentMatch() : nil
  }

  /// Index of a named capture group, if the pattern has one by that name.
  public func groupNumber(named name: String) -> Int? {
    let units = Array(name.utf16)
    var st: Int32 = 0
    let n = units.withUnsafeBufferPointer {
      cicu_regex_group_number(handle, $0.baseAddress, Int32($0.count), &st)
    }
    return failed(st) || n < 0 ? nil : Int(n)
  }

  private func unitIndex(ofScalar s: Int) -> Int {
    if s <= 0 { return 0 }
    // no scalar beyond the BMP (the usual text): the map is the identity, one unit per scalar
    let units = scalarIndexOfUnit.count - 1
    if units >= 0, Int(scalarIndexOfUnit[units]) == units { return min(s, units) }
    // binary search: first unit whose scalar index >= s
    var lo = 0, hi = scalarIndexOfUnit.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if Int(scalarIndexOfUnit[mid]) < s { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  private func currentMatch() throws(ICUError) -> Match {
    let h = handle
    var st: Int32 = 0
    let n = Int(cicu_regex_group_count(h, &st))
    func range(_ g: Int) throws(ICUError) -> Range<Int>? {
      var st: Int32 = 0
      let s = cicu_regex_start(h, Int32(g), &st)
      let e = cicu_regex_end(h, Int32(g), &st)
      if failed(st) { throw ICUError(st, "uregex_start") }
      if s < 0 || e < 0 { return nil }
      return Int(scalarIndexOfUnit[Int(s)])..<Int(scalarIndexOfUnit[Int(e)])
    }
    let whole = try range(0) ?? 0..<0
    var groups: [Range<Int>?] = []
    if n > 0 { for g in 1...n { groups.append(try range(g)) } }
    return Match(range: whole, groups: groups)
  }
}
