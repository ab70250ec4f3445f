import Foundation
import MandateKit

// mandate-bench: figures for the README, run by hand with a release build (Scripts/benchmark.sh).
// Each case prints one line "case <name> <key> <value> ..."; it never asserts a time.

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first else {
  FileHandle.standardError.write(
    Data("usage: mandate-bench CASE [options]\ncases: \(BenchCase.all.map(\.name).joined(separator: ", "))\n".utf8))
  exit(2)
}
guard let benchCase = BenchCase.all.first(where: { $0.name == name }) else {
  FileHandle.standardError.write(Data("mandate-bench: unknown case \(name)\n".utf8))
  exit(2)
}
do {
  try benchCase.run(Array(arguments.dropFirst()))
} catch {
  FileHandle.standardError.write(Data("mandate-bench: \(error)\n".utf8))
  exit(1)
}
