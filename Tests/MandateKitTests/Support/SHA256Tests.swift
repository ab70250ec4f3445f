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
    hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
    #expect(Hex.encode(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func fingerprintIgnoresRewrapping() {
    #expect(Fingerprint.of(text: "a  b\n c") == Fingerprint.of(text: "a b c"))
    #expect(Fingerprint.of(text: "a b c") != Fingerprint.of(text: "a b d"))
    #expect(Fingerprint.of(text: "x").count == 12)
  }
}

@Suite struct SHA256StreamingTests {
  /// Feeding the same bytes in uneven pieces gives the same digest as feeding them at once.
  @Test func piecewiseUpdatesMatchOneUpdate() {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    var whole = SHA256()
    whole.update(bytes)
    var pieces = SHA256()
    var offset = 0
    for size in [1, 63, 64, 65, 7, 200, 600] {
      let end = min(offset + size, bytes.count)
      pieces.update(Array(bytes[offset..<end]))
      offset = end
    }
    pieces.update(Array(bytes[offset...]))
    #expect(whole.finalize() == pieces.finalize())
  }

  /// The processor's SHA instructions (where `SHA256.hardware`; elsewhere both sides are the
  /// Swift code) and the Swift code compress 1,000 blocks to the same state.
  @Test func theProcessorsInstructionsAgreeWithTheSwiftCode() {
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    let bytes = (0..<64_000).map { _ -> UInt8 in
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: seed >> 56)
    }
    var blocks = SHA256()
    var software = SHA256()
    bytes.withUnsafeBytes { buffer in
      blocks.compress(buffer.baseAddress!, blocks: 1000)
      for block in 0..<1000 { software.softwareCompress(buffer.baseAddress! + block * 64) }
    }
    #expect(blocks.stateBytes == software.stateBytes)
    #expect(blocks.stateBytes != SHA256().stateBytes)
  }

  @Test func fnvIsStable() {
    #expect(FNV1a.hash("") == 0xcbf2_9ce4_8422_2325)
    #expect(FNV1a.hash("a") == 0xaf63_dc4c_8601_ec8c)
  }
}
