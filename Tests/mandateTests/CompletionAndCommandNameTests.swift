import Foundation
import Testing

/// A mistyped command gets the closest one; the shell completes files, event ids, item ids and
/// quarters (through `mandate ---completion`, as the generated scripts call it).
@Suite struct CompletionAndCommandNameTests {
  func shipped() throws -> ScratchWorkspace {
    try ScratchWorkspace(copying: ["Priorities", "Events", "Tags"])
  }

  @Test(arguments: [
    ("reprot", "error: no command `reprot`; did you mean `report`? (`mandate --help` lists every command)\n"),
    ("sugest", "error: no command `sugest`; did you mean `suggest`? (`mandate --help` lists every command)\n"),
    ("frobnicate", "error: no command `frobnicate` (`mandate --help` lists every command)\n"),
  ])
  func aMistypedCommandGetsTheClosestOne(word: String, message: String) throws {
    let workspace = try shipped()
    let result = try workspace.run(word, "--quarter", "2024Q2")
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr == message)
  }

  @Test func theShellCompletesEventIDsItemIDsAndQuarters() throws {
    let workspace = try shipped()
    _ = try workspace.run("index")
    let events = try workspace.run("---completion", "tag", "--", "positional@0", "0", "2", "fc")
    #expect(events.stdout == "fc81e802\n")
    let items = try workspace.run("---completion", "tag", "--", "positional@1", "1", "3", "fc81", "p2.")
    #expect(items.stdout == "P2.1\nP2.2\nP2.3\n")
    let status = try workspace.run("---completion", "status", "--", "positional@0", "0", "2", "P7")
    #expect(status.stdout == "P7.1\nP7.2\n")
    let quarters = try workspace.run("---completion", "report", "--", "--quarter", "0", "0", "")
    #expect(quarters.stdout == "2024Q1\n2024Q2\n2024Q3\n2024Q4\nQ1\nQ2\nQ3\nQ4\n")
    let shown = try workspace.run("---completion", "show", "--", "positional@0", "0", "1", "6")
    #expect(shown.stdout == "6239c86d\n6306b49e\n")
    let rename = try workspace.run("---completion", "rename", "--", "positional@0", "0", "2", "P3")
    #expect(rename.stdout == "P3\nP3.1\nP3.2\n")
  }

  @Test func completionHonoursWorkspaceAndIsQuietOutsideOne() throws {
    let workspace = try shipped()
    let outside = FileManager.default.temporaryDirectory
    let elsewhere = try CLI.run(
      ["---completion", "suggest", "--", "--quarter", "2", "1", "--workspace", workspace.url.path, "Q"], in: outside)
    #expect(elsewhere.stdout == "Q1\nQ2\nQ3\nQ4\n")
    let nowhere = try CLI.run(["---completion", "suggest", "--", "--quarter", "0", "1", "Q"], in: outside)
    #expect(nowhere.status == 0)
    #expect(nowhere.stdout == "")
  }

  @Test func theScriptsCompleteFilesForImportAndCheck() throws {
    let workspace = try shipped()
    let bash = try workspace.run("--generate-completion-script", "bash")
    #expect(bash.status == 0)
    // import's paths and check's YAML files complete as files; ids and quarters call back.
    #expect(bash.stdout.contains("---completion tag -- positional@0"))
    #expect(bash.stdout.contains("---completion report -- --quarter"))
    #expect(bash.stdout.contains("yaml"))
    let zsh = try workspace.run("--generate-completion-script", "zsh")
    #expect(zsh.stdout.contains("_files"))
  }
}
