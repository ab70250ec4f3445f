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
      lines.contains("+ `.gitattributes`: added `Tags/**/*.yaml merge=union` (ledgers merge line by line in any clone)")
    )
    #expect(lines.contains("+ git config merge.mandate-ledger.name: set to `mandate decisions ledger`"))
    #expect(lines.contains("+ `.git/info/attributes`: added `Tags/**/*.yaml merge=mandate-ledger`"))
    // What a clone lacks besides git's setup: the ignore rule for the index and a README.
    #expect(lines.contains("+ `.gitignore`: added `.mandate/` (the index is derived)"))
    #expect(lines.contains("= `Tags/kz-csto-2024/`: ledger schema 3, a file per analyst"))
    #expect(lines.last == "done: 6 changed")
    #expect(try repo.read(".gitattributes") == "Tags/**/*.yaml merge=union\n")
    #expect(try repo.read(".git/info/attributes").hasSuffix("Tags/**/*.yaml merge=mandate-ledger\n"))
    let driver = try repo.git("config", "--local", "merge.mandate-ledger.driver").stdout
    #expect(driver.hasSuffix(" merge-ledger %O %A %B %P\n"))
    // The analysts' files and the layout file alike.
    let attribute = try repo.git(
      "check-attr", "merge", "Tags/kz-csto-2024.yaml", "Tags/kz-csto-2024/sample-analyst.yaml", "Tags/x/new.yaml"
    ).stdout
    #expect(
      attribute == """
        Tags/kz-csto-2024.yaml: merge: mandate-ledger
        Tags/kz-csto-2024/sample-analyst.yaml: merge: mandate-ledger
        Tags/x/new.yaml: merge: mandate-ledger

        """)

    let second = try repo.mandate("init")
    #expect(second.status == 0)
    #expect(
      second.stdout.split(separator: "\n").dropFirst().allSatisfy {
        $0.hasPrefix("= ") || $0 == "nothing to do: already set up"
      })
    #expect(second.stdout.hasSuffix("nothing to do: already set up\n"))
    #expect(try repo.read(".gitattributes") == "Tags/**/*.yaml merge=union\n")
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
    #expect(result.stdout.contains("+ `../.git/info/attributes`: added `team/Tags/**/*.yaml merge=mandate-ledger`\n"))
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
        + `.gitattributes`: added `Tags/**/*.yaml merge=union` (ledgers merge line by line in any clone)
        = not in a git repository: no merge driver to set up (run `mandate init` again after `git init`)
        done: 5 changed

        """)
  }

  @Test("upgrades the rules an earlier version wrote for one file per mandate, in place")
  func upgradesTheRulesOfSchemaTwo() throws {
    let repo = try GitWorkspace(initialize: false)
    try repo.scratch.write(".gitattributes", "*.png binary\nTags/*.yaml merge=union\n*.pdf binary\n")
    try repo.scratch.write(".git/info/attributes", "Tags/*.yaml merge=mandate-ledger\n")
    let result = try repo.mandate("init")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        "+ `.gitattributes`: `Tags/*.yaml merge=union` became `Tags/**/*.yaml merge=union` (the analysts' files merge too)\n"
      ))
    #expect(
      result.stdout.contains(
        "+ `.git/info/attributes`: `Tags/*.yaml merge=mandate-ledger` became `Tags/**/*.yaml merge=mandate-ledger`\n"))
    #expect(try repo.read(".gitattributes") == "*.png binary\nTags/**/*.yaml merge=union\n*.pdf binary\n")
    #expect(try repo.read(".git/info/attributes") == "Tags/**/*.yaml merge=mandate-ledger\n")
    #expect(try repo.mandate("init").stdout.hasSuffix("nothing to do: already set up\n"))
  }

  @Test("migrates a ledger of schema 1 to a file per analyst, once")
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
    #expect(
      try scratch.run("check").stderr.contains(
        "Tags/kz-csto-2024.yaml:1:9: warning: this ledger is in schema 1 (one decision over several lines, every analyst in one file), which git merges can garble; `mandate init` moves its decisions to their analysts' files in Tags/kz-csto-2024/ (schema 3, a file per analyst, one decision per line), as does the next decision recorded\n"
      ))
    let first = try scratch.run("init", environment: GitWorkspace.environment)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(
      first.stdout.contains(
        "+ `Tags/kz-csto-2024.yaml`: migrated from ledger schema 1 to 3: 1 decision moved to 1 analyst's file in `Tags/kz-csto-2024/` (a file per analyst, one decision per line)\n"
      ))
    #expect(
      try scratch.ledger(of: "ann").hasSuffix(
        "decisions:\n- {at: 2024-04-12T10:00:00Z, by: \"ann\", kind: reject, event: fc81e80203498dde, item: P3.1}\n"))
    #expect(try scratch.run("check").stderr == "3 files checked: no problems\n")
    let second = try scratch.run("init", environment: GitWorkspace.environment)
    #expect(second.stdout.contains("= `Tags/kz-csto-2024/`: ledger schema 3, a file per analyst\n"))
  }
}
