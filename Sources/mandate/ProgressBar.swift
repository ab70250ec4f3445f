import Foundation
import MandateKit

/// A one-line progress bar on standard error, drawn only on a terminal, at most ten times a second.
final class ProgressBar: @unchecked Sendable {
  private let enabled = isatty(2) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
  private var lastDraw = Date.distantPast
  private var drawn = false
  /// Progress comes from the reading thread and the writing thread.
  private let lock = NSLock()

  func update(_ progress: ImportProgress) {
    switch progress {
    case .reading(let file, let number, let total, let items):
      draw("reading \(number)/\(total) \(file.split(separator: "/").last ?? "")  \(items) items")
    case .indexing(let done, _):
      draw("matching and indexing: \(done) items")
    case .writing(let files):
      draw("writing \(files) files")
    }
  }

  func update(_ progress: FetchProgress) {
    switch progress {
    case .importing(let step):
      update(step)
    case .fetching(let done, let total, let url):
      draw("fetched \(done)/\(total) \(url)")
    }
  }

  private func draw(_ text: String) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
    lastDraw = now
    // Cut to the terminal's width, so that a long address does not wrap and leave lines behind.
    let width = max(20, TerminalWidth.current(fd: 2) - 1)
    let line = text.count > width ? String(text.prefix(width - 1)) + "…" : text
    FileHandle.standardError.write(Data(("\r\u{1B}[K" + TerminalSafety.neutralize(line, keepingStyle: false)).utf8))
    drawn = true
  }

  func clear() {
    lock.lock()
    defer { lock.unlock() }
    guard enabled, drawn else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    drawn = false
  }
}
