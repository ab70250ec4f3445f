import Foundation
import MandateKit
import Testing

/// Debian's chromium and chromium-driver and Python's selenium, which the browser test needs.
enum BrowserTools {
  static let chromium = "/usr/bin/chromium"
  static let driver = "/usr/bin/chromedriver"

  static var available: Bool {
    FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: driver)
      && (try? CLI.shell("python3", ["-c", "import selenium"]))?.status == 0
  }

  static var onCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  /// Runs when the tools are there, and always on CI (where their absence is a failure).
  static var shouldRun: Bool { onCI || available }
}

@Suite struct WebBrowserTests {
  /// `mandate serve` on `mandate init --example` (the KZ mandate, the sample pages imported, no
  /// decisions), driven
  /// by headless Chromium: the overview renders, triage by keys lands in the ledger, a form
  /// submits, every control is labelled and reachable by keyboard. Screenshots go to
  /// `MANDATE_SCREENSHOTS` when it is set.
  @Test(
    .enabled(
      if: BrowserTools.shouldRun,
      "needs chromium, chromium-driver (apt-get install chromium chromium-driver) and selenium (pip install selenium)"),
    .timeLimit(.minutes(5)))
  func triageByKeysAFormAndTheOverviewInChromium() throws {
    try #require(
      BrowserTools.available, "CI=true but chromium, chromium-driver or selenium is missing: .ci/run installs them")
    let workspace = try ScratchWorkspace(copying: [])
    let setup = try CLI.run(["init", "--example", "example"], in: workspace.url)
    try #require(setup.status == 0, "\(setup.stderr)")
    let example = workspace.url.appendingPathComponent("example")
    let server = try ServerProcess(
      arguments: ["serve", "--port", "0", "--workspace", example.path, "--by", "Browser Analyst"])
    defer { server.stop() }
    let url = try server.waitForURL()
    let script = CLI.repositoryRoot.appendingPathComponent("Tests/browser/web_browser_test.py").path
    var arguments = [script, "--url", url]
    if let shots = ProcessInfo.processInfo.environment["MANDATE_SCREENSHOTS"] { arguments += ["--screenshots", shots] }
    let result = try CLI.shell("python3", arguments)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains(" passed, 0 failed"), "\(result.stdout)")
    // The ledger in Tags/, read as the CLI reads it, holds what the keys did.
    let decisions = LedgerFile(workspace: Workspace(root: example), mandateID: "kz-csto-2024").read().decisions
    #expect(decisions.contains { $0.kind == .tag && $0.strength == .material && $0.by == "Browser Analyst" })
    #expect(decisions.contains { $0.kind == .tag && $0.item == "P2.3" })
    #expect(decisions.contains { $0.kind == .status && $0.status == .stalled })
    #expect(!decisions.contains { $0.kind == .reject }, "the rejection was undone")
  }
}

/// `mandate serve` as a child process, stopped at the end of the test.
final class ServerProcess {
  let process = Process()
  let output: URL

  init(arguments: [String]) throws {
    output = FileManager.default.temporaryDirectory.appendingPathComponent("mandate-serve-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    process.executableURL = CLI.executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let handle = try FileHandle(forWritingTo: output)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
  }

  /// The address the server prints once it listens.
  func waitForURL(timeout: TimeInterval = 60) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
      if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
        return String(text[range])
      }
      if !process.isRunning { break }
      Thread.sleep(forTimeInterval: 0.1)
    }
    let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    throw CLIError("mandate serve did not start: \(text)")
  }

  func stop() {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(at: output)
  }
}

struct CLIError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

extension CLI {
  /// Runs a program found on PATH (python3), bounded by the test's time limit.
  static func shell(_ program: String, _ arguments: [String]) throws -> CLIResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mandate-shell-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let out = scratch.appendingPathComponent("out")
    let err = scratch.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: out)
    let errHandle = try FileHandle(forWritingTo: err)
    defer {
      try? outHandle.close()
      try? errHandle.close()
    }
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return CLIResult(
      status: process.terminationStatus, stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
  }
}
