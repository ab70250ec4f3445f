import Foundation
import Testing

@Suite struct ReportCommandTests {
  /// The shipped workspace as a fresh clone has it: no `.mandate/` index yet.
  func shipped() throws -> ScratchWorkspace {
    try ScratchWorkspace(copying: ["Priorities", "Events", "Tags"])
  }

  static let now = ["MANDATE_NOW": "2026-11-23T12:00:00Z"]

  func golden(_ name: String) throws -> String {
    try String(
      contentsOf: CLI.repositoryRoot.appendingPathComponent("Tests/MandateKitTests/Golden/reports/\(name)"),
      encoding: .utf8)
  }

  @Test func theReadmeCommandPrintsTheQuarterOnAFreshClone() throws {
    let workspace = try shipped()
    let result = try workspace.run("report", "--quarter", "2024Q2", environment: Self.now)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr == "")
    // The same bytes as the library's golden file at the test width (COLUMNS=100).
    #expect(result.stdout == (try golden("kz-2024-Q2.txt")))
    #expect(FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent(".mandate/index.sqlite").path))
  }

  @Test func quartersAreNamedEitherWay() throws {
    let workspace = try shipped()
    let calendar = try workspace.run("report", "--quarter", "2024Q2", "--format", "json", environment: Self.now)
    let relative = try workspace.run("report", "--quarter", "Q2", "--format", "json", environment: Self.now)
    #expect(calendar.status == 0)
    #expect(calendar.stdout == relative.stdout)
  }

  @Test func theDefaultIsTheCurrentQuarterOrTheLastOne() throws {
    let workspace = try shipped()
    let during = try workspace.run("report", environment: ["MANDATE_NOW": "2024-05-10T12:00:00Z"])
    #expect(during.stdout.contains("Report for 2024 Q2 (2024-04-01 to 2024-06-30), as of 2024-05-10"))
    let after = try workspace.run("report", environment: Self.now)
    #expect(after.stdout.contains("Report for 2024 Q4 (2024-10-01 to 2024-12-31), as of 2024-12-31"))
  }

  @Test func theTermReport() throws {
    let workspace = try shipped()
    let result = try workspace.run("report", "--term", "--format", "markdown", environment: Self.now)
    #expect(result.status == 0)
    #expect(result.stdout.contains("**the whole term (2024-01-01 to 2024-12-31)**, as of 2024-12-31"))
  }

  @Test func asOfLeavesOutLaterEvents() throws {
    let workspace = try shipped()
    let full = try workspace.run("report", "--quarter", "2024Q3", "--format", "csv", environment: Self.now)
    let early = try workspace.run(
      "report", "--quarter", "2024Q3", "--as-of", "2024-07-10", "--format", "csv", environment: Self.now)
    #expect(full.stdout.contains(",P1.1,") && full.stdout.contains(",2024-07-19,"))
    #expect(!early.stdout.contains(",2024-07-19,"))
    #expect(early.stdout.split(separator: "\n")[1].contains(",2024-07-10,"))
  }

  @Test func recordedByDropsLaterDecisions() throws {
    let workspace = try shipped()
    // Every shipped decision was recorded on 2026-11-23: the day before, nothing was decided.
    let result = try workspace.run(
      "report", "--quarter", "2024Q2", "--recorded-by", "2026-11-22", "--format", "json", environment: Self.now)
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"recorded_by\" : \"2026-11-22T23:59:59Z\""))
    #expect(result.stdout.contains("\"tagged_events\" : 0"))
  }

  @Test func outputToAFileOrAFolder() throws {
    let workspace = try shipped()
    let file = try workspace.run(
      "report", "--quarter", "2024Q2", "--format", "html", "--output", "out/q2.html", environment: Self.now)
    #expect(file.status == 0)
    #expect(file.stdout == "wrote out/q2.html\n")
    let html = try String(contentsOf: workspace.url.appendingPathComponent("out/q2.html"), encoding: .utf8)
    #expect(html.hasPrefix("<!doctype html>"))
    let folder = try workspace.run(
      "report", "--quarter", "2024Q2", "--format", "markdown", "--output", "shared/", environment: Self.now)
    #expect(folder.stdout == "wrote shared/kz-csto-2024/2024-Q2.md\n")
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: workspace.url.appendingPathComponent("shared/kz-csto-2024").path)
    #expect(leftovers == ["2024-Q2.md"])
  }

  @Test func allWritesWhatTheRepositoryShips() throws {
    let workspace = try shipped()
    let result = try workspace.run("report", "--all", "--output", "Reports/", environment: Self.now)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "wrote 14 reports to Reports/kz-csto-2024/\n")
    let shipped = CLI.repositoryRoot.appendingPathComponent("Reports/kz-csto-2024")
    let names = try FileManager.default.contentsOfDirectory(atPath: shipped.path).sorted()
    #expect(names.count == 14)
    for name in names {
      let written = try Data(contentsOf: workspace.url.appendingPathComponent("Reports/kz-csto-2024/\(name)"))
      #expect(written == (try Data(contentsOf: shipped.appendingPathComponent(name))), "\(name)")
    }
  }

  @Test func timestampIsOnlyThereWhenAskedFor() throws {
    let workspace = try shipped()
    let plain = try workspace.run("report", "--quarter", "2024Q2", environment: Self.now)
    let stamped = try workspace.run("report", "--quarter", "2024Q2", "--timestamp", environment: Self.now)
    #expect(!plain.stdout.contains("generated"))
    #expect(stamped.stdout.contains("generated 2026-11-23T12:00:00Z"))
  }

  @Test(arguments: [
    (["--quarter", "Q2", "--term"], "use --quarter or --term, not both"),
    (["--all"], "--all needs --output DIR"),
    (["--all", "--term", "--output", "x"], "--all writes every quarter and the term"),
    (["--as-of", "2024-13-01"], "--as-of 2024-13-01 is not a date (YYYY-MM-DD)"),
    (["--recorded-by", "soon"], "--recorded-by soon is not a date"),
    (["--stale-days", "0"], "--stale-days must be at least 1"),
    (["--format", "pdf"], "The value 'pdf' is invalid for '--format <format>'"),
  ])
  func badArgumentsAreExplained(arguments: [String], message: String) throws {
    let workspace = try shipped()
    let result = try CLI.run(["report"] + arguments, in: workspace.url, environment: Self.now)
    #expect(result.status != 0)
    #expect(result.stdout == "")
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  /// `report`, `events`, `suggest` and `review` say the same about a quarter that is not one,
  /// with the same exit code as any usage error, and name the forms that work. (A calendar
  /// quarter outside the term, `2025Q1`, still lists events: only `report` needs the term.)
  @Test(arguments: [
    ["report", "2025Q1"], ["report", "2024Q5"], ["report", "Q9"], ["report", "spring"], ["events", "2024Q5"],
    ["events", "Q9"], ["events", "spring"], ["suggest", "2024Q5"], ["suggest", "Q0"], ["review", "spring"],
    ["review", "Q5"],
  ])
  func aBadQuarterGetsOneMessageEverywhere(arguments: [String]) throws {
    let workspace = try shipped()
    let quarter = arguments[1]
    let result = try workspace.run(arguments[0], "--quarter", quarter, environment: Self.now)
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(
      result.stderr
        == "error: `\(quarter)` is not a quarter of the term of kz-csto-2024 (2024-01-01 to 2024-12-31); write 2024Q1 to 2024Q4, or Q1 to Q4\n"
    )
  }

  @Test func aMidyearTermNamesItsOwnQuarters() throws {
    let workspace = try shipped()
    let yaml = try String(
      contentsOf: workspace.url.appendingPathComponent("Priorities/kz-csto-2024.yaml"), encoding: .utf8)
    try workspace.write(
      "Priorities/kz-csto-2024.yaml",
      yaml.replacingOccurrences(of: "start: 2024-01-01", with: "start: 2023-07-15").replacingOccurrences(
        of: "end: 2024-12-31", with: "end: 2024-07-14"))
    let result = try workspace.run("report", "--quarter", "Q5", environment: Self.now)
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "error: `Q5` is not a quarter of the term of kz-csto-2024 (2023-07-15 to 2024-07-14); write Q1 to Q4 (the term's own quarters), or the calendar quarter one of them starts in (2023Q3 to 2024Q2)\n"
    )
    // A calendar quarter outside the term still lists events: they need no term.
    let events = try workspace.run("events", "--quarter", "2022Q1", environment: Self.now)
    #expect(events.status == 0)
  }

  @Test(arguments: [
    ("q2.html", "<!doctype html>"), ("q2.md", "# Priorities of the Republic"), ("q2.json", "{\n  \"as_of\""),
    ("q2.csv", "mandate,period,"), ("q2.txt", "Priorities of the Republic"), ("Q2.HTM", "<!doctype html>"),
    ("q2", "Priorities of the Republic"),
  ])
  func theOutputFileNamesTheFormat(name: String, start: String) throws {
    let workspace = try shipped()
    let result = try workspace.run("report", "--quarter", "Q2", "--output", name, environment: Self.now)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "wrote \(name)\n")
    let written = try String(contentsOf: workspace.url.appendingPathComponent(name), encoding: .utf8)
    #expect(written.hasPrefix(start), "\(written.prefix(80))")
  }

  @Test func aFormatThatContradictsTheOutputFileIsRefused() throws {
    let workspace = try shipped()
    let contradiction = try workspace.run(
      "report", "--quarter", "Q2", "--format", "html", "--output", "q2.md", environment: Self.now)
    #expect(contradiction.status == 2)
    #expect(
      contradiction.stderr
        == "error: --format html contradicts --output q2.md, whose extension means markdown; drop --format, or make them agree\n"
    )
    let unknown = try workspace.run("report", "--quarter", "Q2", "--output", "q2.pdf", environment: Self.now)
    #expect(unknown.status == 2)
    #expect(
      unknown.stderr
        == "error: cannot tell the format of --output q2.pdf from `.pdf`: name the file .txt, .md, .html, .json or .csv, or give --format\n"
    )
    // An extension the formats do not know is fine when --format says which.
    let named = try workspace.run(
      "report", "--quarter", "Q2", "--format", "json", "--output", "q2.out", environment: Self.now)
    #expect(named.status == 0)
    #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("q2.md").path))
  }

  @Test func aBrokenMandateStopsTheReportWithItsLocation() throws {
    let workspace = try shipped()
    try workspace.write("Priorities/kz-csto-2024.yaml", "schema: 1\nid: [oops\n")
    let result = try workspace.run("report", "--quarter", "2024Q2", environment: Self.now)
    #expect(result.status != 0)
    #expect(result.stderr.contains("Priorities/kz-csto-2024.yaml:3:1: error: did not find expected"))
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func colourOnATerminalOnlyAndNeverWithNoColor() throws {
    let workspace = try shipped()
    func onTerminal(_ noColor: String) throws -> String {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
      // `script` gives the command a pseudo-terminal and copies what it prints to stdout.
      process.arguments = ["-qec", "'\(CLI.executable.path)' report --quarter 2024Q2", "/dev/null"]
      process.currentDirectoryURL = workspace.url
      var environment = ProcessInfo.processInfo.environment
      environment["NO_COLOR"] = noColor
      environment["TERM"] = "xterm"
      environment["MANDATE_NOW"] = Self.now["MANDATE_NOW"]
      process.environment = environment
      let pipe = Pipe()
      process.standardOutput = pipe
      process.standardInput = FileHandle.nullDevice
      try process.run()
      let data = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return String(decoding: data, as: UTF8.self)
    }
    #expect(try onTerminal("").contains("\u{1B}[1m"))
    let plain = try onTerminal("1")
    #expect(plain.contains("Report for 2024 Q2"))
    #expect(!plain.contains("\u{1B}["))
  }
}
