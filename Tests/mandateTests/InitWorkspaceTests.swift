import Foundation
import Testing

/// `mandate init DIR` for new workspaces, `mandate init --example`, and the README's tour run end
/// to end on a fresh example workspace.
@Suite struct InitWorkspaceTests {
  static let environment = GitWorkspace.environment.merging(["MANDATE_NOW": "2026-12-05T10:00:00Z"]) { $1 }

  func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mandate-init-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  func read(_ url: URL, _ path: String) throws -> String {
    try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
  }

  @Test func aNewWorkspaceHasEveryPartAndATemplateThatPassesCheck() throws {
    let base = try scratch()
    defer { try? FileManager.default.removeItem(at: base) }
    let result = try CLI.run(
      [
        "init", "csto 2025", "--title", "Priorities: the 2025 chairmanship", "--organisation", "CSTO",
        "--term", "2025-01-01..2025-12-31",
      ], in: base, environment: Self.environment)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "workspace csto 2025")
    #expect(lines.contains("+ `Priorities/csto-2025.yaml`: written from the template; edit it, then `mandate check`"))
    #expect(lines.contains("+ `Events/`: created (the imported news)"))
    #expect(lines.contains("+ git: initialised a repository"))
    let root = base.appendingPathComponent("csto 2025")
    let yaml = try read(root, "Priorities/csto-2025.yaml")
    #expect(yaml.contains("title: \"Priorities: the 2025 chairmanship\""))
    for field in [
      "schema:", "id:", "organisation:", "holder:", "start: 2025-01-01", "end: 2025-12-31", "source:", "published:",
      "language:", "aliases:", "variants:", "note:", "priorities:", "description:", "label:", "text:", "keywords:",
      "due: 2025-12-31", "indicator:", "weight:",
    ] {
      #expect(yaml.contains(field), "\(field)")
    }
    #expect(try read(root, ".gitignore") == ".mandate/\n")
    #expect(try read(root, "README.md").hasPrefix("# A mandate workspace"))
    let check = try CLI.run(["check"], in: root)
    #expect(check.status == 0)
    #expect(check.stderr == "1 file checked: no problems\n")
    #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path))

