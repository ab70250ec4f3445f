import Foundation
import MandateKit

/// Writing to standard output and error; stdout carries results, stderr messages and progress.
enum Output {
  static func stdout(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func stderr(_ text: String) {
    let line = text.hasSuffix("\n") ? text : text + "\n"
    FileHandle.standardError.write(Data(line.utf8))
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
