import Foundation
import MandateKit

/// Writing to standard output and error; stdout carries results, stderr messages and progress.
enum Output {
  /// Every text goes through `TerminalSafety`: news titles must not drive the terminal.
  static func stdout(_ text: String) {
    let safe = TerminalSafety.neutralize(text, keepingStyle: outputStyle.enabled)
    FileHandle.standardOutput.write(Data(safe.utf8))
  }

  static func stderr(_ text: String) {
    let line = text.hasSuffix("\n") ? text : text + "\n"
    let safe = TerminalSafety.neutralize(line, keepingStyle: errorStyle.enabled)
    FileHandle.standardError.write(Data(safe.utf8))
  }

  static func error(_ message: String) {
    stderr(errorStyle.apply(.boldRed, "error:") + " " + message)
  }

  static func warning(_ message: String) {
    stderr(errorStyle.apply(.boldYellow, "warning:") + " " + message)
  }

  static var outputStyle: TerminalStyle { TerminalStyle.forDescriptor(1) }
  static var errorStyle: TerminalStyle { TerminalStyle.forDescriptor(2) }
}

/// Standard output in large chunks, for commands that print a lot.
final class BufferedOutput {
  private var buffer: [UInt8] = []

  private let keepingStyle = Output.outputStyle.enabled

  func write(_ text: String) {
    buffer.append(contentsOf: TerminalSafety.neutralize(text, keepingStyle: keepingStyle).utf8)
    if buffer.count >= 1 << 20 { flush() }
  }

  func write(bytes: [UInt8]) {
    buffer.append(contentsOf: TerminalSafety.neutralize(bytes: bytes, keepingStyle: keepingStyle))
    if buffer.count >= 1 << 20 { flush() }
  }

  /// Bytes made safe already (`TerminalSafety.neutralize(bytes:keepingStyle:)` with this output's style).
  func write(neutralizedBytes bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 20 { flush() }
  }

  func flush() {
    guard !buffer.isEmpty else { return }
    FileHandle.standardOutput.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }
}
