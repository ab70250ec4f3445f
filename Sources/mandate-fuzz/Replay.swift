import Foundation
import MandateKit

#if !FUZZING
  /// Without libFuzzer (a plain `swift build`), replays inputs through the same harness:
  /// `mandate-fuzz --target NAME FILE...`, one line per file; exits 1 when an input breaks an invariant.
  @main
  struct Replay {
    static func main() throws {
      var arguments = Array(CommandLine.arguments.dropFirst())
      guard arguments.count >= 3, arguments[0] == "--target", let target = FuzzHarness.Target(rawValue: arguments[1])
      else {
        let names = FuzzHarness.Target.allCases.map(\.rawValue).joined(separator: "|")
        FileHandle.standardError.write(Data("usage: mandate-fuzz --target \(names) FILE...\n".utf8))
        exit(2)
      }
      arguments.removeFirst(2)
      let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
        "mandate-fuzz-replay-\(getpid())", isDirectory: true)
      try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: scratch) }
      var failed = false
      for path in arguments {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let outcome = FuzzHarness.run(target, data, scratch: scratch)
        print("\(path): \(outcome.values) values, \(outcome.errors) errors")
        for violation in outcome.violations {
          print("  violation: \(violation)")
          failed = true
        }
      }
      if failed { exit(1) }
    }
  }
#endif
