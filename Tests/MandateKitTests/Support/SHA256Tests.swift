import Testing

@testable import MandateKit

@Suite struct SHA256Tests {
  /// The NIST FIPS 180-4 example vectors.
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    ("Kazakhstan’s chairmanship", "4f2c8999be27b19491dfb7d76319310c23600d63ab8c95ca331d0c635771d6c5"),
  ])
  func matchesKnownDigests(_ input: String, _ digest: String) {
    #expect(SHA256.hex(input) == digest)
  }

  @Test func oneMillionAs() {
    var hasher = SHA256()
    hasher.update(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
    #expect(Hex.encode(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func fingerprintIgnoresRewrapping() {
    #expect(Fingerprint.of(text: "a  b\n c") == Fingerprint.of(text: "a b c"))
    #expect(Fingerprint.of(text: "a b c") != Fingerprint.of(text: "a b d"))
    #expect(Fingerprint.of(text: "x").count == 12)
  }
}
