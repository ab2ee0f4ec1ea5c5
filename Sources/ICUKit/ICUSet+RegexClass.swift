extension ICUSet {
  /// The ranges of a regex character class (`[…]` as written in an ICU regular expression).
  ///
  /// ICU reads a class in a regex and a set pattern (`uset_openPattern`) with different syntax: the
  /// set parser skips Pattern_White_Space (`[ ]` is empty there, while the regex class holds the
  /// space), reads `$` as a variable or U+FFFF, `{…}` as a string, `&` as an operator and `[:` as the
  /// start of a property. Those characters are escaped as `\uXXXX` before asking the set parser
  /// (`&&` so becomes two literal `&`: a superset of the intersection, still safe for a filter);
  /// `\p{…}`, `\N{…}`, `\x{…}` are kept as they are; `\h`, `\s`, `\d` are spelled out (the set syntax
  /// would read them as letters), any other letter escape gives nil. Nil also when the class cannot be read this way
  /// (both a POSIX-like `[:name:]` and a literal colon could be meant), so the caller falls back to
  /// not filtering. Used by the pattern analyses that decide where ICU need not be asked: a class
  /// read too small there would silently skip matches.
  public static func ranges(regexClass pattern: String) -> [ClosedRange<UInt32>]? {
    let s = Array(pattern.unicodeScalars)
    // `[:name:]` is read alike by both, so it must stay; a colon elsewhere is a literal in the
    // regex but opens a property in the set syntax (`[:：]` fails there), so it is escaped.
    var opens: [Int] = [], closes: [Int] = []
    for k in 1..<max(1, s.count) {
      if s[k - 1] == "[", s[k] == ":" { opens.append(k) }
      if s[k - 1] == ":", s[k] == "]" { closes.append(k - 1) }
    }
    if let o = opens.first, closes.contains(where: { $0 > o }) { return nil }
    var out = String.UnicodeScalarView()
    var i = 0
    while i < s.count {
      let c = s[i]
      if c == "\\", i + 1 < s.count {
        let e = s[i + 1]
        // class escapes the set syntax does not know (it reads `\h` as the letter h)
        switch e {
        case "h": out.append(contentsOf: "\\u0009\\p{Zs}".unicodeScalars); i += 2; continue
        case "s": out.append(contentsOf: "\\u0009\\u000A\\u000C\\u000D\\p{Z}".unicodeScalars); i += 2; continue
        case "d": out.append(contentsOf: "\\p{Nd}".unicodeScalars); i += 2; continue
        case "p", "P", "N", "x", "u", "U", "t", "n", "r", "f", "a", "e": break
        default:
          // any other letter or digit escape (\w, \S, \v, \b, \0…) differs or is unknown: give up
          if e.properties.isAlphabetic || e.properties.numericType != nil { return nil }
        }
        out.append(c)
        out.append(e)
        i += 2
        // a braced argument: copied as it is
        if "pPNx".unicodeScalars.contains(s[i - 1]), i < s.count, s[i] == "{",
          let close = s[i...].firstIndex(of: "}")
        {
          out.append(contentsOf: s[i...close])
          i = close + 1
        }
        continue
      }
      if c.properties.isPatternWhitespace || c == "$" || c == "&" || c == "{" || c == "}" || c == ":" {
        let hex = String(c.value, radix: 16, uppercase: true)
        out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
      } else {
        out.append(c)
      }
      i += 1
    }
    return try? ranges(String(out))
  }
}
