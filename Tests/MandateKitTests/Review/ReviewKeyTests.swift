import Testing

@testable import MandateKit

@Suite struct ReviewKeyTests {
  @Test(arguments: [
    ("1", ReviewKey.accept(1)),
    (" 12 ", .accept(12)),
    ("r", .reject),
    ("t P2.3", .tag(["P2.3"])),
    ("t P2.3, P4.1  P1.1", .tag(["P2.3", "P4.1", "P1.1"])),
    ("t", .tag([])),
    ("n  met, nothing signed ", .note("met, nothing signed")),
    ("n", .note(nil)),
    ("m", .material),
    ("c", .contradicts),
    ("k", .keep),
    ("x", .withdraw),
    ("s", .skip),
    ("u", .undo),
    ("q", .quit),
    ("?", .help),
    ("quit", .unknown("quit")),
    ("tP2.3", .unknown("tP2.3")),
    ("-1", .unknown("-1")),
  ])
  func linesAreInstructions(line: String, key: ReviewKey) {
    #expect(ReviewKey(line: line) == key)
  }

  @Test func blankLinesAreNothing() {
    #expect(ReviewKey(line: "") == nil)
    #expect(ReviewKey(line: "  \t") == nil)
  }
}
