import Foundation
import Testing

@testable import MandateKit

@Suite struct LedgerFileTests {
  static let at = Timestamp.parse("2024-04-12T10:00:00Z")!

  static let sample: [Decision] = [
    Decision(
      kind: .tag, event: "fc81e8021f9d3c4e", item: "P1.1", strength: .material, stance: .supports,
      note: "UN: \"Otunbayeva\" met — #1; yes", fingerprint: "3a1f9b0c2d4e", by: "Analyst Name", at: at),
    Decision(kind: .reject, event: "fc81e8021f9d3c4e", item: "P4.1", by: "analyst", at: at.addingTimeInterval(60)),
    Decision(kind: .untag, event: "fc81e8021f9d3c4e", item: "P1.1", by: "analyst", at: at.addingTimeInterval(120)),
    Decision(
      kind: .status, item: "P1.1", note: "yes", status: .inProgress, asOf: Day(iso: "2024-06-30"), by: "x",
      at: at.addingTimeInterval(180)),
  ]

  @Test func decisionsRoundTripThroughTheFile() throws {
    let folder = try TemporaryDirectory()
    let ledger = LedgerFile(workspace: Workspace(root: folder.url), mandateID: "kz-csto-2024")
    try ledger.append(Array(Self.sample.prefix(2)))
    try ledger.append(Array(Self.sample.dropFirst(2)))
    let contents = ledger.read()
    #expect(contents.diagnostics.isEmpty, "\(contents.diagnostics.map(\.summary))")
    #expect(Set(contents.decisions.map(\.content)) == Set(Self.sample))
    // A file per analyst, read in file name order, each analyst's oldest first.
    #expect(contents.decisions.map(\.by) == ["Analyst Name", "analyst", "analyst", "x"])
    #expect(contents.decisions.map(\.line) == [7, 7, 8, 7])
    #expect(
      contents.decisions.map(\.file) == [
        "Tags/kz-csto-2024/analyst-name.yaml", "Tags/kz-csto-2024/analyst.yaml", "Tags/kz-csto-2024/analyst.yaml",
        "Tags/kz-csto-2024/x.yaml",
      ])
    #expect(
      contents.files == [
        "Tags/kz-csto-2024.yaml", "Tags/kz-csto-2024/analyst-name.yaml", "Tags/kz-csto-2024/analyst.yaml",
        "Tags/kz-csto-2024/x.yaml",
      ])
    #expect(contents.schema == 3)
  }

  @Test func appendingKeepsEveryLineAlreadyWritten() throws {
    let folder = try TemporaryDirectory()
    let ledger = LedgerFile(workspace: Workspace(root: folder.url), mandateID: "m")
    let file = folder.url.appendingPathComponent(ledger.file(for: "analyst"))
    try ledger.append([Self.sample[1]])
    let first = try String(contentsOf: file, encoding: .utf8)
    try ledger.append([Self.sample[2]])
    let second = try String(contentsOf: file, encoding: .utf8)
    #expect(second.hasPrefix(first))
    #expect(second.count > first.count)
  }

  @Test func eachDecisionIsOneLine() throws {
    let folder = try TemporaryDirectory()
    let ledger = LedgerFile(workspace: Workspace(root: folder.url), mandateID: "kz-csto-2024")
    try ledger.append([Self.sample[0], Self.sample[3]])
    func read(_ path: String) throws -> String {
      try String(contentsOf: folder.url.appendingPathComponent(path), encoding: .utf8)
    }
    #expect(
      try read("Tags/kz-csto-2024/analyst-name.yaml") == """
        # Decisions for mandate kz-csto-2024, one analyst's file: one decision per line, oldest first.
        # Written by mandate (tag, untag, reject, status, resolve, rename, review); each analyst has a
        # file of their own in this folder, so that analysts' branches merge without touching each other.
        schema: 3
        mandate: kz-csto-2024
        decisions:
        - {at: 2024-04-12T10:00:00Z, by: "Analyst Name", kind: tag, event: fc81e8021f9d3c4e, item: P1.1, strength: material, stance: supports, fingerprint: 3a1f9b0c2d4e, note: "UN: \\"Otunbayeva\\" met — #1; yes"}

        """)
    #expect(
      try read("Tags/kz-csto-2024/x.yaml").hasSuffix(
        """
        decisions:
        - {at: 2024-04-12T10:03:00Z, by: "x", kind: status, item: P1.1, status: in-progress, as_of: 2024-06-30, note: "yes"}

        """))
    #expect(
      try read("Tags/kz-csto-2024.yaml") == """
        # The decisions for mandate kz-csto-2024 are in the folder kz-csto-2024/ beside this file, one
        # file per analyst, one decision per line. This file holds none: it tells mandate, and older
        # versions of it that read one file, that the ledger is that folder.
        schema: 3
        mandate: kz-csto-2024

        """)
  }

  @Test(arguments: [
    "line\nbreak", "tab\there", "quote \" and \\ backslash", "# not a comment", "- not an entry", "key: value, {x}",
    "\u{2028}separator", "\u{7}bell", "yes", "  spaces  ", "émoji 🙂",
  ])
  func notesOfAnyTextStayOnOneLineAndReadBack(note: String) throws {
    let folder = try TemporaryDirectory()
    let ledger = LedgerFile(workspace: Workspace(root: folder.url), mandateID: "m")
    var decision = Self.sample[1]
    decision.note = note
    decision.by = note
    try ledger.append([decision])
    let text = try String(contentsOf: folder.url.appendingPathComponent(ledger.file(for: note)), encoding: .utf8)
    #expect(text.split(separator: "\n").last?.hasPrefix("- {at: ") == true)
    #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 8)
    let read = ledger.read()
    #expect(read.diagnostics.isEmpty)
    #expect(read.decisions.first?.note == note.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  @Test func identifiersThatYAMLWouldReadAsNumbersAreQuoted() {
    #expect(LedgerLine.scalar("P1.1") == "P1.1")
    #expect(LedgerLine.scalar("fc81e8021f9d3c4e") == "fc81e8021f9d3c4e")
    #expect(LedgerLine.scalar("1234567890123456") == "\"1234567890123456\"")
    #expect(LedgerLine.scalar("1e10") == "\"1e10\"")
    #expect(LedgerLine.scalar("no") == "\"no\"")
    #expect(LedgerLine.scalar("0x1f") == "\"0x1f\"")
  }

  @Test func aSchemaOneLedgerIsMigratedByTheNextWrite() throws {
    let folder = try TemporaryDirectory()
    let ledger = LedgerFile(workspace: Workspace(root: folder.url), mandateID: "m")
    _ = try folder.file(
      "Tags/m.yaml",
      """
      schema: 1
      mandate: m
      decisions:
      - kind: reject
        event: fc81e8021f9d3c4e
        item: P4.1
        by: analyst
        at: 2024-04-12T10:01:00Z

      """)
    #expect(ledger.read().schema == 1)
    let note = try ledger.append([Self.sample[2]])
    #expect(note.migratedFrom == 1)
    let contents = ledger.read()
    #expect(contents.schema == 3)
    #expect(contents.files == ["Tags/m.yaml", "Tags/m/analyst.yaml"])
    #expect(contents.decisions.map(\.content) == [Self.sample[1], Self.sample[2]])
    #expect(try String(contentsOf: ledger.url, encoding: .utf8) == LedgerPart.layoutText(mandateID: "m"))
    #expect(try ledger.migrate() == nil)
  }

  @Test func aSchemaOneLedgerWithErrorsIsNotMigrated() throws {
    let folder = try TemporaryDirectory()
    let ledger = LedgerFile(workspace: Workspace(root: folder.url), mandateID: "m")
    let text = "schema: 1\nmandate: m\ndecisions:\n- kind: tagg\n  item: P1.1\n  by: a\n  at: 2024-04-12T10:00:00Z\n"
    _ = try folder.file("Tags/m.yaml", text)
    #expect(
      throws: RecordError.writeFailed(
        path: "Tags/m.yaml",
        reason:
          "it is in ledger schema 1 and has errors a migration to schema 3 would drop (Tags/m.yaml:4:9: `kind` in a ledger entry must be one of tag, untag, reject, status, rename, resolve, found `tagg`; did you mean `tag`?); fix them first"
      )
    ) { try ledger.migrate() }
    #expect(try String(contentsOf: ledger.url, encoding: .utf8) == text)
  }

  @Test func removingTheLastEntriesKeepsEveryOtherByte() throws {
    let folder = try TemporaryDirectory()
    let ledger = LedgerFile(workspace: Workspace(root: folder.url), mandateID: "m")
    let file = folder.url.appendingPathComponent(ledger.file(for: "analyst"))
    try ledger.append([Self.sample[1]])
    // A hand-written comment and an entry `check` flags must survive an undo untouched.
    let handEdited = try String(contentsOf: file, encoding: .utf8) + "# checked by hand\n- {kind: tagg}\n"
    try handEdited.write(to: file, atomically: true, encoding: .utf8)
    try ledger.append([Self.sample[2]])
    #expect(try ledger.removeLast([Self.sample[2]]))
    #expect(try String(contentsOf: file, encoding: .utf8) == handEdited)
  }

  @Test func removingRefusesWhenTheFileEndsOtherwise() throws {
    let folder = try TemporaryDirectory()
    let ledger = LedgerFile(workspace: Workspace(root: folder.url), mandateID: "m")
    #expect(try !ledger.removeLast([Self.sample[0]]))
    try ledger.append([Self.sample[1], Self.sample[2]])
    let file = folder.url.appendingPathComponent(ledger.file(for: "analyst"))
    let before = try Data(contentsOf: file)
    // Not the analyst's last entries, or not all of them: nothing is removed.
    #expect(try !ledger.removeLast([Self.sample[1]]))
    #expect(try !ledger.removeLast([Self.sample[2], Self.sample[1]]))
    #expect(try Data(contentsOf: file) == before)
  }

  @Test func badEntriesAreReportedWithTheirPositionAndSkipped() {
    let text = """
      schema: 2
      mandate: m
      decisions:
      - kind: tag
        event: fc81e8021f9d3c4e
        item: P1.1
        strength: strong
        by: a
        at: 2024-04-12T10:00:00Z
      - kind: tagg
        item: P1.1
      - kind: status
        item: P1.1
        by: a
        at: yesterday
      - kind: untag
        event: short
        item: P1.1
        by: a
        at: 2024-04-12T10:00:00Z
        colour: red
      """
    let contents = LedgerParser(file: "Tags/m.yaml", mandateID: "m").parse(text)
    #expect(
      contents.diagnostics.sortedByLocation().map(\.summary) == [
        "7:13 error invalid-value: `strength` in a `tag` entry must be one of declaratory, material, found `strong`",
        "10:9 error invalid-value: `kind` in a ledger entry must be one of tag, untag, reject, status, rename, resolve, found `tagg`; did you mean `tag`?",
        "12:3 error missing-field: missing required key `status` in a `status` entry",
        "12:3 error missing-field: missing required key `note` in a `status` entry",
        "15:7 error invalid-date: `at` is not a timestamp: `yesterday` (expected 2024-04-12T10:00:00Z)",
        "17:10 error invalid-id: `event` must be a full event id (16 lowercase hex digits), found `short`",
        "21:3 error unknown-key: unknown key `colour` in a `untag` entry (known keys: `at`, `by`, `kind`, `event`, `item`, `to`, `outcome`, `strength`, `stance`, `status`, `as_of`, `fingerprint`, `note`)",
      ])
    #expect(contents.decisions.map(\.kind) == [.tag, .untag])
  }

  /// A full event id is what the record holds: 16 lowercase hex digits (`EventKey`), as `check`
  /// requires of `Events/` too; an uppercase copy of an id names no event.
  @Test func eventIdsAreSixteenLowercaseHexDigits() {
    let text = """
      schema: 1
      mandate: m
      decisions:
      - kind: untag
        event: FC81E8021F9D3C4E
        item: P1.1
        by: a
        at: 2024-04-12T10:00:00Z
      - kind: untag
        event: fc81e8021f9d3c4e
        item: P1.1
        by: a
        at: 2024-04-12T10:00:00Z
      """
    let contents = LedgerParser(file: "Tags/m.yaml", mandateID: "m").parse(text)
    #expect(
      contents.diagnostics.map(\.summary) == [
        "5:10 error invalid-id: `event` must be a full event id (16 lowercase hex digits), found `FC81E8021F9D3C4E`"
      ])
  }

  @Test func aLedgerOfAnotherMandateOrSchemaIsRefused() {
    let wrongMandate = LedgerParser(file: "Tags/m.yaml", mandateID: "m").parse(
      "schema: 1\nmandate: other\ndecisions:\n")
    #expect(wrongMandate.diagnostics.map(\.code) == ["ledger-mandate"])
    let future = LedgerParser(file: "Tags/m.yaml", mandateID: "m").parse("schema: 4\nmandate: m\ndecisions:\n")
    #expect(future.diagnostics.map(\.code) == ["unsupported-schema"])
    #expect(future.unreadable?.message == "unsupported ledger schema 4; this version of mandate reads schemas 1 to 3")
    let older = LedgerParser(file: "Tags/m/a.yaml", mandateID: "m", role: .analyst).parse(
      "schema: 2\nmandate: m\ndecisions:\n")
    #expect(
      older.unreadable?.message
        == "unsupported ledger schema 2 in an analyst's file; this version of mandate reads schema 3 there")
    let elsewhere = LedgerParser(file: "Tags/m/a.yaml", mandateID: "m", role: .analyst).parse(
      "schema: 3\nmandate: other\ndecisions:\n")
    #expect(
      elsewhere.diagnostics.map(\.message) == ["this ledger is for mandate `other`, but its folder says `m`"])
  }

  @Test func timestampsAreUTCToTheSecond() {
    #expect(Timestamp.format(Self.at) == "2024-04-12T10:00:00Z")
    #expect(Timestamp.parse("2024-04-12T13:00:00+03:00") == Self.at)
    #expect(Timestamp.parse("2024-04-12") == nil)
  }
}

