import Foundation
import MandateKit
import Testing

/// Hostile input, end to end through the `mandate` binary: one row per attack, each a few
/// commands. Every command must finish in bounded time and memory, without a crash, with the
/// exit code and message the row expects, and write nothing outside the workspace. The parsers'
/// own unit tests (FeedParserTests, ImportFormatsTests, the renderers' escaping tests) go deeper;
/// this table is the one place that runs every attack through the CLI.
///
/// The 100 MB line is 20 MB unless `MANDATE_HOSTILE_FULL=1`.
@Suite struct HostileInputTests {
  /// The folders of one row: `root/a/ws` is the workspace, so that `../../etc` from it lands in
  /// `root`, which is watched; `root/inputs` holds the files to import.
  final class Sandbox {
    let root: URL
    let workspace: URL
    let inputs: URL

    init() throws {
      root = FileManager.default.temporaryDirectory.appendingPathComponent("mandate-hostile-\(UUID().uuidString)")
      workspace = root.appendingPathComponent("a/ws")
      inputs = root.appendingPathComponent("inputs")
      for folder in [workspace, inputs, root.appendingPathComponent("outside")] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      }
      try FileManager.default.copyItem(
        at: CLI.repositoryRoot.appendingPathComponent("Priorities"), to: workspace.appendingPathComponent("Priorities"))
      let seed = try input("seed.jsonl", FaultKit.corpus(lines: 20))
      let imported = try Child.run(["import", seed], in: workspace)
      try #require(imported.status == 0, "\(imported.summary)")
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func input(_ name: String, _ text: String) throws -> String {
      try input(name, Data(text.utf8))
    }

    func input(_ name: String, _ data: Data) throws -> String {
      let url = inputs.appendingPathComponent(name)
      try data.write(to: url)
      return url.path
    }

    func write(_ path: String, _ text: String) throws {
      let url = workspace.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }

    /// The id of the event whose title contains `text`.
    func event(titled text: String) throws -> String {
      let listed = try Child.run(["events", "--format", "json"], in: workspace)
      let array = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
      let match = array.first { ($0["title"] as? String)?.contains(text) == true }
      return try #require(match?["id"] as? String, "no event titled \(text)")
    }

    /// Every file and folder outside the workspace, with its size and modification time.
    func outsideSnapshot() -> [String: String] {
      var entries: [String: String] = [:]
      let skip = workspace.path + "/"
      if let walker = FileManager.default.enumerator(atPath: root.path) {
        while let relative = walker.nextObject() as? String {
          let path = root.appendingPathComponent(relative).path
          if path == workspace.path || path.hasPrefix(skip) { continue }
          let attributes = try? FileManager.default.attributesOfItem(atPath: path)
          entries[relative] =
            "\(attributes?[.size] ?? 0) \((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        }
      }
      for path in ["/etc/passwd", "/etc/hosts"] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        entries[path] = "\(attributes?[.size] ?? 0) \(attributes?[.modificationDate] ?? 0)"
      }
      return entries
    }
  }

  /// One command of a row and what it must print.
  struct Step: Sendable {
    var arguments: @Sendable (Sandbox) throws -> [String]
    var status: Int32
    var stdout: [String] = []
    var stderr: [String] = []
    /// Checks on the outcome beyond the texts (the record, the files written).
    var verify: (@Sendable (Sandbox, Child.Finished) throws -> Void)?

    init(
      _ arguments: [String], status: Int32, stdout: [String] = [], stderr: [String] = [],
      verify: (@Sendable (Sandbox, Child.Finished) throws -> Void)? = nil
    ) {
      self.arguments = { _ in arguments }
      self.status = status
      self.stdout = stdout
      self.stderr = stderr
      self.verify = verify
    }

    init(
      status: Int32, stdout: [String] = [], stderr: [String] = [],
      verify: (@Sendable (Sandbox, Child.Finished) throws -> Void)? = nil,
      _ arguments: @escaping @Sendable (Sandbox) throws -> [String]
    ) {
      self.arguments = arguments
      self.status = status
      self.stdout = stdout
      self.stderr = stderr
      self.verify = verify
    }
  }

