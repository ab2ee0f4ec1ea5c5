internal import CICU

/// An ICU failure, with ICU's own error name (e.g. `U_REGEX_MISMATCHED_PAREN`).
public struct ICUError: Error, Sendable, Equatable, CustomStringConvertible {
  public let code: Int32
  public let name: String
  /// The operation that failed, for messages.
  public let operation: String

  init(_ code: Int32, _ operation: String) {
    self.code = code
    self.operation = operation
    self.name = String(cString: cicu_error_name(code))
  }

  public var isTimeout: Bool { cicu_is_timeout(code) != 0 }
  public var description: String { "\(operation): \(name)" }
}

@inline(__always) func failed(_ status: Int32) -> Bool { status > 0 }