@Suite struct LedgerStateTests {
  static let at = LedgerFileTests.at
  static func decision(
    _ kind: Decision.Kind, _ event: String?, _ item: String, minutes: Double, status: ItemStatus? = nil,
    asOf: String? = nil, strength: EvidenceStrength? = nil
  ) -> Decision {
    Decision(
      kind: kind, event: event, item: item, strength: strength, note: status == nil ? nil : "n", status: status,
      asOf: asOf.flatMap { Day(iso: $0) }, by: "a", at: at.addingTimeInterval(minutes * 60))
  }

  @Test func replayGivesTheCurrentPicture() {
    let state = LedgerState([
      Self.decision(.tag, "e1", "P1.1", minutes: 0, strength: .declaratory),
      Self.decision(.tag, "e1", "P1.1", minutes: 1, strength: .material),
      Self.decision(.tag, "e2", "P1.1", minutes: 2),
      Self.decision(.untag, "e2", "P1.1", minutes: 3),
      Self.decision(.reject, "e3", "P2.1", minutes: 4),
      Self.decision(.reject, "e4", "P2.1", minutes: 5),
      Self.decision(.tag, "e4", "P2.1", minutes: 6),
    ])
    #expect(state.tags.count == 2)
    #expect(state.tags[.init(event: "e1", item: "P1.1")]?.strength == .material)
    #expect(state.tags[.init(event: "e2", item: "P1.1")] == nil)
    #expect(Set(state.rejections.keys) == [.init(event: "e3", item: "P2.1")])
    #expect(state.decidedEvents == ["e1", "e3", "e4"])
  }

