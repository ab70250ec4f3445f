import Foundation
import Testing

@Suite struct PrioritiesCommandTests {
  @Test func jsonListsSevenPrioritiesAndSixteenItems() throws {
    let result = try CLI.run(["priorities", "--format", "json"], in: CLI.repositoryRoot)
    #expect(result.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let priorities = try #require(object["priorities"] as? [[String: Any]])
    #expect(priorities.count == 7)
    let items = priorities.flatMap { ($0["items"] as? [[String: Any]]) ?? [] }
    #expect(items.count == 16)
    #expect(
      items.first?["text"] as? String
        == "maintaining the established interaction with the UN and its structures on the basis of the Joint Declaration on Cooperation between the CSTO and UN Secretariats of 18 March 2010"
    )
    #expect(items.last?["id"] as? String == "P7.2")
  }

  @Test func textIsWrappedToColumns() throws {
    let result = try CLI.run(["priorities"], in: CLI.repositoryRoot, environment: ["COLUMNS": "60"])
    #expect(result.status == 0)
    #expect(
      result.stdout.hasPrefix(
        "Priorities of the Republic of Kazakhstan Chairmanship in\n  the Collective Security Treaty Organization in 2024\nmandate kz-csto-2024"
      ))
    #expect(result.stdout.contains("P7.2  development of cooperation within the framework of"))
    for line in result.stdout.split(separator: "\n") { #expect(line.count <= 60, "\(line)") }
  }

  @Test func markdownHasAHeadingPerPriority() throws {
    let result = try CLI.run(["priorities", "--format", "markdown"], in: CLI.repositoryRoot)
    #expect(result.stdout.components(separatedBy: "\n## ").count == 8)
  }

  @Test func findsTheWorkspaceFromASubfolderOrByFlag() throws {
    let workspace = try ScratchWorkspace()
    let fromSubfolder = try workspace.run("priorities", "--format", "json", in: "Reports/drafts")
    #expect(fromSubfolder.status == 0)
    let elsewhere = FileManager.default.temporaryDirectory
    let byFlag = try CLI.run(["priorities", "--workspace", workspace.url.path, "--format", "json"], in: elsewhere)
    #expect(byFlag.status == 0)
    #expect(byFlag.stdout == fromSubfolder.stdout)
  }

  @Test func severalMandatesNeedAChoice() throws {
    let workspace = try ScratchWorkspace()
    try workspace.write(
      "Priorities/valid.yaml",
      try String(
        contentsOf: CLI.repositoryRoot.appendingPathComponent("Tests/MandateKitTests/Fixtures/priorities/valid.yaml"),
        encoding: .utf8))
    let ambiguous = try workspace.run("priorities")
    #expect(ambiguous.status == 1)
    #expect(
      ambiguous.stderr
        == "error: this workspace holds several mandates (kz-csto-2024, valid); choose one with --mandate ID\n")
    let chosen = try workspace.run("priorities", "--mandate", "valid")
    #expect(chosen.status == 0)
    #expect(chosen.stdout.hasPrefix("A small valid mandate\nmandate valid ·"))
    let unknown = try workspace.run("priorities", "--mandate", "kz-csto-2025")
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("did you mean `kz-csto-2024`?"))
  }

  @Test func aBrokenMandateIsReportedNotPrinted() throws {
    let workspace = try ScratchWorkspace()
    try workspace.write("Priorities/kz-csto-2024.yaml", "schema: 1\nid: kz-csto-2024\n")
    let result = try workspace.run("priorities")
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(
      result.stderr.contains("Priorities/kz-csto-2024.yaml:1:1: error: missing required key `title` in the mandate"))
  }
}
