import Foundation
import Testing

/// `mandate show` names the other language's report of the same event, and the language of each event.
@Suite struct ShowLinkedCommandTests {
  @Test func showListsTheOtherLanguagesReport() throws {
    let workspace = try ScratchWorkspace()
    let fixture = CLI.repositoryRoot.appendingPathComponent("Tests/MandateKitTests/Fixtures/russian/linked.jsonl")
    #expect(try workspace.run("import", fixture.path).status == 0)
    let listed = try workspace.run("events", "--format", "json")
    let events = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    func id(_ prefix: String) throws -> String {
      try #require(events.first { ($0["title"] as? String)?.hasPrefix(prefix) == true }?["id"] as? String)
    }
    let english = try id("CSTO Secretary General meets")
    let twin = try id("Генеральный секретарь ОДКБ встретился")
    let nearMiss = try id("Генеральный секретарь ОДКБ принял")

    let shown = try workspace.run("show", english)
    #expect(shown.status == 0)
    #expect(shown.stdout.contains("language: en\n"))
    #expect(
      shown.stdout.contains(
        "also reported in ru: \(twin.prefix(8)) Генеральный секретарь ОДКБ встретился с главой МООНСА\n"))
    let back = try workspace.run("show", twin)
    #expect(back.stdout.contains("language: ru\nalso reported in en: \(english.prefix(8)) CSTO Secretary General"))
    let alone = try workspace.run("show", nearMiss)
    #expect(alone.status == 0)
    #expect(!alone.stdout.contains("also reported"))

    let json = try workspace.run("show", english, "--format", "json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["language"] as? String == "en")
    let linked = try #require(object["linked"] as? [String: Any])
    #expect(linked["id"] as? String == twin)
    #expect(linked["language"] as? String == "ru")
    let nearJSON = try workspace.run("show", nearMiss, "--format", "json")
    #expect(!nearJSON.stdout.contains("\"linked\""))
  }
}
