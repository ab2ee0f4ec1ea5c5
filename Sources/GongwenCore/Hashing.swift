import Crypto

/// Lowercase hex sha256.
public func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
  var h = SHA256()
  h.update(data: Array(bytes))
  return h.finalize().map { b in
    let s = String(b, radix: 16)
    return b < 16 ? "0" + s : s
  }.joined()
}

public func sha256Hex(_ string: String) -> String { sha256Hex(Array(string.utf8)) }
