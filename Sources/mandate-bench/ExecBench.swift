import Foundation

/// Runs a command and reports its wall time and peak memory (from `wait4`), so that the
/// benchmark script measures `mandate` exactly as a user runs it.
///
/// usage: mandate-bench exec --label NAME [--runs N] [--ok-status 0,1] -- COMMAND ARGS...
///
/// A run that exits with a status not in `--ok-status` (default 0) stops the benchmark: an import of
/// pages of which some are not articles exits 1 by design, and says so with `--ok-status 0,1`.
enum ExecBench {
  static func run(_ arguments: [String]) throws {
    guard let separator = arguments.firstIndex(of: "--"), separator + 1 < arguments.count else {
      throw BenchError.usage("exec --label NAME [--runs N] [--ok-status 0,1] -- COMMAND ARGS...")
    }
    let options = Array(arguments[..<separator])
    let command = Array(arguments[(separator + 1)...])
    let label = Measure.option("--label", in: options) ?? command[0]
    let runs = Int(Measure.option("--runs", in: options) ?? "1") ?? 1
    let accepted = Set(
      (Measure.option("--ok-status", in: options) ?? "0").split(separator: ",").compactMap { Int32($0) })
    var times: [Double] = []
    var peaks: [Double] = []
    for _ in 0..<runs {
      let (seconds, peak, status) = try execute(command)
      guard accepted.contains(status) else {
        throw BenchError.failed("\(command.joined(separator: " ")) exited with \(status)")
      }
      times.append(seconds)
      peaks.append(peak)
    }
    print(
      String(
        format: "case %@ seconds %.3f peak_rss_mb %.0f runs %d", label, Measure.median(times), peaks.max() ?? 0, runs))
  }

  /// Spawns `command` with stdout and stderr sent to /dev/null; returns wall seconds, peak RSS
  /// in MiB and the exit status.
  static func execute(_ command: [String]) throws -> (Double, Double, Int32) {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = command.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let start = ContinuousClock.now
    let spawned = posix_spawnp(&pid, command[0], &actions, nil, argv, environ)
    guard spawned == 0 else {
      throw BenchError.failed("cannot run \(command[0]): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (seconds, Double(usage.ru_maxrss) / 1024, exitStatus)
  }
}

enum BenchError: Error, CustomStringConvertible {
  case usage(String)
  case failed(String)

  var description: String {
    switch self {
    case .usage(let text): "usage: mandate-bench \(text)"
    case .failed(let text): text
    }
  }
}