  struct Row: Sendable, CustomTestStringConvertible {
    var name: String
    var prepare: @Sendable (Sandbox) throws -> Void
    var steps: [Step]
    var testDescription: String { name }
  }

  static let hugeLineMegabytes = ProcessInfo.processInfo.environment["MANDATE_HOSTILE_FULL"] == "1" ? 100 : 20

  static let rows: [Row] = feedRows + yamlRows + encodingRows + displayRows + pathRows

  @Test(arguments: rows)
  func hostileInput(_ row: Row) throws {
    let sandbox = try Sandbox()
    try row.prepare(sandbox)
    let before = sandbox.outsideSnapshot()
    for (number, step) in row.steps.enumerated() {
      let arguments = try step.arguments(sandbox)
      let command = "step \(number + 1), mandate \(arguments.joined(separator: " ").prefix(200))"
      // A hang guard, not a speed check: a blow-up (quadratic work on the 20 MB line, an expansion
      // bomb) would run for hours; anything that finishes is judged by its output alone.
      let result = try Child.run(arguments, in: sandbox.workspace, hangGuard: .seconds(600))
      print(
        "hostile \(row.name), \(command.prefix(80)): exit \(result.status.map(String.init) ?? "signal"), \(String(format: "%.2f", FaultKit.seconds(result.elapsed))) s, max RSS \(result.maxRSSKilobytes / 1024) MB"
      )
      #expect(result.signal == nil, "\(command): \(result.summary)")
      #expect(result.status == step.status, "\(command): \(result.summary)")
      #expect(result.maxRSSKilobytes < 1 << 20, "\(command) peaked at \(result.maxRSSKilobytes) KB")
      for text in step.stdout {
        #expect(result.stdout.contains(text), "\(command): no `\(text)` in stdout: \(result.summary)")
      }
      for text in step.stderr {
        #expect(result.stderr.contains(text), "\(command): no `\(text)` in stderr: \(result.summary)")
      }
      for crash in ["internal error", "Fatal error", "Stack dump", "stack trace", "Backtrace"] {
        #expect(!result.stderr.contains(crash), "\(command): \(result.summary)")
      }
      if result.status != 0 { #expect(result.stderr.contains("error: "), "\(command): \(result.summary)") }
      // Nothing a news item says reaches the terminal as a control character.
      for output in [result.stdout, result.stderr] {
        #expect(!output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{0}" }, "\(command)")
      }
      try step.verify?(sandbox, result)
    }
    #expect(sandbox.outsideSnapshot() == before, "something was written outside the workspace")
  }

  // MARK: - Rows

  static func fixture(_ name: String) throws -> Data {
    try Data(contentsOf: CLI.repositoryRoot.appendingPathComponent("Tests/MandateKitTests/Fixtures/feeds/\(name)"))
  }

  static let atomBomb = """
    <?xml version="1.0"?>
    <!DOCTYPE feed [
     <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
     <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
     <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
     <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
     <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
    ]>
    <feed xmlns="http://www.w3.org/2005/Atom">
      <title>Bomb</title>
      <entry><title>&e;</title><updated>2024-04-02T00:00:00Z</updated><summary>&e;</summary></entry>
    </feed>

    """

  static let atomExternal = """
    <?xml version="1.0"?>
    <!DOCTYPE feed [ <!ENTITY leak SYSTEM "file:///etc/passwd"> ]>
    <feed xmlns="http://www.w3.org/2005/Atom">
      <title>Leak</title>
      <entry><title>Leak: &leak;</title><updated>2024-04-02T00:00:00Z</updated><summary>&leak;</summary></entry>
    </feed>

    """

  /// The record and the outputs never hold a line of /etc/passwd.
  @Sendable static func noPasswd(_ sandbox: Sandbox, _ result: Child.Finished) throws {
    #expect(!result.stdout.contains("root:") && !result.stderr.contains("root:"))
    #expect(
      FaultKit.loadEvents(sandbox.workspace).allSatisfy { !$0.text.contains("root:") && !$0.headline.contains("root:") }
    )
    #expect(FaultKit.loadEvents(sandbox.workspace).count == 20)
  }

