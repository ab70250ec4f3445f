import Foundation

/// Runs `git` for the few things mandate asks of it (the analyst's name, a repository's paths
/// and config); never for the record itself, which is plain files.
public enum Git {
  /// What a `git` run printed, and how it ended.
  public struct Result: Sendable {
    public var status: Int32
    public var output: String
    public var error: String

    /// The first line of standard output, trimmed; nil when git failed or printed nothing.
    public var value: String? {
      guard status == 0 else { return nil }
      let text = output.trimmingWhitespace
      return text.isEmpty ? nil : text
    }
  }

  /// Runs `git -C directory arguments…`; nil when git cannot be started at all.
  public static func run(
    _ arguments: [String], in directory: URL,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Result? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", directory.path] + arguments
    process.environment = environment
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return nil
    }
    // Small outputs only (paths, config values): reading one pipe after the other cannot block.
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
      error: String(decoding: err, as: UTF8.self))
  }
}
