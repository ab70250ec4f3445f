import Foundation
import Testing

@testable import MandateKit

/// Paths of the repository, its fixtures and golden files, found from this source file.
enum TestPaths {
  static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = repositoryRoot.appendingPathComponent("Tests/MandateKitTests/Fixtures")
  static let golden = repositoryRoot.appendingPathComponent("Tests/MandateKitTests/Golden")

  static func fixture(_ path: String) -> URL { fixtures.appendingPathComponent(path) }
}

/// Compares output with a file in `Golden/`. With `MANDATE_RECORD_GOLDEN=1` the file is
/// rewritten and the test fails, so that a re-recording is never mistaken for a pass.
func assertGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
  let url = TestPaths.golden.appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["MANDATE_RECORD_GOLDEN"] == "1" {
    try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? actual.write(to: url, atomically: true, encoding: .utf8)
    Issue.record(
      "recorded golden file \(name); unset MANDATE_RECORD_GOLDEN and run again", sourceLocation: sourceLocation)
    return
  }
  guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
    Issue.record(
      "missing golden file \(name); run with MANDATE_RECORD_GOLDEN=1 to record it", sourceLocation: sourceLocation)
    return
  }
  if expected != actual {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let index =
      zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(expectedLines.count, actualLines.count)
    let want = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
    let got = index < actualLines.count ? String(actualLines[index]) : "<end of file>"
    Issue.record(
      "\(name) differs at line \(index + 1):\n  expected: \(want)\n  actual:   \(got)", sourceLocation: sourceLocation)
  }
}

/// A fresh temporary folder, removed when the test ends.
final class TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "mandate-test-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func file(_ path: String, _ contents: String) throws -> URL {
    let target = url.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try contents.write(to: target, atomically: true, encoding: .utf8)
    return target
  }
}

extension MandateLoader {
  /// Loads a fixture, naming it by its file name in diagnostics.
  func loadFixture(_ name: String) -> MandateLoader.Result {
    let url = TestPaths.fixture("priorities/\(name)")
    return load(url: url, displayPath: name)
  }
}

extension Diagnostic {
  /// `LINE:COL code: message`, compact for table-driven assertions.
  var summary: String {
    "\(location.map { "\($0.line):\($0.column)" } ?? "-") \(severity.rawValue) \(code): \(message)"
  }
}
