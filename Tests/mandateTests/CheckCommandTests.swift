import Foundation
import Testing

@Suite struct CheckCommandTests {
  @Test func theShippedWorkspaceIsClean() throws {
    let result = try CLI.run(["check"], in: CLI.repositoryRoot)
    #expect(result.status == 0)
    #expect(result.stdout == "")
    #expect(result.stderr.hasSuffix("no problems\n"))
  }

  @Test func errorsPrintPositionSourceLineAndCaretAndExit1() throws {
    let fixtures = CLI.repositoryRoot.appendingPathComponent("Tests/MandateKitTests/Fixtures/priorities")
    let result = try CLI.run(["check", "every-error.yaml"], in: fixtures)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        """
        every-error.yaml:11:1: error: unknown key `langauge` in the mandate; did you mean `language`?
        langauge: en
        ^

        """))
    #expect(
      result.stderr.contains(
        """
        every-error.yaml:23:13: error: id `P1.1` is already used
              - id: P1.1
                    ^
        every-error.yaml:16:13: note: first defined here
              - id: P1.1
                    ^

        """))
    #expect(result.stderr.hasSuffix("17 errors and 1 warning in 1 file\n"))
  }

  /// Language tags and duplicates within a language, end to end: bad keys and repeated keywords fail the check.
  @Test func languagesAreChecked() throws {
    let fixtures = CLI.repositoryRoot.appendingPathComponent("Tests/MandateKitTests/Fixtures/priorities")
    let bad = try CLI.run(["check", "language-key.yaml", "keyword-twice-in-a-language.yaml"], in: fixtures)
    #expect(bad.status == 1)
    #expect(
      bad.stderr.contains(
        "language-key.yaml:18:11: error: `english` in `keywords` of item P1.1 is not a language tag; "
          + "write a code such as `en` or `ru`\n"))
    #expect(
      bad.stderr.contains(
        "keyword-twice-in-a-language.yaml:19:31: error: keyword `прокси` is listed twice in the `ru` keywords of item P1.1\n"
      ))
    let good = try CLI.run(["check", "languages.yaml"], in: fixtures)
    #expect(good.status == 0)
    #expect(good.stderr.hasSuffix("no problems\n"))
  }

  @Test func jsonListsEveryDiagnosticForEditors() throws {
    let fixtures = CLI.repositoryRoot.appendingPathComponent("Tests/MandateKitTests/Fixtures/priorities")
    let result = try CLI.run(["check", "--format", "json", "every-error.yaml", "valid.yaml"], in: fixtures)
    #expect(result.status == 1)
    let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(array.count == 18)
    let first = try #require(array.first)
    #expect(first["file"] as? String == "every-error.yaml")
    #expect(first["line"] as? Int == 2)
    #expect(first["column"] as? Int == 1)
    #expect(first["severity"] as? String == "error")
    #expect(first["code"] as? String == "missing-field")
    #expect(first["message"] as? String == "missing required key `holder` in the mandate")
  }

  @Test func warningsAloneExit0() throws {
    let workspace = try ScratchWorkspace()
    try FileManager.default.moveItem(
      at: workspace.url.appendingPathComponent("Priorities/kz-csto-2024.yaml"),
      to: workspace.url.appendingPathComponent("Priorities/renamed.yaml"))
    let result = try workspace.run("check")
    #expect(result.status == 0)
    #expect(
      result.stderr.contains(
        "Priorities/renamed.yaml:13:5: warning: mandate `kz-csto-2024` is stored in `renamed.yaml`")
    )
  }

  @Test func usageErrorsExit2() throws {
    let result = try CLI.run(["check", "--format", "xml"], in: CLI.repositoryRoot)
    #expect(result.status == 2)
    #expect(result.stderr.contains("--format"))
    let unknown = try CLI.run(["chek"], in: CLI.repositoryRoot)
    #expect(unknown.status == 2)
  }

  @Test func aMissingFileIsAnError() throws {
    let result = try CLI.run(["check", "no-such-file.yaml"], in: CLI.repositoryRoot)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("no-such-file.yaml:1:1: error: cannot read file: "))
  }

  @Test func outsideAWorkspaceSaysSo() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mandate-empty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(["check"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("error: no mandate workspace at "))
  }

  @Test(arguments: [
    ("empty.yaml", "empty.yaml:1:1: error: file is empty"), ("binary.yaml", "binary.yaml:3:9: error: file is not text"),
    ("alias-bomb.yaml", "alias-bomb.yaml:2:8: error: aliases"),
    ("tabs.yaml", "tabs.yaml:4:1: error: tab character in indentation"),
  ])
  func badFilesExit1WithTheirPosition(_ name: String, _ prefix: String) throws {
    let fixtures = CLI.repositoryRoot.appendingPathComponent("Tests/MandateKitTests/Fixtures/priorities")
    let result = try CLI.run(["check", name], in: fixtures)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix(prefix))
  }
}
