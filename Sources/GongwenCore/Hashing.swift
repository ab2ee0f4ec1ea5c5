import Crypto

/// Lowercase hex sha256.
public func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
  var h = SHA256()
  if bytes.withContiguousStorageIfAvailable({ h.update(bufferPointer: UnsafeRawBufferPointer($0)) }) == nil {
    h.update(data: Array(bytes))
  }
  return hex(h.finalize())
}

/// Hashed straight from the string's UTF-8 (no copy of the text into an array first).
public func sha256Hex(_ string: String) -> String {
  var string = string
  var h = SHA256()
  string.withUTF8 { h.update(bufferPointer: UnsafeRawBufferPointer($0)) }
  return hex(h.finalize())
}

private func hex(_ digest: SHA256.Digest) -> String {
  let digits = Array("0123456789abcdef".utf8)
  var out: [UInt8] = []
  out.reserveCapacity(64)
  for b in digest {
    out.append(digits[Int(b >> 4)])
    out.append(digits[Int(b & 0x0F)])
  }
  return String(decoding: out, as: UTF8.self)
}