  static let feedRows: [Row] = [
    Row(
      name: "XML entity bomb (RSS)",
      prepare: { _ = try $0.input("bomb.xml", try fixture("billion-laughs.xml")) },
      steps: [
        Step(
          status: 1, stdout: ["0 items", "no change to the record"],
          stderr: ["bomb.xml:3: rejected: entity declaration <!ENTITY lol> refused (possible entity bomb"]
        ) { ["import", $0.inputs.appendingPathComponent("bomb.xml").path] }
      ]),
    Row(
      name: "XML entity bomb (Atom)",
      prepare: { _ = try $0.input("bomb.atom", atomBomb) },
      steps: [
        Step(status: 1, stdout: ["0 items", "no change to the record"], stderr: ["rejected: entity declaration"]) {
          ["import", $0.inputs.appendingPathComponent("bomb.atom").path]
        }
      ]),
    Row(
      name: "XML external entity file:///etc/passwd (RSS)",
      prepare: { _ = try $0.input("xxe.xml", try fixture("xxe-file.xml")) },
      steps: [
        Step(
          status: 1, stdout: ["no change to the record"],
          stderr: ["rejected: entity declaration <!ENTITY xxe> refused (possible entity bomb or external entity)"],
          verify: noPasswd
        ) { ["import", $0.inputs.appendingPathComponent("xxe.xml").path] }
      ]),
    Row(
      name: "XML external entity file:///etc/passwd (Atom)",
      prepare: { _ = try $0.input("xxe.atom", atomExternal) },
      steps: [
        Step(status: 1, stdout: ["no change to the record"], stderr: ["<!ENTITY leak> refused"], verify: noPasswd) {
          ["import", "--format", "atom", $0.inputs.appendingPathComponent("xxe.atom").path]
        }
      ]),
  ]

  static let yamlBomb = """
    a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
    e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
    f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
    g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
    h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
    i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]

    """

  static let ledgerBomb = """
    schema: 1
    mandate: kz-csto-2024
    decisions:
      - &a {kind: tag, event: "0123456789abcdef", item: P1.1, by: x, at: "2024-01-01T00:00:00Z"}
      - &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
      - &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
      - &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
      - &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
      - &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
      - &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
      - &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]

    """

  static let yamlRows: [Row] = [
    Row(
      name: "YAML alias bomb in a Priorities file",
      prepare: { try $0.write("Priorities/bomb.yaml", yamlBomb) },
      steps: [
        Step(
          ["check"], status: 1,
          stderr: ["Priorities/bomb.yaml:2:", "aliases (*name) are not supported in mandate files"]),
        Step(["priorities", "--mandate", "kz-csto-2024"], status: 0, stdout: ["7 priorities, 16 items"]),
      ]),
    Row(
      name: "YAML alias bomb in the Tags ledger",
      prepare: { try $0.write("Tags/kz-csto-2024.yaml", ledgerBomb) },
      steps: [
        Step(["check"], status: 1, stderr: ["Tags/kz-csto-2024.yaml:5:", "aliases (*name) are not supported"]),
        Step(
          status: 1,
          stderr: ["error: Tags/kz-csto-2024.yaml:5:", "aliases (*name) are not supported"],
          verify: { sandbox, _ in
            let ledger = try String(
              contentsOf: sandbox.workspace.appendingPathComponent("Tags/kz-csto-2024.yaml"), encoding: .utf8)
            #expect(ledger == ledgerBomb, "the ledger changed")
          }
        ) { ["tag", try $0.event(titled: "Item 3:"), "P1.1"] },
        // A ledger that cannot be read is not an empty one: the report refuses.
        Step(
          ["report", "--quarter", "2024Q2", "--format", "json"], status: 1,
          stderr: ["error: Tags/kz-csto-2024.yaml:5:", "aliases (*name) are not supported"]),
      ]),
  ]

