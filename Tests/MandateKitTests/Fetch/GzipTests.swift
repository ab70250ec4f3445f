import Foundation
import Testing

@testable import MandateKit

@Suite struct GzipTests {
  @Test func roundTripsAndWritesTheSameBytesEveryTime() throws {
    let text = Data(String(repeating: "Совет коллективной безопасности ОДКБ. ", count: 2000).utf8)
    let packed = try Gzip.compress(text)
    #expect(packed.starts(with: [0x1F, 0x8B]))
    #expect(packed.count < text.count / 10)
    #expect(try Gzip.compress(text) == packed)
    #expect(try Gzip.decompress(packed) == text)
    #expect(try Gzip.decompress(try Gzip.compress(Data())) == Data())
  }

  @Test func readsConcatenatedMembers() throws {
    let joined = try Gzip.compress(Data("first ".utf8)) + Gzip.compress(Data("second".utf8))
    #expect(try Gzip.decompress(joined) == Data("first second".utf8))
  }

  @Test func refusesDamagedCutAndOversizedData() throws {
    let packed = try Gzip.compress(Data(String(repeating: "x", count: 100_000).utf8))
    #expect(throws: Gzip.Failure(description: "the gzip data is cut short")) {
      try Gzip.decompress(packed.prefix(packed.count / 2))
    }
    #expect(throws: Gzip.Failure(description: "not valid gzip data")) { try Gzip.decompress(Data("plain".utf8)) }
    #expect(throws: Gzip.Failure(description: "unpacks to more than 1000 bytes")) {
      try Gzip.decompress(packed, limit: 1000)
    }
  }
}
