import Foundation

/// Wall-clock times of the phases of a long operation, printed to standard error when
/// `MANDATE_TIMING=1`; the benchmark reads them to say where time goes.
final class PhaseTimer: @unchecked Sendable {
  private let enabled: Bool
  private let clock = ContinuousClock()
  private var last: ContinuousClock.Instant
  private let label: String

  init(_ label: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.label = label
    enabled = environment["MANDATE_TIMING"] == "1"
    last = clock.now
  }

  /// Reports a duration measured elsewhere, such as time spent waiting.
  func note(_ what: String, _ duration: Duration) {
    guard enabled else { return }
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    FileHandle.standardError.write(Data(String(format: "timing %@ (%@ %.3f s)\n", label, what, seconds).utf8))
  }

  func mark(_ phase: String) {
    guard enabled else { return }
    let now = clock.now
    let elapsed = now - last
    last = now
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    FileHandle.standardError.write(
      Data(
        String(
          format: "timing %@ %@ %.3f s (peak rss %.0f MB)\n", label, phase, seconds, Double(usage.ru_maxrss) / 1024
        ).utf8))
  }
}