  @Test func theLatestAssessmentByAsOfWins() {
    let state = LedgerState([
      Self.decision(.status, nil, "P1.1", minutes: 0, status: .inProgress, asOf: "2024-06-30"),
      Self.decision(.status, nil, "P1.1", minutes: 1, status: .stalled, asOf: "2024-03-31"),
      Self.decision(.status, nil, "P1.1", minutes: 2, status: .achieved, asOf: "2024-12-31"),
    ])
    #expect(state.status(of: "P1.1")?.status == .achieved)
    #expect(state.status(of: "P1.1", asOf: Day(iso: "2024-07-01"))?.status == .inProgress)
    #expect(state.status(of: "P1.1", asOf: Day(iso: "2024-01-01")) == nil)
  }

  @Test func aliasesAndRecordingDatesAreRespected() {
    let decisions = [Self.decision(.tag, "old", "P1.1", minutes: 0), Self.decision(.tag, "e9", "P2.1", minutes: 60)]
    let state = LedgerState(
      decisions, canonical: { $0 == "old" ? "new" : $0 }, recordedBy: Self.at.addingTimeInterval(30 * 60))
    #expect(Set(state.tags.keys) == Set([LedgerState.Pair(event: "new", item: "P1.1")]))
  }
}

/// The ledger's own timestamp form is read without a formatter; it must agree with one.
@Suite struct TimestampTests {
  @Test(arguments: [
    "2024-01-01T00:00:00Z", "2026-11-23T09:00:00Z", "2024-02-29T23:59:59Z", "1999-12-31T12:34:56Z",
  ])
  func fastPathAgreesWithISO8601(_ text: String) throws {
    let expected = try #require(ISO8601DateFormatter().date(from: text))
    #expect(Timestamp.utcSeconds(text) == expected)
    #expect(Timestamp.parse(text) == expected)
    #expect(Timestamp.format(expected) == text)
  }

  @Test(arguments: [
    "2024-02-30T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z", "2024-01-01 00:00:00Z",
    "2024-01-01T00:00:00+05:00", "2024-01-01T00:00:00.5Z", "", "x",
  ])
  func otherFormsLeaveTheFastPath(_ text: String) {
    #expect(Timestamp.utcSeconds(text) == nil)
  }

  @Test func offsetsAndFractionsStillParse() {
    #expect(Timestamp.parse("2024-01-01T05:00:00+05:00") == Timestamp.parse("2024-01-01T00:00:00Z"))
    #expect(Timestamp.parse("2024-01-01T00:00:00.500Z") != nil)
    #expect(Timestamp.parse("yesterday") == nil)
  }
}
