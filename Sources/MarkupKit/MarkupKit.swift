internal import CLibXML2

/// MarkupKit: libxml2's HTML and XML parsers behind a small Swift API (no Foundation).
/// Parsed trees are converted to Swift values and the C document is freed before returning.
public enum MarkupKit {
  /// libxml2's runtime version string, e.g. "20914".
  public static var libxmlVersion: String { String(cString: cxml_version()) }
}
