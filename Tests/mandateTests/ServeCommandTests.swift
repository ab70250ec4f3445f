import Foundation
import MandateKit
import Testing

@Suite struct ServeCommandTests {
  @Test func hashPasswordPrintsAUsersFileLineThatVerifies() throws {
    let workspace = try ScratchWorkspace()
    let result = try CLI.run(
      ["serve", "--hash-password", "--user", "Aigerim Sadykova", "--iterations", "10000"], in: workspace.url,
      input: "correct horse\n")
    #expect(result.status == 0, "\(result.stderr)")
    let line = result.stdout.trimmingCharacters(in: .newlines)
    #expect(line.hasPrefix("Aigerim Sadykova:pbkdf2_sha256$10000$"))
    let users = try UsersFile.parse(line + "\n", displayPath: "users")
    #expect(users.user(named: "Aigerim Sadykova")?.hash.verify("correct horse") == true)
    #expect(users.user(named: "Aigerim Sadykova")?.hash.verify("wrong horse") == false)
  }

  @Test func anotherAddressWithoutUsersIsRefused() throws {
    let workspace = try ScratchWorkspace()
    let result = try CLI.run(["serve", "--host", "0.0.0.0", "--port", "0"], in: workspace.url)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "error: --host 0.0.0.0 would let other machines decide in your name: give --users FILE so that analysts sign in (see docs/web.md)\n"
    )
  }

  @Test func aBadUsersFileIsRefusedWithItsLines() throws {
    let workspace = try ScratchWorkspace()
    try "# analysts\nana\nbo:md5$abc\n".write(
      to: workspace.url.appendingPathComponent("users"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["serve", "--users", "users", "--port", "0"], in: workspace.url)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == """
        error: users:2:1: expected NAME:HASH (a line of `mandate serve --hash-password`)
        users:3:4: unknown hash scheme `md5`; make one with `mandate serve --hash-password`

        """)
  }

  @Test func usageMistakesExit2() throws {
    let workspace = try ScratchWorkspace()
    for arguments in [
      ["serve", "--user", "ana"], ["serve", "--port", "70000"], ["serve", "--session-hours", "0"],
      ["serve", "--hash-password", "--iterations", "100"],
    ] {
      let result = try CLI.run(arguments, in: workspace.url)
      #expect(result.status == 2, "\(arguments)")
    }
  }
}
