import Foundation
import Testing

@Suite("mandate init in an existing clone")
struct InitCommandTests {
  @Test("sets up attributes and the merge driver, says what it did, and changes nothing the second time")
  func setsUpOnceAndIsIdempotent() throws {
    let repo = try GitWorkspace(initialize: false)
    let first = try repo.mandate("init")
    #expect(first.status == 0, "\(first.stderr)")
    let executable = try #require(
      first.stdout.split(separator: "\n").first { $0.contains("merge.mandate-ledger.driver") })
    #expect(executable.hasSuffix(" merge-ledger %O %A %B %P`"))
    let lines = first.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "workspace .")
    #expect(
      lines.contains("+ `.gitattributes`: added `Tags/*.yaml merge=union` (ledgers merge line by line in any clone)"))
    #expect(lines.contains("+ git config merge.mandate-ledger.name: set to `mandate decisions ledger`"))
    #expect(lines.contains("+ `.git/info/attributes`: added `Tags/*.yaml merge=mandate-ledger`"))
    // What a clone lacks besides git's setup: the ignore rule for the index and a README.
    #expect(lines.contains("+ `.gitignore`: added `.mandate/` (the index is derived)"))
    #expect(lines.contains("= `Tags/kz-csto-2024.yaml`: ledger schema 2"))
    #expect(lines.last == "done: 6 changed")
    #expect(try repo.read(".gitattributes") == "Tags/*.yaml merge=union\n")
    #expect(try repo.read(".git/info/attributes").hasSuffix("Tags/*.yaml merge=mandate-ledger\n"))
    let driver = try repo.git("config", "--local", "merge.mandate-ledger.driver").stdout
    #expect(driver.hasSuffix(" merge-ledger %O %A %B %P\n"))
    let attribute = try repo.git("check-attr", "merge", "Tags/kz-csto-2024.yaml").stdout
    #expect(attribute == "Tags/kz-csto-2024.yaml: merge: mandate-ledger\n")

    let second = try repo.mandate("init")
    #expect(second.status == 0)
    #expect(
      second.stdout.split(separator: "\n").dropFirst().allSatisfy {
        $0.hasPrefix("= ") || $0 == "nothing to do: already set up"
      })
    #expect(second.stdout.hasSuffix("nothing to do: already set up\n"))
    #expect(try repo.read(".gitattributes") == "Tags/*.yaml merge=union\n")
  }

  @Test("keeps a .gitattributes of its own, and a workspace in a subfolder gets a rule with its path")
  func keepsExistingRulesAndSubfolders() throws {
    let repo = try GitWorkspace(copying: [], initialize: false)
    try repo.scratch.write(
      "team/Priorities/kz-csto-2024.yaml",
      try String(
        contentsOf: CLI.repositoryRoot.appendingPathComponent("Priorities/kz-csto-2024.yaml"), encoding: .utf8))
    try repo.scratch.write("team/.gitattributes", "*.png binary\nTags/*.yaml merge=binary")
    let result = try CLI.run(
      ["init"], in: repo.url.appendingPathComponent("team"), environment: GitWorkspace.environment)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("= `.gitattributes`: kept its own rule for ledgers, `Tags/*.yaml merge=binary`\n"))
    #expect(result.stdout.contains("+ `../.git/info/attributes`: added `team/Tags/*.yaml merge=mandate-ledger`\n"))
    #expect(try repo.read("team/.gitattributes") == "*.png binary\nTags/*.yaml merge=binary")
  }

  @Test("outside a git repository, says there is no merge driver to set up")
  func outsideGit() throws {
    let scratch = try ScratchWorkspace(copying: ["Priorities"])
    let result = try scratch.run(
      "init",
      environment: GitWorkspace.environment.merging([
        "GIT_CEILING_DIRECTORIES": scratch.url.deletingLastPathComponent().path
      ]) { $1 })
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == """
        workspace .
        = `Priorities/kz-csto-2024.yaml`: kept (the workspace has its mandate)
        + `Events/`: created (the imported news)
        + `Tags/`: created (the analysts' decisions)
        + `.gitignore`: added `.mandate/` (the index is derived)
        + `README.md`: written (what the folders hold, the commands to use)
        + `.gitattributes`: added `Tags/*.yaml merge=union` (ledgers merge line by line in any clone)
        = not in a git repository: no merge driver to set up (run `mandate init` again after `git init`)
        done: 5 changed

        """)
  }

  @Test("migrates a ledger of schema 1 to one decision per line, once")
  func migratesOldLedgers() throws {
    let scratch = try ScratchWorkspace(copying: ["Priorities", "Events"])
    try scratch.write(
      "Tags/kz-csto-2024.yaml",
      """
      schema: 1
      mandate: kz-csto-2024
      decisions:
      - kind: reject
        event: fc81e80203498dde
        item: P3.1
        by: ann
        at: 2024-04-12T10:00:00Z

      """)
    #expect(try scratch.run("check").stderr.contains("warning: this ledger is in schema 1"))
    let first = try scratch.run("init", environment: GitWorkspace.environment)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(
      first.stdout.contains(
        "+ `Tags/kz-csto-2024.yaml`: migrated from ledger schema 1 to 2 (one decision per line)\n"))
    let text = try String(contentsOf: scratch.url.appendingPathComponent("Tags/kz-csto-2024.yaml"), encoding: .utf8)
    #expect(
      text.hasSuffix(
        "decisions:\n- {at: 2024-04-12T10:00:00Z, by: \"ann\", kind: reject, event: fc81e80203498dde, item: P3.1}\n"))
    #expect(try scratch.run("check").stderr.hasSuffix("no problems\n"))
    let second = try scratch.run("init", environment: GitWorkspace.environment)
    #expect(second.stdout.contains("= `Tags/kz-csto-2024.yaml`: ledger schema 2\n"))
  }
}
