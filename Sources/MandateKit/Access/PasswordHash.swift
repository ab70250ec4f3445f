import Foundation

/// Password hashes for `mandate serve --users`: PBKDF2 with HMAC-SHA-256 (RFC 8018), written as
/// `pbkdf2_sha256$ITERATIONS$SALT$HASH` (the format Django uses, so hashes made by its tools or
/// by Python's `hashlib.pbkdf2_hmac` are accepted too; HASH is 32 bytes in base64).
///
/// Slow on purpose: 600,000 iterations by default, as OWASP advises for this function, so that
/// a stolen users file does not give the passwords away cheaply.
public struct PasswordHash: Sendable, Equatable {
  public static let scheme = "pbkdf2_sha256"
  public static let defaultIterations = 600_000
  /// Fewer iterations than this is refused when a users file is read.
  public static let minimumIterations = 10_000

  public var iterations: Int
  public var salt: String
  public var hash: [UInt8]

  /// A new hash of `password` with a random salt.
  public static func make(password: String, iterations: Int = defaultIterations) -> PasswordHash {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    let salt = String((0..<22).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] })
    return PasswordHash(
      iterations: iterations, salt: salt,
      hash: PBKDF2.sha256(password: Array(password.utf8), salt: Array(salt.utf8), iterations: iterations, length: 32))
  }

  /// Parses `pbkdf2_sha256$600000$salt$base64`.
  public init?(encoded: String) {
    let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
    guard parts.count == 4, parts[0] == Self.scheme, let iterations = Int(parts[1]), iterations > 0,
      !parts[2].isEmpty, let hash = Data(base64Encoded: String(parts[3])), hash.count == 32
    else { return nil }
    self.init(iterations: iterations, salt: String(parts[2]), hash: Array(hash))
  }

  public init(iterations: Int, salt: String, hash: [UInt8]) {
    self.iterations = iterations
    self.salt = salt
    self.hash = hash
  }

  public var encoded: String {
    "\(Self.scheme)$\(iterations)$\(salt)$\(Data(hash).base64EncodedString())"
  }

  /// Whether `password` is the one hashed; compares in constant time.
  public func verify(_ password: String) -> Bool {
    let candidate = PBKDF2.sha256(
      password: Array(password.utf8), salt: Array(salt.utf8), iterations: iterations, length: hash.count)
    var difference: UInt8 = 0
    for (a, b) in zip(candidate, hash) { difference |= a ^ b }
    return difference == 0 && candidate.count == hash.count
  }
}

/// PBKDF2 (RFC 8018) with HMAC-SHA-256.
public enum PBKDF2 {
  public static func sha256(password: [UInt8], salt: [UInt8], iterations: Int, length: Int) -> [UInt8] {
    let hmac = HMACSHA256(key: password)
    var output: [UInt8] = []
    var block: UInt32 = 1
    while output.count < length {
      var u = hmac.mac(salt + withUnsafeBytes(of: block.bigEndian, Array.init))
      var t = u
      if iterations > 1 {
        for _ in 1..<iterations {
          u = hmac.macOfDigest(u)
          for i in 0..<32 { t[i] ^= u[i] }
        }
      }
      output += t
      block += 1
    }
    return Array(output.prefix(length))
  }
}

/// HMAC-SHA-256 (RFC 2104) with the key's inner and outer states computed once.
struct HMACSHA256 {
  private var inner = SHA256()
  private var outer = SHA256()

  init(key: [UInt8]) {
    var key = key
    if key.count > 64 {
      var hasher = SHA256()
      hasher.update(key)
      key = hasher.finalize()
    }
    key += Array(repeating: 0, count: 64 - key.count)
    inner.update(key.map { $0 ^ 0x36 })
    outer.update(key.map { $0 ^ 0x5c })
  }

  func mac(_ message: [UInt8]) -> [UInt8] {
    var first = inner
    first.update(message)
    var second = outer
    second.update(first.finalize())
    return second.finalize()
  }

  /// The MAC of a 32-byte message (a previous MAC), with one compression per hash: after the
  /// 64-byte key block, the message and its padding fill exactly one block.
  func macOfDigest(_ digest: [UInt8]) -> [UInt8] {
    var block = [UInt8](repeating: 0, count: 64)
    block.replaceSubrange(0..<32, with: digest)
    block[32] = 0x80
    // (64 + 32) bytes = 768 bits.
    block[62] = 0x03
    block[63] = 0x00
    var first = inner
    block.withUnsafeBytes { first.compress($0.baseAddress!) }
    block.replaceSubrange(0..<32, with: first.stateBytes)
    var second = outer
    block.withUnsafeBytes { second.compress($0.baseAddress!) }
    return second.stateBytes
  }
}
