import Foundation
import Testing

@testable import MandateKit

@Suite struct LineStreamTests {
  func lines(of data: Data, maximumLength: Int) throws -> (kept: [(Int, Int)], tooLong: [(Int, Int)]) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("linestream-\(UUID().uuidString)")
    try data.write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    var kept: [(Int, Int)] = []
    var tooLong: [(Int, Int)] = []
    try LineStream.forEachLine(
      of: url, maximumLength: maximumLength, tooLong: { tooLong.append(($0, $1)) }
    ) { bytes, number in kept.append((number, bytes.count)) }
    return (kept, tooLong)
  }

  @Test func overlongLinesAreSkippedWithTheirNumberAndLength() throws {
    let short = try lines(of: Data("abcd\nab\n\nabcdefg".utf8), maximumLength: 3)
    #expect(short.kept.map(\.0) == [2, 3] && short.kept.map(\.1) == [2, 0])
    #expect(short.tooLong.map(\.0) == [1, 4] && short.tooLong.map(\.1) == [4, 7])

    // Across the 4 MB chunks: a 10 MB line is never held whole, a 5 MB last line without a
    // newline is kept.
    var data = Data("a\n".utf8)
    data.append(Data(repeating: UInt8(ascii: "x"), count: 10 << 20))
    data.append(Data("\nb\n".utf8))
    data.append(Data(repeating: UInt8(ascii: "y"), count: 5 << 20))
    let long = try lines(of: data, maximumLength: 8 << 20)
    #expect(long.kept.map(\.0) == [1, 3, 4])
    #expect(long.kept.map(\.1) == [1, 1, 5 << 20])
    #expect(long.tooLong.map(\.0) == [2] && long.tooLong.map(\.1) == [10 << 20])
  }
}
