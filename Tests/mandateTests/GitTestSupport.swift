import Foundation
import Testing

/// A git repository in a temporary folder holding a scratch workspace, for tests that run real
/// git. Every setting is local to the repository, and the user's global and system config are
/// kept out (`GIT_CONFIG_GLOBAL`, `GIT_CONFIG_NOSYSTEM`), for git and for `mandate` alike.
final class GitWorkspace {
  let scratch: ScratchWorkspace
  var url: URL { scratch.url }

  static let environment: [String: String] = [
    "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_DATE": "2026-11-23T09:00:00Z",
    "GIT_COMMITTER_DATE": "2026-11-23T09:00:00Z", "GIT_MERGE_AUTOEDIT": "no",
  ]

  init(copying paths: [String] = ["Priorities", "Events", "Tags"], initialize: Bool = true) throws {
    scratch = try ScratchWorkspace(copying: paths)
    try git("init", "-q", "-b", "main")
    try git("config", "user.name", "Test Analyst")
    try git("config", "user.email", "analyst@example.org")
    if initialize {
      try mandate("init")
      try git("add", "-A")
      try git("commit", "-q", "-m", "base")
    }
  }

  /// Runs git in the repository; fails the test (throws) when git fails, unless `allowFailure`.
  @discardableResult
  func git(_ arguments: String..., allowFailure: Bool = false) throws -> CLIResult {
    try git(arguments, allowFailure: allowFailure)
  }

  @discardableResult
  func git(_ arguments: [String], allowFailure: Bool = false) throws -> CLIResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = url
    var environment = ProcessInfo.processInfo.environment
    for (key, value) in Self.environment { environment[key] = value }
    process.environment = environment
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("git-out-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: output) }
    let handle = try FileHandle(forWritingTo: output)
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try handle.close()
    let text = try String(contentsOf: output, encoding: .utf8)
    let result = CLIResult(status: process.terminationStatus, stdout: text, stderr: "")
    if !allowFailure && result.status != 0 {
      Issue.record("git \(arguments.joined(separator: " ")) failed: \(text)")
      throw GitTestFailure(message: text)
    }
    return result
  }

  /// Runs `mandate` in the repository, as `analyst` at `now` when given.
  @discardableResult
  func mandate(_ arguments: String..., as analyst: String? = nil, at now: String? = nil, input: String? = nil) throws
    -> CLIResult
  {
    var environment = Self.environment
    if let analyst { environment["MANDATE_USER"] = analyst }
    if let now { environment["MANDATE_NOW"] = now }
    return try CLI.run(arguments, in: url, environment: environment, input: input)
  }

  func read(_ path: String) throws -> String {
    try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
  }

  /// Commits everything with `message`.
  func commit(_ message: String) throws {
    try git("add", "-A")
    try git("commit", "-q", "-m", message)
  }
}

struct GitTestFailure: Error {
  var message: String
}
