import Foundation
import Testing

/// `suggest`, `review` and `events --search` fit their passages, reasons and key legend to the
/// terminal's width, breaking lines only between words.
@Suite struct WrappingTests {
  @Test(arguments: [80, 120])
  func passagesFitTheWidthWithNoWordBroken(width: Int) throws {
    let workspace = try ReviewCommandTests.seeded()
    let environment = ReviewCommandTests.environment.merging(["COLUMNS": String(width)]) { $1 }
    let runs = [
      try workspace.run("suggest", environment: environment),
      try workspace.run("events", "--search", "Working Group on Afghanistan", environment: environment),
      try workspace.run("review", "--quarter", "2024Q2", environment: environment, input: "?\nq\n"),
    ]
    for result in runs {
      #expect(result.status == 0)
      let lines = result.stdout.split(separator: "\n")
      #expect(lines.allSatisfy { $0.count <= width }, "\(lines.filter { $0.count > width })")
    }
    // Wrapping changes only where lines break: the words are those of a very wide terminal.
    let wide = environment.merging(["COLUMNS": "1000"]) { $1 }
    let wideRuns = [
      try workspace.run("events", "--search", "Working Group on Afghanistan", environment: wide),
      try workspace.run("review", "--quarter", "2024Q2", environment: wide, input: "?\nq\n"),
    ]
    for (narrow, wide) in zip(runs.dropFirst(), wideRuns) {
      // (The key legend drops the "·" between two keys where it breaks the line.)
      let words = { (text: String) in text.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter { $0 != "·" } }
      #expect(words(narrow.stdout) == words(wide.stdout))
    }
    #expect(runs[2].stdout.contains("s skip"))
  }
}
