import Foundation
import Testing

/// The README's setup block is what a fresh clone runs: keep it true.
@Suite struct ReadmeTests {
  static func setupCommands() throws -> [String] { try commands(inSection: "## Set up a fresh clone") }

  /// The commands of the first `sh` block after `heading`, without their comments.
  static func commands(inSection heading: String) throws -> [String] {
    let readme = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.range(of: heading))
    let rest = readme[section.upperBound...]
    let open = try #require(rest.range(of: "```sh\n"))
    let close = try #require(rest[open.upperBound...].range(of: "```"))
    return rest[open.upperBound..<close.lowerBound].split(separator: "\n").map {
      String($0.split(separator: "#", maxSplits: 1)[0]).trimmingCharacters(in: .whitespaces)
    }
  }

  @Test func theSetupBlockRunsTheReportAndTheTests() throws {
    let commands = try Self.setupCommands()
    #expect(commands == ["Scripts/run.sh report --quarter 2024Q2", "Scripts/run.sh test"])
    // CI runs exactly the README's test command.
    let ci = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent(".ci/run"), encoding: .utf8)
    #expect(ci.split(separator: "\n").last.map(String.init) == commands[1])
  }

  /// The one list of system packages is the only place that names them, and both set-up
  /// commands go through it.
  @Test func theSetUpCommandsInstallFromTheOneList() throws {
    func read(_ path: String) throws -> String {
      try String(contentsOf: CLI.repositoryRoot.appendingPathComponent(path), encoding: .utf8)
    }
    let run = try read("Scripts/run.sh")
    #expect(run.contains("Scripts/setup-system.sh build\n    exec swift run mandate report \"$@\""))
    #expect(run.contains("Scripts/setup-system.sh test\n    exec swift test \"$@\""))
    let list = try read("Scripts/setup-system.sh")
    for package in ["libsqlite3-dev", "libxml2-dev", "libstemmer-dev", "chromium", "chromium-driver"] {
      #expect(list.contains("  \"build   \(package) ") || list.contains("  \"test    \(package) "), "\(package)")
    }
    #expect(list.contains("selenium"))
    for other in [".ci/run", "Makefile", "README.md"] {
      #expect(!(try read(other)).contains("apt-get install"), "\(other) names packages itself")
    }
  }

  @Test func theMainJobPrintsTheShippedQuarterTwoReport() throws {
    let main = try #require(try Self.setupCommands().first)
    let arguments = main.split(separator: " ").dropFirst(1).map(String.init)
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
