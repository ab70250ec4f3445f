import Foundation
import Testing

@testable import MandateKit

@Suite struct PartitionSpillTests {
  /// Lines past the in-memory limit go to a file; reading a partition back joins the file and the
  /// buffered tail, in order, without the lines a later version superseded.
  @Test func linesComeBackFromTheFileAndTheTail() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    ProcessMemory.returnLargeBuffersToTheSystem()  // as `mandate import` runs it
    let spill = try PartitionSpill(directory: directory)
    let body = String(repeating: "x", count: 1000)
    var expected: [(key: String, line: String)] = []
    var superseded: Set<Int> = []
    for index in 0..<600 {  // about 600 KB: two writes to the file, and a tail
      let line = "{\"n\":\(index),\"body\":\"\(body)\"}"
      let key = String(format: "2024-04-%05d", index)
      let number = try spill.append(Array(line.utf8), sortKey: key, partition: "2024-04")
      if index % 7 == 3 {
        spill.supersede(number)
        superseded.insert(number)
      } else {
        expected.append((key, line))
      }
    }
    try spill.append(Array("{\"other\":1}".utf8), sortKey: "k", partition: "2024-05")
    #expect(superseded.count == 86)
    let (data, entries) = try spill.entries(partition: "2024-04")
    #expect(entries.map(\.key) == expected.map(\.key))
    let lines = entries.map { String(decoding: data[$0.range], as: UTF8.self) }
    #expect(lines == expected.map(\.line))
    #expect(Set(spill.partitions) == ["2024-05"])
    #expect(try spill.entries(partition: "2024-05").entries.map(\.key) == ["k"])
  }
}
