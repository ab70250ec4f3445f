import Foundation
import MandateKit
import Testing

/// Runs the built `mandate` binary and captures what it prints.
struct CLIResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

enum CLI {
  static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The `mandate` executable next to the test bundle (SwiftPM builds it for this test target).
  static let executable: URL = {
    let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [bundleDirectory, bundleDirectory.deletingLastPathComponent()] {
      let url = candidate.appendingPathComponent("mandate")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return repositoryRoot.appendingPathComponent(".build/debug/mandate")
  }()

  @discardableResult
  static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:], input: String? = nil)
    throws -> CLIResult
  {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "100"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    // Files rather than pipes: a large output cannot block the child, and no reader thread is needed.
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mandate-cli-io-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    let inURL = scratch.appendingPathComponent("stdin")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: inURL.path, contents: Data((input ?? "").utf8))
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    let inHandle = try FileHandle(forReadingFrom: inURL)
    defer {
      try? outHandle.close()
      try? errHandle.close()
      try? inHandle.close()
    }
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = inHandle
    try process.run()
    process.waitUntilExit()
    let outData = try Data(contentsOf: outURL)
    let errData = try Data(contentsOf: errURL)
    return CLIResult(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

/// A scratch workspace copied from parts of the repository, removed at the end of the test.
final class ScratchWorkspace {
  let url: URL

  init(copying paths: [String] = ["Priorities"]) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "mandate-cli-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for path in paths {
      let source = CLI.repositoryRoot.appendingPathComponent(path)
      let target = url.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: source, to: target)
    }
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func write(_ path: String, _ contents: String) throws {
    let target = url.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try contents.write(to: target, atomically: true, encoding: .utf8)
  }

  /// Every file of `mandate`'s ledger (the layout file, then the analysts' files by name), one
  /// after the other: for finding a decision wherever it was written.
  func ledger(_ mandate: String = "kz-csto-2024") throws -> String {
    let folder = url.appendingPathComponent("Tags/\(mandate)")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
      $0.hasSuffix(".yaml") && !$0.hasPrefix(".")
    }
    let layout = url.appendingPathComponent("Tags/\(mandate).yaml")
    let files =
      [layout].filter { FileManager.default.fileExists(atPath: $0.path) }
      + names.sorted().map { folder.appendingPathComponent($0) }
    return try files.map { try String(contentsOf: $0, encoding: .utf8) }.joined()
  }

  /// The ledger file `analyst`'s decisions are written to.
  func ledger(of analyst: String, mandate: String = "kz-csto-2024") throws -> String {
    try String(contentsOf: url.appendingPathComponent(Self.ledgerPath(of: analyst, mandate: mandate)), encoding: .utf8)
  }

  /// `Tags/<mandate>/<slug>.yaml`.
  static func ledgerPath(of analyst: String, mandate: String = "kz-csto-2024") -> String {
    "Tags/\(mandate)/\(AnalystSlug.of(analyst)).yaml"
  }

  func run(
    _ arguments: String..., in subdirectory: String? = nil, environment: [String: String] = [:], input: String? = nil
  ) throws -> CLIResult {
    let directory = subdirectory.map { url.appendingPathComponent($0) } ?? url
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return try CLI.run(arguments, in: directory, environment: environment, input: input)
  }
}
