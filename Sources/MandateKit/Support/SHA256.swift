import CSHA256

/// SHA-256 (FIPS 180-4), used for content-derived event ids and item-text fingerprints.
///
/// Foundation on Linux has no CryptoKit, and swift-crypto would add a minute to every clean
/// build for one function; this is the textbook algorithm, checked against the NIST vectors. It
/// works on whole 64-byte blocks in place, because event ids are computed for every imported item,
/// and hands them to the processor's SHA instructions where it has them (`CSHA256`: about a
/// sixth of an import's instructions went here before).
public struct SHA256: Sendable {
  /// Whether the processor's SHA instructions compress the blocks.
  static let hardware = mandate_sha256_available() == 1

  private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
  )
  /// Bytes waiting for a full block.
  private var pending: [UInt8] = []
  private var length: UInt64 = 0

  public init() {}

  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    guard bytes.count > 0 else { return }
    length &+= UInt64(bytes.count)
    var offset = 0
    if !pending.isEmpty {
      let take = min(64 - pending.count, bytes.count)
      pending.append(contentsOf: bytes[0..<take])
      offset = take
      if pending.count == 64 {
        pending.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
        pending.removeAll(keepingCapacity: true)
      }
    }
    let blocks = (bytes.count - offset) / 64
    if blocks > 0 {
      compress(bytes.baseAddress! + offset, blocks: blocks)
      offset += blocks * 64
    }
    if offset < bytes.count { pending.append(contentsOf: bytes[offset...]) }
  }

  public mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  public mutating func update(_ text: String) {
    var text = text
    text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
  }

  public mutating func finalize() -> [UInt8] {
    let bitLength = length &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    tail.withUnsafeBytes { buffer in compress(buffer.baseAddress!, blocks: buffer.count / 64) }
    pending.removeAll()
    var digest: [UInt8] = []
    digest.reserveCapacity(32)
    for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
      digest.append(UInt8(truncatingIfNeeded: word >> 24))
      digest.append(UInt8(truncatingIfNeeded: word >> 16))
      digest.append(UInt8(truncatingIfNeeded: word >> 8))
      digest.append(UInt8(truncatingIfNeeded: word))
    }
    return digest
  }

  /// The state words, big-endian, as the digest would give them once the message is padded.
  var stateBytes: [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(32)
    for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
      bytes.append(UInt8(truncatingIfNeeded: word >> 24))
      bytes.append(UInt8(truncatingIfNeeded: word >> 16))
      bytes.append(UInt8(truncatingIfNeeded: word >> 8))
      bytes.append(UInt8(truncatingIfNeeded: word))
    }
    return bytes
  }

  /// The lower-case hexadecimal digest of `text`'s UTF-8 bytes.
  public static func hex(_ text: String) -> String {
    var hasher = SHA256()
    hasher.update(text)
    return Hex.encode(hasher.finalize())
  }

  /// The round constants, from `CSHA256`.
  nonisolated(unsafe) private static let k = UnsafeBufferPointer(start: mandate_sha256_constants(), count: 64)

  /// Processes whole 64-byte blocks, on the SHA instructions where the processor has them.
  mutating func compress(_ start: UnsafeRawPointer, blocks: Int) {
    if Self.hardware {
      withUnsafeMutableBytes(of: &state) { words in
        mandate_sha256_blocks(
          words.baseAddress!.assumingMemoryBound(to: UInt32.self), start.assumingMemoryBound(to: UInt8.self), blocks)
      }
      return
    }
    for block in 0..<blocks { softwareCompress(start + block * 64) }
  }

  /// Processes one whole 64-byte block (HMAC-based key derivation drives it directly).
  mutating func compress(_ block: UnsafeRawPointer) { compress(block, blocks: 1) }

  /// The same in Swift, for processors without SHA instructions.
  mutating func softwareCompress(_ block: UnsafeRawPointer) {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
      for t in 0..<16 {
        let b = block + t * 4
        w[t] =
          UInt32(b.load(as: UInt8.self)) << 24 | UInt32(b.load(fromByteOffset: 1, as: UInt8.self)) << 16
          | UInt32(b.load(fromByteOffset: 2, as: UInt8.self)) << 8 | UInt32(b.load(fromByteOffset: 3, as: UInt8.self))
      }
      for t in 16..<64 {
        let s0 = w[t - 15].rotatedRight(7) ^ w[t - 15].rotatedRight(18) ^ (w[t - 15] >> 3)
        let s1 = w[t - 2].rotatedRight(17) ^ w[t - 2].rotatedRight(19) ^ (w[t - 2] >> 10)
        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
      }
      var (a, b, c, d, e, f, g, h) = state
      let k = SHA256.k
      for t in 0..<64 {
        let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
        let choice = (e & f) ^ (~e & g)
        let temp1 = h &+ s1 &+ choice &+ k[t] &+ w[t]
        let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
        let majority = (a & b) ^ (a & c) ^ (b & c)
        let temp2 = s0 &+ majority
        (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ temp2)
      }
      state = (
        state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g,
        state.7 &+ h
      )
    }
  }
}

extension UInt32 {
  @inline(__always)
  fileprivate func rotatedRight(_ count: UInt32) -> UInt32 { (self >> count) | (self << (32 - count)) }
}

/// Lower-case hexadecimal text for bytes.
public enum Hex {
  public static func encode(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// Short, stable digests of declared wording.
public enum Fingerprint {
  /// The first 12 hex digits of the SHA-256 of `text` with runs of white space folded to one
  /// space, so that re-wrapping a YAML line does not make every tag look suspect.
  public static func of(text: String) -> String {
    let folded = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    return String(SHA256.hex(folded).prefix(12))
  }
}

/// FNV-1a, 64 bits: a fast, stable hash for de-duplication keys (not for ids).
public enum FNV1a {
  public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  public static let prime: UInt64 = 0x100_0000_01b3

  public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = offsetBasis) -> UInt64 {
    var hash = seed
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* prime
    }
    return hash
  }

  public static func hash(_ text: String) -> UInt64 {
    var text = text
    return text.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
  }
}