  static let encodingRows: [Row] = [
    Row(
      name: "\(hugeLineMegabytes) MB single line in JSONL",
      prepare: { sandbox in
        var data = Data("{\"date\":\"2024-04-02\",\"title\":\"Huge\",\"body\":\"".utf8)
        data.append(Data(repeating: UInt8(ascii: "x"), count: hugeLineMegabytes << 20))
        data.append(Data("\"}\n{\"date\":\"2024-04-03\",\"title\":\"After the huge line\",\"body\":\"fine\"}\n".utf8))
        _ = try sandbox.input("huge.jsonl", data)
      },
      steps: [
        Step(
          status: 1, stdout: ["1 item, 1 rejected", "1 new event"],
          stderr: [
            "huge.jsonl:1: rejected: the line is \(hugeLineMegabytes).0 MB long; a news item may have at most 8 MB"
          ]
        ) { ["import", $0.inputs.appendingPathComponent("huge.jsonl").path] }
      ]),
    Row(
      name: "NUL bytes in JSONL",
      prepare: { sandbox in
        _ = try sandbox.input(
          "nul.jsonl",
          Data(
            #"{"date":"2024-04-02","title":"Escaped NUL\u0000here","body":"a\u0000b"}"#.utf8 + [0x0A]
              + Array(#"{"date":"2024-04-03","title":"raw "#.utf8) + [0] + Array(#" NUL","body":"x"}"#.utf8) + [
                0x0A, 0, 0, 0x0A,
              ]))
      },
      steps: [
        Step(
          status: 1, stdout: ["1 item, 2 rejected"],
          stderr: ["nul.jsonl:2: rejected: not a JSON object", "nul.jsonl:3: rejected"]
        ) { ["import", $0.inputs.appendingPathComponent("nul.jsonl").path] },
        // NUL becomes U+FFFD at import, so that the record, the index and every output agree.
        Step(
          ["events", "--search", "Escaped"], status: 0, stdout: ["NUL\u{FFFD}here", "a\u{FFFD}b"],
          verify: { sandbox, _ in
            #expect(FaultKit.loadEvents(sandbox.workspace).contains { $0.title == "Escaped NUL\u{FFFD}here" })
          }),
        Step(["events", "--search", "Escaped", "--format", "json"], status: 0, stdout: ["NUL\u{FFFD}here"]),
      ]),
    Row(
      name: "Latin-1 bytes inside a UTF-8 file",
      prepare: { sandbox in
        _ = try sandbox.input(
          "latin1.jsonl",
          Data(
            Array(#"{"date":"2024-04-02","title":"Caf"#.utf8) + [0xE9] + Array(#" Latin-1","body":"x"}"#.utf8) + [0x0A])
            + Data(#"{"date":"2024-04-03","title":"Café UTF-8","body":"y"}"#.utf8 + [0x0A]))
      },
      steps: [
        Step(
          status: 1, stdout: ["1 item, 1 rejected"],
          stderr: ["latin1.jsonl:1: rejected: not valid UTF-8 (byte 34 of the line)"]
        ) { ["import", $0.inputs.appendingPathComponent("latin1.jsonl").path] },
        Step(["events", "--quarter", "2024Q2"], status: 0, stdout: ["Café UTF-8"]),
      ]),
    Row(
      name: "UTF-16 file",
      prepare: { sandbox in
        let text = #"{"date":"2024-04-02","title":"UTF-16 title","body":"x"}"# + "\n"
        _ = try sandbox.input("utf16.jsonl", Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!)
      },
      steps: [
        Step(status: 1, stderr: ["utf16.jsonl: the file is UTF-16", "convert it first"]) {
          ["import", $0.inputs.appendingPathComponent("utf16.jsonl").path]
        }
      ]),
  ]

  static let hostileTitles = [
    "Invoice \u{202E}gnp.exe from \u{200F}ОДКБ\u{200F} with zero\u{200B}width and join\u{200D}er",
    "Esc \u{1B}[2J\u{1B}]0;pwned\u{07} sequences",
    "<script>alert(1)</script> =HYPERLINK(\"http://evil.example\",\"click\")",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "+cmd|' /C calc'!A0 and @SUM(1)",
  ]

  /// Imports the hostile titles and tags them all as evidence for P1.1, so that they reach the reports.
  @Sendable static func prepareTitles(_ sandbox: Sandbox) throws {
    var lines = ""
    for (number, title) in hostileTitles.enumerated() {
      let object: [String: String] = ["date": "2024-04-0\(number + 2)", "title": title, "body": "Body \(number)."]
      lines +=
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        + "\n"
    }
    let file = try sandbox.input("titles.jsonl", lines)
    let imported = try Child.run(["import", file], in: sandbox.workspace)
    try #require(imported.status == 0, "\(imported.summary)")
    for marker in ["Invoice", "Esc ", "<script>", "=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd"] {
      let tagged = try Child.run(["tag", try sandbox.event(titled: marker), "P1.1"], in: sandbox.workspace)
      try #require(tagged.status == 0, "\(tagged.summary)")
    }
  }

  static func read(_ sandbox: Sandbox, _ path: String) throws -> String {
    try String(contentsOf: sandbox.workspace.appendingPathComponent(path), encoding: .utf8)
  }

  static let displayRows: [Row] = [
    Row(
      name: "right-to-left, zero-width and control characters in titles",
      prepare: prepareTitles,
      steps: [
        // Bidirectional and zero-width characters are text: kept in the record and every output.
        Step(["events", "--search", "Invoice"], status: 0, stdout: ["\u{202E}gnp.exe", "zero\u{200B}width"]),
        Step(["events", "--search", "Invoice", "--format", "csv"], status: 0, stdout: ["\u{202E}gnp.exe"]),
        Step(
          ["report", "--quarter", "2024Q2"], status: 0, stdout: ["\u{202E}gnp.exe", "Esc ␛[2J␛]0;pwned␇ sequences"]),
        Step(
          ["report", "--quarter", "2024Q2", "--format", "html", "--output", "out/q2.html"], status: 0,
          verify: { sandbox, _ in
            let html = try read(sandbox, "out/q2.html")
            #expect(html.contains("\u{202E}gnp.exe") && html.contains("zero\u{200B}width"))
            #expect(!html.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
          }),
        Step(
          ["report", "--quarter", "2024Q2", "--format", "markdown", "--output", "out/q2.md"], status: 0,
          verify: { sandbox, _ in
            let markdown = try read(sandbox, "out/q2.md")
            #expect(markdown.contains("\u{202E}gnp.exe"))
            // Markdown escapes the brackets; the controls are symbols.
            #expect(markdown.contains("Esc ␛\\[2J␛\\]0;pwned␇ sequences"))
          }),
        Step(
          status: 0, stdout: ["Esc ␛[2J␛]0;pwned␇ sequences"],
          verify: { sandbox, _ in
            // The record keeps the text as the feed gave it.
            #expect(FaultKit.loadEvents(sandbox.workspace).contains { $0.title == hostileTitles[1] })
          }
        ) { ["show", try $0.event(titled: "Esc ")] },
      ]),
    Row(
      name: "script tags and formula cells in titles",
      prepare: prepareTitles,
      steps: [
        Step(
          ["report", "--quarter", "2024Q2", "--format", "html", "--output", "out/q2.html"], status: 0,
          verify: { sandbox, _ in
            let html = try read(sandbox, "out/q2.html")
            #expect(!html.contains("<script>alert"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("href=\"http://evil.example"))
          }),
        Step(
          ["report", "--quarter", "2024Q2", "--format", "markdown"], status: 0,
          verify: { _, result in #expect(!result.stdout.contains("<script>alert")) }),
        Step(
          ["report", "--quarter", "2024Q2", "--format", "csv"], status: 0,
          verify: { _, result in
            Self.expectNoFormulaCells(result.stdout)
          }),
        Step(
          ["events", "--quarter", "2024Q2", "--format", "csv"], status: 0,
          verify: { _, result in
            #expect(result.stdout.contains("'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")"))
            #expect(result.stdout.contains("'+cmd|"))
            Self.expectNoFormulaCells(result.stdout)
          }),
      ]),
  ]

  /// No CSV cell starts with a character a spreadsheet would run as a formula.
  static func expectNoFormulaCells(_ csv: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for line in csv.split(separator: "\n") {
      for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
        let text = cell.hasPrefix("\"") ? cell.dropFirst() : cell[...]
        #expect(
          !["=", "+", "@"].contains(text.first.map(String.init) ?? ""), "formula cell in: \(line)",
          sourceLocation: sourceLocation)
      }
    }
  }

  /// The shipped mandate with another id, as a second file of the workspace.
  @Sendable static func mandate(withID id: String) -> @Sendable (Sandbox) throws -> Void {
    { sandbox in
      let shipped = try String(
        contentsOf: CLI.repositoryRoot.appendingPathComponent("Priorities/kz-csto-2024.yaml"), encoding: .utf8)
      let quoted = "\"\(id)\""
      try sandbox.write(
        "Priorities/evil.yaml", shipped.replacingOccurrences(of: "id: kz-csto-2024", with: "id: \(quoted)"))
    }
  }

  static let pathIDs = ["../../etc", "/etc/passwd", ".."]

  static let pathRows: [Row] =
    pathIDs.map { id in
      Row(
        name: "mandate id \(id)",
        prepare: mandate(withID: id),
        steps: [
          Step(["check"], status: 1, stderr: ["Priorities/evil.yaml:", "must be a slug"]),
          // The file with the bad id is refused whole, so no command reaches a file name built from it.
          Step(["report", "--all", "--output", "out", "--mandate", id], status: 1, stderr: ["must be a slug"]),
          Step(["tag", "0123456789abcdef", "P1.1", "--mandate", id], status: 1, stderr: ["must be a slug"]),
          Step(
            ["report", "--all", "--output", "out", "--mandate", "kz-csto-2024"], status: 0,
            verify: { sandbox, _ in
              let written = try FileManager.default.contentsOfDirectory(
                atPath: sandbox.workspace.appendingPathComponent("out").path)
              #expect(written == ["kz-csto-2024"])
            }),
        ])
    } + [
      Row(
        name: "path-like item ids",
        prepare: { _ in },
        steps: pathIDs.flatMap { id in
          [
            Step(status: 1, stderr: ["`\(id)`"]) { ["tag", try $0.event(titled: "Item 3:"), id] },
            Step(["status", id, "in-progress", "--note", "x"], status: 1, stderr: ["`\(id)`"]),
            Step(["rename", "P1.1", id], status: 1, stderr: ["`\(id)`"]),
            Step(["rename", id, "P1.9"], status: 1, stderr: ["`\(id)`"]),
          ]
        }),
      Row(
        name: "path-like event ids",
        prepare: { _ in },
        steps: pathIDs.flatMap { id in
          [
            Step(["show", id], status: 1, stderr: ["`\(id)` is not an event id"]),
            Step(["tag", id, "P1.1"], status: 1, stderr: ["`\(id)` is not an event id"]),
            Step(["untag", id, "P1.1"], status: 1, stderr: ["`\(id)` is not an event id"]),
            Step(["reject", id, "P1.1"], status: 1, stderr: ["`\(id)` is not an event id"]),
          ]
        }),
      Row(
        name: "path-like --source and --output",
        prepare: { _ = try $0.input("more.jsonl", FaultKit.corpus(lines: 5, first: 100)) },
        steps: [
          // A source name is data, recorded with the event; it never names a file.
          Step(
            status: 0, stdout: ["5 new events"],
            verify: { sandbox, _ in
              let sources = FaultKit.loadEvents(sandbox.workspace).flatMap(\.sources).compactMap(\.name)
              #expect(sources.filter { $0 == "../../etc/passwd" }.count >= 5)
            }
          ) { ["import", "--source", "../../etc/passwd", $0.inputs.appendingPathComponent("more.jsonl").path] },
          // --output is the user's own path; under it, mandate names files only from the checked
          // mandate id and the quarter.
          Step(
            ["report", "--all", "--output", "out"], status: 0, stdout: ["to out/kz-csto-2024/"],
            verify: { sandbox, _ in
              let written = try FileManager.default.contentsOfDirectory(
                atPath: sandbox.workspace.appendingPathComponent("out").path)
              #expect(written == ["kz-csto-2024"])
            }),
          Step(["report", "--quarter", "../../etc"], status: 2, stderr: ["../../etc"]),
        ]),
    ]
}
