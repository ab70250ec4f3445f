import Foundation

/// The terminal settings to put back, for the signal handlers (which cannot capture context).
nonisolated(unsafe) private var savedSettings = termios()
nonisolated(unsafe) private var rawModeActive = false

/// Standard input as single keys: the terminal in raw mode (no line editing, no echo) while
/// reading, put back as it was on `restore`, at deinit, and on SIGINT, SIGTERM and SIGHUP before
/// the process dies of them. Nil when standard input is not a terminal.
final class RawTerminal {
  private let fd: Int32 = STDIN_FILENO

  init?() {
    guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &savedSettings) == 0 else { return nil }
    for number in [SIGINT, SIGTERM, SIGHUP] {
      _ = signal(number) { number in
        if rawModeActive { tcsetattr(STDIN_FILENO, TCSANOW, &savedSettings) }
        _ = signal(number, SIG_DFL)
        raise(number)
      }
    }
    enterRawMode()
  }

  deinit { restore() }

  private func enterRawMode() {
    var raw = savedSettings
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
    withUnsafeMutableBytes(of: &raw.c_cc) { cc in
      cc[Int(VMIN)] = 1
      cc[Int(VTIME)] = 0
    }
    if tcsetattr(fd, TCSADRAIN, &raw) == 0 { rawModeActive = true }
  }

  /// Puts the terminal back as it was.
  func restore() {
    guard rawModeActive else { return }
    tcsetattr(fd, TCSADRAIN, &savedSettings)
    rawModeActive = false
  }

  /// The next key; nil at end of input. Ctrl-D, which raw mode passes through as a byte, ends
  /// input as it would in a line.
  func readKey() -> Character? {
    guard let first = readByte(), first != 0x04 else { return nil }
    // A UTF-8 sequence's leading byte says how many bytes follow.
    let length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
    var bytes = [first]
    while bytes.count < length, let next = readByte() { bytes.append(next) }
    return String(decoding: bytes, as: UTF8.self).first
  }

  /// A line typed with the terminal's usual editing and echo, after `prompt`; nil at end of input.
  func readLine(prompt: String) -> String? {
    restore()
    defer { enterRawMode() }
    Output.stdout(prompt)
    var bytes: [UInt8] = []
    while let byte = readByte() {
      if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
      bytes.append(byte)
    }
    return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
  }

  private func readByte() -> UInt8? {
    var byte: UInt8 = 0
    while true {
      let count = read(fd, &byte, 1)
      if count == 1 { return byte }
      if count < 0 && errno == EINTR { continue }
      return nil
    }
  }
}
