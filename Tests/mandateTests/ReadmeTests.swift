import Foundation
import Testing

/// The README's setup block is what a fresh clone runs: keep it true.
@Suite struct ReadmeTests {
  static func setupCommands() throws -> [String] {
    let readme = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.range(of: "## Set up a fresh clone"))
    let rest = readme[section.upperBound...]
    let open = try #require(rest.range(of: "```sh\n"))
    let close = try #require(rest[open.upperBound...].range(of: "```"))
    return rest[open.upperBound..<close.lowerBound].split(separator: "\n").map {
      String($0.split(separator: "#", maxSplits: 1)[0]).trimmingCharacters(in: .whitespaces)
    }
  }

  @Test func theSetupBlockRunsTheReportAndTheTests() throws {
    let commands = try Self.setupCommands()
    #expect(commands == ["swift run mandate report --quarter 2024Q2", "swift test"])
    // CI runs exactly the README's test command.
    let ci = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent(".ci/run"), encoding: .utf8)
    #expect(ci.split(separator: "\n").last.map(String.init) == commands[1])
  }

  @Test func theMainJobPrintsTheShippedQuarterTwoReport() throws {
    let main = try #require(try Self.setupCommands().first)
    let arguments = main.split(separator: " ").dropFirst(3).map(String.init)
    let workspace = try ScratchWorkspace(copying: ["Priorities", "Events", "Tags"])
    let result = try workspace.run(
      "report", "--format", "markdown", arguments[1], arguments[2],
      environment: ["MANDATE_NOW": "2026-11-23T12:00:00Z"])
    #expect(arguments.first == "report")
    #expect(result.status == 0)
    // The shipped Markdown is the same report the README promises.
    let shipped = try String(
      contentsOf: CLI.repositoryRoot.appendingPathComponent("Reports/kz-csto-2024/2024-Q2.md"), encoding: .utf8)
    #expect(result.stdout == shipped)
  }
}
