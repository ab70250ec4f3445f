import Foundation
import Testing

@Suite struct ImportCommandTests {
  static let pages = CLI.repositoryRoot.appendingPathComponent("Samples/csto-pages").path
  static let fixtures = CLI.repositoryRoot.appendingPathComponent("Tests/MandateKitTests/Fixtures").path

  @Test func importPrintsWhatItReadAndWrote() throws {
    let workspace = try ScratchWorkspace()
    let result = try workspace.run("import", Self.pages, environment: ["MANDATE_NOW": "2026-11-23"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("(csto-page): 5 items\n"))
    #expect(
      result.stdout.contains(
        "25 items from 5 files: 12 new events (3 undated), 0 merged into existing, 0 already recorded, 0 rejected\n"))
    #expect(
      result.stdout.hasSuffix(
        "wrote Events/2021-12.jsonl, Events/2023-05.jsonl, Events/2024.jsonl, Events/2024-03.jsonl, Events/2024-04.jsonl, Events/2024-07.jsonl, Events/undated.jsonl\n"
      ))
    let again = try workspace.run("import", Self.pages)
    #expect(
      again.stdout.contains(
        "0 new events, 0 merged into existing, 25 already recorded, 0 rejected\nno change to the record\n"))
  }

  @Test func rejectionsGoToStandardErrorWithFileAndLine() throws {
    let workspace = try ScratchWorkspace()
    let result = try workspace.run("import", "\(Self.fixtures)/import/broken-line.jsonl")
    // What was good lands, and the exit status says something was rejected.
    #expect(result.status == 1)
    #expect(result.stderr.contains("import/broken-line.jsonl:2: rejected: not a JSON object\n"))
    #expect(result.stdout.contains("2 new events, 0 merged into existing, 0 already recorded, 5 rejected"))
    #expect(result.stderr.hasSuffix("error: 5 records rejected; everything else was imported\n"))
    let nothing = try workspace.run("import", "\(Self.fixtures)/feeds/truncated.xml")
    #expect(nothing.status == 1)
    #expect(nothing.stderr.hasSuffix("\nerror: 1 record rejected\n"))
  }

  @Test func strictFailsAndWritesNothing() throws {
    let workspace = try ScratchWorkspace()
    let result = try workspace.run("import", "--strict", "\(Self.fixtures)/import/broken-line.jsonl")
    #expect(result.status == 1)
    #expect(result.stderr.hasSuffix("error: 5 records rejected; with --strict nothing was written\n"))
    #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Events").path))
  }

  @Test func dryRunSaysWhatItWouldWrite() throws {
    let workspace = try ScratchWorkspace()
    let result = try workspace.run("import", "--dry-run", Self.pages)
    #expect(result.stdout.contains("would write Events/2021-12.jsonl"))
    #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Events").path))
  }

  /// A dry run lists the events it would add: id, date and headline, by date.
  @Test func dryRunListsTheEventsItWouldAdd() throws {
    let workspace = try ScratchWorkspace()
    let result = try workspace.run("import", "--dry-run", Self.pages)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(lines.firstIndex(of: "would add 12 events:"))
    let listed = lines[(start + 1)...].prefix { $0.hasPrefix("  ") }
    #expect(listed.count == 12)
    #expect(
      listed.first?.hasSuffix(
        "2021-12-08       The Military Committee meeting on the development of military cooperation of the CSTO "
          + "member States has been held via videoconferencing on December 8") == true)
    #expect(
      listed.contains {
        $0.hasSuffix(
          "2024-04-08…11    From April 8 to 11, 2024, the XXI International Seminar-Meeting on Combined Martial Arts with the…"
        )
      })
    #expect(listed.last?.contains("undated") == true)
    #expect(listed.allSatisfy { $0.dropFirst(2).prefix(8).allSatisfy(\.isHexDigit) })
    // Imported for real, the same ids are recorded.
    _ = try workspace.run("import", Self.pages)
    let json = try workspace.run("events", "--format", "json")
    let ids = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])?.compactMap {
      ($0["id"] as? String)?.prefix(8)
    }
    #expect(Set(ids ?? []) == Set(listed.map { $0.dropFirst(2).prefix(8) }))
  }

  @Test func warningsNameThePageAndWhatWasMissingWithoutFailing() throws {
    let workspace = try ScratchWorkspace()
    let page = "\(Self.fixtures)/csto-pages/partial/cut-in-article.txt"
    let result = try workspace.run("import", page)
    #expect(result.status == 0)
    #expect(
      result.stderr.contains(
        "csto-pages/partial/cut-in-article.txt:16: warning: the text ends before the page's footer 'Go back / Back "
          + "to the section / Back to the all news': the article \"The Committee of Secretaries of Security Councils "
          + "held a meeting in Astana\" may be cut short\n"))
    #expect(result.stdout.contains("4 items from 1 file: 4 new events (1 undated), 0 merged into existing"))
  }

  @Test func undetectableFilesAskForAFormat() throws {
    let workspace = try ScratchWorkspace()
    let result = try workspace.run("import", "\(Self.fixtures)/import/binary.bin")
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot tell the format of"))
    #expect(result.stderr.contains("name it with --format"))
    let missing = try workspace.run("import", "no-such-file.jsonl")
    #expect(missing.status == 1)
    #expect(missing.stderr == "error: cannot read no-such-file.jsonl: no such file\n")
    let badFormat = try workspace.run("import", "--format", "xml", Self.pages)
    #expect(badFormat.status == 2)
  }

  @Test func eventsListsSearchesAndExports() throws {
    let workspace = try ScratchWorkspace()
    _ = try workspace.run("import", Self.pages)
    let list = try workspace.run("events", "--quarter", "2024Q2")
    #expect(list.status == 0)
    let lines = list.stdout.split(separator: "\n")
    #expect(lines.count == 5)
    #expect(lines[0].hasPrefix("date"))
    #expect(lines[2].hasPrefix("2024-04-08 "))
    #expect(lines[3].hasPrefix("2024-04-08…11 "))
    let termQuarter = try workspace.run("events", "--quarter", "Q2")
    #expect(termQuarter.stdout == list.stdout)
    let json = try workspace.run("events", "--format", "json")
    let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(array.count == 12)
    for object in array {
      for key in ["id", "date", "date_precision", "date_end", "title", "text", "sources"] {
        #expect(object.keys.contains(key), "missing \(key)")
      }
    }
    #expect(array.contains { $0["date"] is NSNull })
    let undated = try workspace.run("events", "--undated", "--format", "csv")
    #expect(
      undated.stdout.split(separator: "\n").first == "id,date,date_end,date_precision,title,text,sources,first_source")
    let search = try workspace.run("events", "--search", "Afghanistan")
    #expect(search.stdout.contains("**Afghanistan**"))
    let range = try workspace.run("events", "--from", "2024-07-01", "--to", "2024-07-31", "--format", "json")
    #expect((try JSONSerialization.jsonObject(with: Data(range.stdout.utf8)) as? [Any])?.count == 2)
    let bad = try workspace.run("events", "--from", "2024-13-01")
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("--from 2024-13-01 is not a date"))
  }

  @Test func showPrintsOneEventByPrefix() throws {
    let workspace = try ScratchWorkspace()
    _ = try workspace.run("import", Self.pages)
    let json = try workspace.run("events", "--search", "Otunbayeva", "--format", "json")
    let id = try #require(
      (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])?.first?["id"] as? String)
    let show = try workspace.run("show", String(id.prefix(6)))
    #expect(show.status == 0)
    #expect(show.stdout.hasPrefix("event \(id)\n"))
    #expect(show.stdout.contains("date: 2024-04-08 (day precision, stated in the text: \"On 8 April 2024\")\n"))
    #expect(show.stdout.contains("sources (3):\n"))
    let unknown = try workspace.run("show", "ffffffffff")
    #expect(unknown.status == 1)
    #expect(unknown.stderr.hasPrefix("error: no event `ffffffffff`"))
  }

  @Test func indexRebuildsOnRequestAndByItself() throws {
    let workspace = try ScratchWorkspace()
    _ = try workspace.run("import", Self.pages)
    let fresh = try workspace.run("index")
    #expect(fresh.stdout.hasPrefix("index is up to date: 12 events, 3 undated"))
    let rebuilt = try workspace.run("index", "--rebuild")
    #expect(rebuilt.stdout.hasPrefix("rebuilt the index (requested): 12 events, 3 undated"))
    try FileManager.default.removeItem(at: workspace.url.appendingPathComponent(".mandate"))
    let list = try workspace.run("events", "--format", "json")
    #expect(list.status == 0)
    #expect((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])?.count == 12)
  }
}
