import Foundation
import MandateKit
import Testing

/// `mandate review` on the built binary, fed from a pipe as a script would.
@Suite struct ReviewCommandTests {
  static let environment = ["MANDATE_NOW": "2024-07-01T10:00:00Z", "MANDATE_USER": "alice"]

  /// A scratch workspace with the shipped mandate and the seed pages imported.
  static func seeded() throws -> ScratchWorkspace {
    let workspace = try ScratchWorkspace()
    let imported = try workspace.run("import", ImportCommandTests.pages, environment: environment)
    #expect(imported.status == 0)
    return workspace
  }

  /// Every file of the ledger, one after the other (the analysts' files by name).
  static func ledger(_ workspace: ScratchWorkspace) throws -> String { try workspace.ledger() }

  @Test func aScriptedReviewWritesEachDecisionAndTheNextOneSkipsThem() throws {
    let workspace = try Self.seeded()
    let result = try workspace.run(
      "review", "--quarter", "2024Q2", environment: Self.environment, input: "1\nr\ns\nq\n")
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.hasPrefix("\nevent 1 of 3  2024-04-08  6239c86d\n"))
    #expect(result.stdout.contains("\n  1. P1.1 UN cooperation  0.99\n     keyword “UNAMA” ×2 in text (+11.41)"))
    #expect(result.stdout.contains("**UN Assistance\n    Mission in Afghanistan** (**UNAMA**).\n"))
    #expect(result.stdout.contains("\n> 1\ntagged 6239c86d for P1.1 (declaratory, supports)\n\nevent 2 of 3"))
    #expect(result.stdout.contains("\n> r\nrejected P2.2 for 6306b49e\n\nevent 3 of 3  2024-04-10  fc81e802\n"))
    #expect(result.stdout.contains("\n> s\nskipped\n\nend of the list (3 events)"))
    #expect(result.stdout.hasSuffix("\n> q\n1 tagged, 1 rejected, 1 skipped\n"))
    #expect(
      try Self.ledger(workspace).hasSuffix(
        """
        decisions:
        - {at: 2024-07-01T10:00:00Z, by: "alice", kind: tag, event: 6239c86d2bebdc3a, item: P1.1, strength: declaratory, stance: supports, fingerprint: a50d037c62c1}
        - {at: 2024-07-01T10:00:00Z, by: "alice", kind: reject, event: 6306b49e721ecd87, item: P2.2}

        """))

    let again = try workspace.run(
      "review", "--quarter", "2024Q2", "--by", "bob", environment: Self.environment, input: "m\nn seen\n1\n")
    #expect(again.stdout.hasPrefix("\nevent 1 of 1  2024-04-10  fc81e802\n"))
    #expect(!again.stdout.contains("6239c86d"))
    #expect(
      again.stdout.hasSuffix(
        "tagged fc81e802 for P1.2 (material, supports, note “seen”)\n\nend of the list (1 event): u undoes the last decision, q quits\n> \n1 tagged, 0 rejected, 0 skipped\n"
      ))
    #expect(
      try Self.ledger(workspace).hasSuffix(
        """
        - {at: 2024-07-01T10:00:00Z, by: "bob", kind: tag, event: fc81e80203498dde, item: P1.2, strength: material, stance: supports, fingerprint: 6b5efefdd2f7, note: "seen"}

        """))
  }

  @Test func theEndOfInputKeepsEveryDecisionMadeSoFar() throws {
    let workspace = try Self.seeded()
    let result = try workspace.run(
      "review", "--quarter", "2024Q2", environment: Self.environment, input: "1\nc\nt P2.1\n")
    #expect(result.status == 0)
    #expect(result.stdout.hasSuffix("\n> \n2 tagged, 0 rejected, 0 skipped, 1 left\n"))
    let ledger = try Self.ledger(workspace)
    #expect(ledger.contains("event: 6239c86d2bebdc3a, item: P1.1, strength: declaratory, stance: supports, "))
    #expect(ledger.contains("event: 6306b49e721ecd87, item: P2.1, strength: declaratory, stance: contradicts, "))
  }

  @Test func aKilledReviewHasAlreadyWrittenItsDecisions() throws {
    let workspace = try Self.seeded()
    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = ["review", "--quarter", "2024Q2"]
    process.currentDirectoryURL = workspace.url
    process.environment = ProcessInfo.processInfo.environment.merging(Self.environment) { $1 }
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The pipe stays open: the review waits for more, as an analyst at a terminal would.
    input.fileHandleForWriting.write(Data("1\n".utf8))
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline, (try? Self.ledger(workspace))?.contains("item: P1.1") != true {
      Thread.sleep(forTimeInterval: 0.05)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(try Self.ledger(workspace).contains("event: 6239c86d2bebdc3a, item: P1.1, "))
    try? input.fileHandleForWriting.close()
  }

  @Test func suspectTagsAreKeptAgainstTheNewWording() throws {
    let workspace = try Self.seeded()
    _ = try workspace.run("review", "--quarter", "2024Q2", environment: Self.environment, input: "1\n")
    let priorities = workspace.url.appendingPathComponent("Priorities/kz-csto-2024.yaml")
    let old = "maintaining the established interaction with the UN and its structures"
    let new = "keeping up the established interaction with the United Nations and its structures"
    let yaml = try String(contentsOf: priorities, encoding: .utf8)
    #expect(yaml.contains(old))
    try yaml.replacingOccurrences(of: old, with: new).write(to: priorities, atomically: true, encoding: .utf8)
    let check = try workspace.run("check")
    #expect(check.status == 0)
    #expect(check.stderr.contains("warning: tag of event 6239c86d for P1.1 was made when the item read differently"))

    let result = try workspace.run("review", "--suspect", environment: Self.environment, input: "k\n")
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("\nsuspect tag 1 of 1  2024-04-08  6239c86d\n"))
    #expect(result.stdout.contains("\nP1.1 now reads: keeping up the established interaction with the United Nations"))
    #expect(result.stdout.contains("\n> k\ntagged 6239c86d for P1.1 (declaratory, supports)\n"))
    #expect(result.stdout.hasSuffix("1 kept, 0 withdrawn, 0 skipped\n"))
    let text =
      new
      + " on the basis of the Joint Declaration on Cooperation between the CSTO and UN Secretariats of 18 March 2010"
    let ledger = try Self.ledger(workspace)
    #expect(ledger.components(separatedBy: ", kind: tag, ").count == 3)
    // The same second as the first tag: the kept tag is stamped a second later, to replay after it.
    #expect(
      ledger.hasSuffix(
        "- {at: 2024-07-01T10:00:01Z, by: \"alice\", kind: tag, event: 6239c86d2bebdc3a, item: P1.1, strength: declaratory, stance: supports, fingerprint: \(Fingerprint.of(text: text))}\n"
      ))
    let recheck = try workspace.run("check")
    #expect(!recheck.stderr.contains("suspect"))
    #expect(recheck.stderr.hasSuffix("no problems\n"))
    let none = try workspace.run("review", "--suspect", environment: Self.environment, input: "")
    #expect(none.stdout == "no suspect tags\n")
  }

  /// On a terminal each screen replaces the last (cursor home, display cleared); a mode set and
  /// then abandoned by `q` is named rather than dropped. Piped, the transcript has no such
  /// sequences.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func aTerminalRedrawsInPlaceAndQuittingSaysWhatWasNotRecorded() throws {
    let workspace = try Self.seeded()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", "'\(CLI.executable.path)' review --quarter 2024Q2", "/dev/null"]
    process.currentDirectoryURL = workspace.url
    process.environment = ProcessInfo.processInfo.environment.merging(
      Self.environment.merging(["TERM": "xterm", "COLUMNS": "80"]) { $1 }
    ) { $1 }
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data("mq".utf8))
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try? input.fileHandleForWriting.close()
    let screen = String(decoding: data, as: UTF8.self)
    #expect(screen.components(separatedBy: "\u{1B}[H\u{1B}[2J").count == 3, "\(screen)")
    #expect(screen.contains("not recorded: material for 6239c86d, since no decision was made on it"))
    #expect(screen.contains("0 tagged, 0 rejected, 0 skipped, 3 left"))
    let piped = try workspace.run("review", "--quarter", "2024Q2", environment: Self.environment, input: "m\nq\n")
    #expect(!piped.stdout.contains("\u{1B}["))
    #expect(piped.stdout.contains("warning: not recorded: material for 6239c86d"))
  }

  @Test func conflictingOptionsAreUsageErrors() throws {
    let workspace = try ScratchWorkspace()
    for arguments in [
      ["review", "--quarter", "2024Q2", "--from", "2024-04-01"], ["review", "--suspect", "--quarter", "2024Q2"],
      ["review", "--top", "10"],
    ] {
      let result = try CLI.run(arguments, in: workspace.url)
      #expect(result.status == 2, "\(arguments)")
    }
  }
}
