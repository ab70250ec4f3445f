import Foundation
import MandateKit

// libFuzzer's entry point, built only with `-Xswiftc -DFUZZING` (see Scripts/fuzz.sh); the target comes
// from MANDATE_FUZZ_TARGET, read once, so one binary serves every parser.

/// The target and scratch directory of this process, set up on the first call.
private let fuzzSetup: (target: FuzzHarness.Target, scratch: URL) = {
  let environment = ProcessInfo.processInfo.environment
  let name = environment["MANDATE_FUZZ_TARGET"] ?? ""
  guard let target = FuzzHarness.Target(rawValue: name) else {
    let names = FuzzHarness.Target.allCases.map(\.rawValue).joined(separator: ", ")
    fatalError("set MANDATE_FUZZ_TARGET to one of: \(names) (got \"\(name)\")")
  }
  let base =
    environment["MANDATE_FUZZ_SCRATCH"].map { URL(fileURLWithPath: $0) }
    ?? FileManager.default.temporaryDirectory
  let scratch = base.appendingPathComponent("mandate-fuzz-\(target.rawValue)-\(getpid())", isDirectory: true)
  try! FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  return (target, scratch)
}()

/// Runs one input; a broken invariant traps, so libFuzzer records the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let setup = fuzzSetup
  let outcome = FuzzHarness.run(setup.target, Data(bytes: data, count: size), scratch: setup.scratch)
  if let violation = outcome.violations.first {
    fatalError("\(setup.target.rawValue): \(violation)")
  }
  return 0
}