    let again = try CLI.run(["init", "csto 2025"], in: base, environment: Self.environment)
    #expect(again.stdout.hasSuffix("nothing to do: already set up\n"))
    #expect(try read(root, "Priorities/csto-2025.yaml") == yaml)
  }

  @Test func anExistingWorkspaceGetsOnlyWhatIsMissingAndNothingIsOverwritten() throws {
    let workspace = try ScratchWorkspace(copying: ["Priorities"])
    try workspace.write("README.md", "ours\n")
    try workspace.write(".gitignore", "*.tmp\n")
    let result = try workspace.run("init", environment: Self.environment)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("= `Priorities/kz-csto-2024.yaml`: kept (the workspace has its mandate)\n"))
    #expect(result.stdout.contains("= `README.md`: kept\n"))
    #expect(result.stdout.contains("+ `.gitignore`: added `.mandate/` (the index is derived)\n"))
    #expect(try read(workspace.url, "README.md") == "ours\n")
    #expect(try read(workspace.url, ".gitignore") == "*.tmp\n.mandate/\n")
    // A file where a folder belongs is refused, not replaced.
    let other = try ScratchWorkspace(copying: ["Priorities"])
    try other.write("Events", "not a folder")
    let refused = try other.run("init", environment: Self.environment)
    #expect(refused.status == 1)
    #expect(refused.stderr == "error: `Events/` is a file, not a folder: move it away and run `mandate init` again\n")
    #expect(try read(other.url, "Events") == "not a folder")
  }

  @Test(arguments: [
    (
      ["init", "x", "--term", "2025"],
      "Error: --term 2025 is not a term: write START..END as days, e.g. 2025-01-01..2025-12-31"
    ),
    (
      ["init", "x", "--mandate", "Bad_Id"],
      "Error: --mandate Bad_Id is not a mandate id: use lower-case letters, digits and single dashes (e.g. `kz-csto-2024`)"
    ),
    (["init", "--example", "--title", "T"], "Error: --example lays down the KZ 2024 mandate"),
  ])
  func badOptionsAreUsageErrors(arguments: [String], message: String) throws {
    let base = try scratch()
    defer { try? FileManager.default.removeItem(at: base) }
    let result = try CLI.run(arguments, in: base, environment: Self.environment)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("x").path))
  }

  @Test func theExampleHasTheMandateAndThePagesImportedAndNoDecisions() throws {
    let base = try scratch()
    defer { try? FileManager.default.removeItem(at: base) }
    let result = try CLI.run(["init", "--example", "tour"], in: base, environment: Self.environment)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("+ `Events/`: imported 12 events from the sample pages, with no decisions yet\n"))
    let root = base.appendingPathComponent("tour")
    // The embedded files are the repository's, byte for byte.
    #expect(
      try read(root, "Priorities/kz-csto-2024.yaml") == (try read(CLI.repositoryRoot, "Priorities/kz-csto-2024.yaml")))
    let pages = try FileManager.default.contentsOfDirectory(
      atPath: CLI.repositoryRoot.appendingPathComponent("Samples/csto-pages").path)
    for page in pages {
      #expect(
        try read(root, "Samples/csto-pages/\(page)") == (try read(CLI.repositoryRoot, "Samples/csto-pages/\(page)")))
    }
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Tags/kz-csto-2024.yaml").path))
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Tags/kz-csto-2024").path))
    let suggest = try CLI.run(["suggest"], in: root, environment: Self.environment)
    #expect(suggest.stderr.hasSuffix("events with suggestions\n"))
    #expect(!suggest.stderr.hasPrefix("0 "))
  }

  /// The tour's commands, as the README lists them.
  static func tour() throws -> [String] { try ReadmeTests.commands(inSection: "## A short tour") }

  /// Splits a command line of the tour into words (double quotes group words).
  static func words(_ line: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quoted = false
    for character in line {
      if character == "\"" {
        quoted.toggle()
      } else if character == " " && !quoted {
        if !current.isEmpty { words.append(current) }
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  @Test func theReadmeTourRunsOnAFreshExampleWorkspace() throws {
    let base = try scratch()
    defer { try? FileManager.default.removeItem(at: base) }
    let commands = try Self.tour()
    #expect(commands.first == "mandate init --example tour")
    #expect(commands.dropFirst().first == "cd tour")
    var directory = base
    var ran: [String] = []
    for line in commands where !line.isEmpty {
      let words = Self.words(line)
      if words.first == "cd" {
        directory = directory.appendingPathComponent(words[1])
        continue
      }
      #expect(words.first == "mandate", "\(line)")
      let arguments = Array(words.dropFirst())
      // review reads keys: accept the first suggestion, then quit.
      let input = arguments.first == "review" ? "1\nq\n" : nil
      let result = try CLI.run(arguments, in: directory, environment: Self.environment, input: input)
      #expect(result.status == 0, "\(line): \(result.stderr)")
      let out = result.stdout + result.stderr
      switch arguments.first {
      case "init": #expect(out.contains("imported 12 events"))
      case "check": #expect(out.contains("no problems"))
      case "priorities": #expect(out.contains("P1.1") && out.contains("label “UN cooperation”"))
      case "events" where arguments.contains("--search"): #expect(out.contains("fc81e802"))
      case "events": #expect(out.contains("fc81e802") && out.contains("6239c86d"))
      case "show": #expect(out.contains("event fc81e80203498dde"))
      case "suggest": #expect(out.contains("P1.1 UN cooperation") && !out.contains("0 events with suggestions"))
      case "tag": #expect(out.contains("fc81e802") && out.contains("P1.1") && out.contains("P1.2"))
      case "untag": #expect(out.contains("P1.2"))
      case "reject": #expect(out.contains("P3.1"))
      case "status": #expect(out.contains("P2.3"))
      case "review": #expect(out.contains("event 1 of") && out.contains("1 tagged"))
      case "report" where arguments.contains("--all"):
        #expect(out.contains("wrote 14 reports to Reports/kz-csto-2024/"))
      case "report" where arguments.contains("--output"):
        #expect(try read(directory, "term.html").hasPrefix("<!doctype html>"))
      case "report": #expect(out.contains("Summary") && out.contains("P1.1 UN cooperation"))
      case "import": #expect(out.contains("0 new events") && out.contains("no change to the record"))
      case "rename": #expect(out.contains("renamed P2.3 to P2.4"))
      case "index": #expect(result.status == 0)
      case "--help": #expect(out.contains("init") && out.contains("review"))
      default: Issue.record("the tour runs a command the test does not check: \(line)")
      }
      ran.append(arguments.first ?? "")
    }
    #expect(ran.count >= 18)
    // What the tour decided is in the ledger, by the tour's analyst.
    let folder = directory.appendingPathComponent("Tags/kz-csto-2024")
    let ledger = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
      try read(folder, $0)
    }.joined()
    #expect(ledger.contains("kind: rename, item: P2.3, to: P2.4"))
    #expect(ledger.contains("kind: reject"))
  }
}
