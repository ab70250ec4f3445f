import Foundation

/// The analysts who may sign in to `mandate serve --users FILE`: one per line, `NAME:HASH`,
/// where NAME is how decisions are signed in the ledger and HASH a `PasswordHash`
/// (`mandate serve --hash-password` prints such a line). Blank lines and lines starting with
/// `#` are ignored. docs/web.md describes the format.
public struct UsersFile: Sendable {
  public struct User: Sendable, Equatable {
    public var name: String
    public var hash: PasswordHash
    public var line: Int
  }

  public var users: [User]

  /// The user named `name`, if any.
  public func user(named name: String) -> User? { users.first { $0.name == name } }

  /// Reads and checks `url`; every problem is a diagnostic with its line, and any error means
  /// no users (the server then refuses to start).
  public static func load(_ url: URL, displayPath: String) throws(UsersFileError) -> UsersFile {
    switch TextFile.read(url, displayPath: displayPath) {
    case .failure(let diagnostic): throw UsersFileError(diagnostics: [diagnostic])
    case .success(let text): return try parse(text, displayPath: displayPath)
    }
  }

  public static func parse(_ text: String, displayPath: String) throws(UsersFileError) -> UsersFile {
    var users: [User] = []
    var diagnostics: [Diagnostic] = []
    var seen: [String: Int] = [:]
    // "\r\n" is one Character, so lines split on newline characters, not on "\n".
    for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let number = offset + 1
      let content = line.trimmingCharacters(in: .whitespaces)
      if content.isEmpty || content.hasPrefix("#") { continue }
      func error(_ code: String, _ message: String, column: Int = 1) {
        diagnostics.append(.error(code, message, at: FileLocation(file: displayPath, line: number, column: column)))
      }
      guard let colon = line.firstIndex(of: ":") else {
        error("users-syntax", "expected NAME:HASH (a line of `mandate serve --hash-password`)")
        continue
      }
      let name = line[..<colon].trimmingCharacters(in: .whitespaces)
      let encoded = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      let hashColumn = line.distance(from: line.startIndex, to: colon) + 2
      if name.isEmpty {
        error("users-syntax", "the name before `:` is empty")
        continue
      }
      if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
        error("users-syntax", "the name holds a control character")
        continue
      }
      if let first = seen[name] {
        error("duplicate-user", "user `\(name)` is also on line \(first)")
        continue
      }
      guard let hash = PasswordHash(encoded: encoded) else {
        let scheme = encoded.split(separator: "$").first.map(String.init) ?? ""
        if !scheme.isEmpty, scheme != PasswordHash.scheme, encoded.contains("$") {
          error(
            "unknown-hash", "unknown hash scheme `\(scheme)`; make one with `mandate serve --hash-password`",
            column: hashColumn)
        } else {
          error(
            "invalid-hash", "not a password hash (expected pbkdf2_sha256$ITERATIONS$SALT$HASH)", column: hashColumn)
        }
        continue
      }
      if hash.iterations < PasswordHash.minimumIterations {
        error(
          "weak-hash",
          "\(hash.iterations) iterations is too few (at least \(PasswordHash.minimumIterations)); make a new hash with `mandate serve --hash-password`",
          column: hashColumn)
        continue
      }
      seen[name] = number
      users.append(User(name: name, hash: hash, line: number))
    }
    if diagnostics.isEmpty && users.isEmpty {
      diagnostics.append(
        .error("no-users", "no users in the file", at: FileLocation(file: displayPath, line: 1, column: 1)))
    }
    guard diagnostics.isEmpty else { throw UsersFileError(diagnostics: diagnostics) }
    return UsersFile(users: users)
  }
}

/// A users file that cannot be used, with every problem found in it.
public struct UsersFileError: MandateError, Equatable {
  public var diagnostics: [Diagnostic]

  public var errorDescription: String? {
    diagnostics.map { "\($0.location.map { "\($0): " } ?? "")\($0.message)" }.joined(separator: "\n")
  }
}
