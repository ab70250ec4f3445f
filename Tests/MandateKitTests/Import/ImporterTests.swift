import Foundation
import Testing

@testable import MandateKit

/// A scratch workspace with the shipped mandate, removed when the test ends.
final class ScratchWorkspace {
  let folder: TemporaryDirectory
  let workspace: Workspace

  init() throws {
    folder = try TemporaryDirectory()
    let priorities = TestPaths.repositoryRoot.appendingPathComponent("Priorities/kz-csto-2024.yaml")
    _ = try folder.file("Priorities/kz-csto-2024.yaml", try String(contentsOf: priorities, encoding: .utf8))
    workspace = Workspace(root: folder.url)
  }

  static let today = Day(iso: "2026-11-23")!

  @discardableResult
  func importFiles(_ urls: [URL], format: ImportFormat? = nil, dryRun: Bool = false, strict: Bool = false) throws
    -> ImportReport
  {
    try Importer(workspace: workspace).run(
      urls, options: ImportOptions(format: format, dryRun: dryRun, strict: strict, today: Self.today))
  }

  func index() throws -> EventIndex {
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
    return try EventIndex.open(workspace, lock: lock).index
  }

  /// Every record file's name and bytes.
  func recordFiles() throws -> [String: Data] {
    var files: [String: Data] = [:]
    let directory = workspace.eventsDirectory
    for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
      files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
    }
    return files
  }
}

enum Samples {
  static let pages = TestPaths.repositoryRoot.appendingPathComponent("Samples/csto-pages")
  static var pageFiles: [URL] {
    (try? FileManager.default.contentsOfDirectory(atPath: pages.path))!.sorted().map {
      pages.appendingPathComponent($0)
    }
  }
  static func importFixture(_ name: String) -> URL { TestPaths.fixture("import/\(name)") }
}

@Suite struct SeedImportTests {
  /// The twelve distinct events of the five seed pages, each checked against the pages by hand:
  /// opening words, date, end of range, precision, where the date came from, and occurrences.
  static let expected:
    [(opening: String, date: String?, end: String?, precision: DatePrecision, basis: DateBasis, sources: Int)] = [
      ("The Military Committee meeting on the development", "2021-12-08", nil, .day, .text, 1),
      ("The Chief of the CSTO Joint Staff participated", "2023-05-17", nil, .day, .text, 2),
      ("Priorities of the Republic of Kazakhstan", "2024-01-01", nil, .year, .title, 1),
      ("The CSTO is holding a strategic command", "2024-03-12", "2024-03-13", .day, .text, 1),
      ("On 8 April 2024, at the CSTO Secretariat", "2024-04-08", nil, .day, .text, 3),
      ("From April 8 to 11, 2024, the XXI International", "2024-04-08", "2024-04-11", .day, .text, 3),
      ("On 10 April 2024, the 39th meeting", "2024-04-10", nil, .day, .text, 3),
      ("The CSTO Secretary General Imangali Tasmagambetov took part", "2024-07-19", nil, .day, .text, 2),
      ("On 25 July 2024, staff of the CSTO Secretariat", "2024-07-25", nil, .day, .text, 2),
      ("Allow me to thank the Russian presidency", nil, nil, .none, .none, 2),
      ("The 23rd meeting of the Military Committee", nil, nil, .none, .none, 3),
      (
        "Imangali Tasmagambetov, the Collective Security Treaty Organization Secretary General, told BELTA", nil, nil,
        .none, .none, 2
      ),
    ]

