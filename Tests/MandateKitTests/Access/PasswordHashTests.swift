import Foundation
import Testing

@testable import MandateKit

@Suite struct PasswordHashTests {
  @Test func pbkdf2MatchesTheRFC7914VectorAndPython() {
    let vector = PBKDF2.sha256(password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1, length: 64)
    #expect(
      Hex.encode(vector)
        == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
    )
    // A key longer than a block is hashed first (Python's hashlib.pbkdf2_hmac gives the same).
    let long = PBKDF2.sha256(
      password: Array(repeating: UInt8(ascii: "x"), count: 100), salt: Array("NaCl".utf8), iterations: 2, length: 32)
    #expect(Hex.encode(long) == "63d53293647e5ea0140580e7d030de8277f0d2f5e3588ad1cf0542e158e0ca60")
  }

  @Test func aHashInDjangosFormatVerifies() throws {
    // base64(hashlib.pbkdf2_hmac('sha256', b'correct horse', b'abcdefghijklmnopqrstuv', 10000, 32))
    let hash = try #require(
      PasswordHash(encoded: "pbkdf2_sha256$10000$abcdefghijklmnopqrstuv$AvRDsJUOO0D9/JR4vH7nwXdKjnRkDpJ3zxIcY7ocNMk="))
    #expect(hash.verify("correct horse"))
    #expect(!hash.verify("correct horse "))
    #expect(!hash.verify(""))
  }

  @Test func madeHashesRoundTripWithFreshSalts() throws {
    let first = PasswordHash.make(password: "s3cret", iterations: 10_000)
    let second = PasswordHash.make(password: "s3cret", iterations: 10_000)
    #expect(first.salt != second.salt)
    #expect(first.salt.count == 22)
    #expect(PasswordHash(encoded: first.encoded) == first)
    #expect(first.verify("s3cret"))
    #expect(PasswordHash.defaultIterations == 600_000)
  }

  @Test func malformedHashesAreNotHashes() {
    for text in [
      "", "pbkdf2_sha256$10000$salt", "md5$1$salt$AAAA",
      "pbkdf2_sha256$x$salt$AvRDsJUOO0D9/JR4vH7nwXdKjnRkDpJ3zxIcY7ocNMk=",
      "pbkdf2_sha256$10000$$AvRDsJUOO0D9/JR4vH7nwXdKjnRkDpJ3zxIcY7ocNMk=", "pbkdf2_sha256$10000$salt$short",
    ] {
      #expect(PasswordHash(encoded: text) == nil, "\(text)")
    }
  }
}

@Suite struct UsersFileTests {
  static let good = "pbkdf2_sha256$10000$abcdefghijklmnopqrstuv$AvRDsJUOO0D9/JR4vH7nwXdKjnRkDpJ3zxIcY7ocNMk="

  @Test func readsNamesAndHashesSkippingCommentsAndBlankLines() throws {
    let file = try UsersFile.parse(
      "# analysts\n\nAigerim Sadykova:\(Self.good)\r\nbo : \(Self.good)\n", displayPath: "users")
    #expect(file.users.map(\.name) == ["Aigerim Sadykova", "bo"])
    #expect(file.users.map(\.line) == [3, 4])
    #expect(file.user(named: "bo")?.hash.verify("correct horse") == true)
  }

  @Test(arguments: [
    ("ana\n", "2:1 error users-syntax: expected NAME:HASH (a line of `mandate serve --hash-password`)"),
    (":\(good)\n", "2:1 error users-syntax: the name before `:` is empty"),
    ("a\u{7}b:\(good)\n", "2:1 error users-syntax: the name holds a control character"),
    ("ana:\(good)\nana:\(good)\n", "3:1 error duplicate-user: user `ana` is also on line 2"),
    (
      "ana:md5$x$y\n",
      "2:5 error unknown-hash: unknown hash scheme `md5`; make one with `mandate serve --hash-password`"
    ),
    ("ana:secret\n", "2:5 error invalid-hash: not a password hash (expected pbkdf2_sha256$ITERATIONS$SALT$HASH)"),
    (
      "ana:pbkdf2_sha256$1000$abcdefghijklmnopqrstuv$AvRDsJUOO0D9/JR4vH7nwXdKjnRkDpJ3zxIcY7ocNMk=\n",
      "2:5 error weak-hash: 1000 iterations is too few (at least 10000); make a new hash with `mandate serve --hash-password`"
    ),
    ("# nobody\n", "1:1 error no-users: no users in the file"),
  ])
  func eachBadLineIsADiagnostic(text: String, expected: String) {
    let prefixed = text.hasPrefix("#") ? text : "# analysts\n" + text
    #expect(throws: UsersFileError.self) { try UsersFile.parse(prefixed, displayPath: "users") }
    do {
      _ = try UsersFile.parse(prefixed, displayPath: "users")
    } catch {
      #expect(error.diagnostics.map(\.summary) == [expected])
    }
  }

  @Test func unreadableFilesAreDiagnostics() throws {
    let directory = try TemporaryDirectory()
    let empty = try directory.file("empty", "")
    let binary = directory.url.appendingPathComponent("binary")
    try Data([0x61, 0x00, 0x62]).write(to: binary)
    let cases = [
      (empty, "1:1 error empty-file: file is empty"),
      (binary, "1:2 error binary-file: file is not text: it holds a NUL byte"),
      (directory.url.appendingPathComponent("missing"), "1:1 error unreadable-file: cannot read file: "),
    ]
    for (url, expected) in cases {
      do {
        _ = try UsersFile.load(url, displayPath: url.lastPathComponent)
        Issue.record("\(url.lastPathComponent) loaded")
      } catch {
        #expect(error.diagnostics.first?.summary.hasPrefix(expected) == true, "\(error.diagnostics.map(\.summary))")
      }
    }
  }
}