  @Test func fivePagesHoldTwelveEventsInTwentyFiveOccurrences() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles(Samples.pageFiles)
    #expect(report.items == 25)
    #expect(report.newEvents == 12)
    #expect(report.newUndated == 3)
    #expect(report.rejected.isEmpty)
    let events = try scratch.index().events(EventQuery())
    #expect(events.count == 12)
    for (event, expected) in zip(events, Self.expected) {
      #expect(event.headline.hasPrefix(expected.opening), "\(event.headline)")
      #expect(event.date?.description == expected.date, "\(expected.opening)")
      #expect(event.dateEnd?.description == expected.end, "\(expected.opening)")
      #expect(event.datePrecision == expected.precision, "\(expected.opening)")
      #expect(event.dateBasis == expected.basis, "\(expected.opening)")
      #expect(event.sources.count == expected.sources, "\(expected.opening)")
    }
    #expect(events.reduce(0) { $0 + $1.sources.count } == 25)
  }

  @Test func dateEvidenceQuotesTheText() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles(Samples.pageFiles)
    let events = try scratch.index().events(EventQuery())
    let evidence = events.map(\.dateEvidence)
    #expect(evidence.contains("From April 8 to 11, 2024"))
    #expect(evidence.contains("In the period from 12 to 13 March 2024"))
    #expect(evidence.contains("On May 17"))
    #expect(evidence.contains("in 2024"))
  }

  /// A source keeps the day it was published apart from the event's own date: the main article
  /// of a page of 18 May 2023 tells of 17 May; teasers and a month-dated JSONL item have none.
  @Test func sourcesRecordTheDayTheyWerePublished() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles(Samples.pageFiles + [Samples.importFixture("good.jsonl")])
    let events = try scratch.index().events(EventQuery())
    let milex = try #require(events.first { $0.headline.contains("MILEX-2023") })
    #expect(milex.date?.description == "2023-05-17")
    #expect(milex.sources.map { $0.published?.description } == ["2023-05-18", "2023-05-18"])
    let teasers = events.flatMap(\.sources).filter { $0.role == .teaser }
    #expect(!teasers.isEmpty && teasers.allSatisfy { $0.published == nil })
    let afghanistan = try #require(events.first { $0.headline == "Working Group on Afghanistan meets" })
    #expect(afghanistan.sources.map { $0.published?.description } == ["2024-04-10"])
    let rescue = try #require(events.first { $0.headline == "CSTO rescue teams train" })
    #expect(rescue.sources.map(\.published) == [nil])
  }

  /// Inputs given with an origin (fetched bodies) make the same events as the files given alone;
  /// their sources name where and when they were fetched and the kept body instead of a file,
  /// and a page's article takes the page's address.
  @Test func inputsWithAnOriginRecordWhereTheyWereFetched() throws {
    let plain = try ScratchWorkspace()
    try plain.importFiles(Samples.pageFiles)
    let fetched = try ScratchWorkspace()
    let inputs = Samples.pageFiles.enumerated().map { number, file in
      ImportInput(
        file: file,
        origin: InputOrigin(
          url: "https://en.odkb-csto.org/news/\(number)/", fetchedAt: Date(timeIntervalSince1970: 1_764_900_000),
          snapshot: String(repeating: "\(number)", count: 64)))
    }
    try Importer(workspace: fetched.workspace).run(
      inputs: inputs, options: ImportOptions(today: ScratchWorkspace.today))
    let before = try plain.index().events(EventQuery())
    let after = try fetched.index().events(EventQuery())
    #expect(after.map(\.id) == before.map(\.id))
    #expect(after.map(\.date) == before.map(\.date))
    #expect(after.map(\.sources.count) == before.map(\.sources.count))
    let sources = after.flatMap(\.sources)
    #expect(sources.allSatisfy { $0.file == nil && $0.fetched?.at == "2025-12-05T02:00:00Z" })
    let milex = try #require(after.first { $0.headline.contains("MILEX-2023") })
    #expect(
      milex.sources.map { "\($0.role) \($0.url ?? "-") \($0.fetched!.from) \($0.fetched!.snapshot!.prefix(4))" } == [
        "main https://en.odkb-csto.org/news/0/ https://en.odkb-csto.org/news/0/ 0000",
        "main https://en.odkb-csto.org/news/1/ https://en.odkb-csto.org/news/1/ 1111",
      ])
    let teaser = try #require(after.first { $0.sources.first?.role == .teaser })
    #expect(teaser.sources.allSatisfy { $0.url == nil })
  }

  @Test func aSecondImportAddsNothingAndChangesNoByte() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles(Samples.pageFiles)
    let before = try scratch.recordFiles()
    let stamps = EventRecord(directory: scratch.workspace.eventsDirectory).stamps()
    let again = try scratch.importFiles(Samples.pageFiles)
    #expect(again.newEvents == 0)
    #expect(again.mergedIntoExisting == 0)
    #expect(again.alreadyRecorded == 25)
    #expect(again.changedFiles.isEmpty)
    #expect(try scratch.recordFiles() == before)
    #expect(EventRecord(directory: scratch.workspace.eventsDirectory).stamps() == stamps)
  }

  @Test func importOrderDoesNotChangeTheRecord() throws {
    let forward = try ScratchWorkspace()
    try forward.importFiles(Samples.pageFiles)
    let backward = try ScratchWorkspace()
    for file in Samples.pageFiles.reversed() { try backward.importFiles([file]) }
    #expect(try forward.recordFiles() == backward.recordFiles())
  }

  @Test func recordFilesAreSortedJSONLinesByMonth() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles(Samples.pageFiles)
    let files = try scratch.recordFiles()
    #expect(
      Set(files.keys) == [
        "2021-12.jsonl", "2023-05.jsonl", "2024.jsonl", "2024-03.jsonl", "2024-04.jsonl", "2024-07.jsonl",
        "undated.jsonl",
      ])
    let april = String(decoding: files["2024-04.jsonl"]!, as: UTF8.self).split(separator: "\n")
    #expect(april.count == 3)
    let keys = april.map { RecordLine(bytes: Array($0.utf8), number: 0).sortKey }
    #expect(keys == keys.sorted())
    for line in april { #expect(try Event.decode(line: Array(line.utf8)).recordLine() == Array(line.utf8)) }
  }
}

/// The shipped `Events/` must be exactly what importing `Samples/` gives today.
@Suite struct ShippedWorkspaceTests {
  @Test func shippedEventsAreUpToDate() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles(
      Samples.pageFiles.map { file in
        // Import from inside the scratch workspace, so that sources are named as in the repository.
        let copy = scratch.folder.url.appendingPathComponent("Samples/csto-pages/\(file.lastPathComponent)")
        try? FileManager.default.createDirectory(
          at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.copyItem(at: file, to: copy)
        return copy
      })
    let shipped = TestPaths.repositoryRoot.appendingPathComponent("Events")
    let names = try FileManager.default.contentsOfDirectory(atPath: shipped.path).filter { $0.hasSuffix(".jsonl") }
    let regenerated = try scratch.recordFiles()
    #expect(Set(names) == Set(regenerated.keys), "run Scripts/regenerate-workspace.sh")
    for name in names {
      #expect(
        try Data(contentsOf: shipped.appendingPathComponent(name)) == regenerated[name],
        "Events/\(name) is stale: run Scripts/regenerate-workspace.sh")
    }
  }
}
