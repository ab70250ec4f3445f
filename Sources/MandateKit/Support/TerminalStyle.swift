import Foundation

/// ANSI styling that is switched off unless writing to a terminal, and off when `NO_COLOR` is set.
public struct TerminalStyle: Sendable {
  public enum Attribute: String, Sendable {
    case bold = "1"
    case dim = "2"
    case red = "31"
    case green = "32"
    case yellow = "33"
    case cyan = "36"
    case boldRed = "1;31"
    case boldGreen = "1;32"
    case boldYellow = "1;33"
    case boldCyan = "1;36"
    case reverse = "7"
  }

  public let enabled: Bool

  public init(enabled: Bool) { self.enabled = enabled }

  public static let plain = TerminalStyle(enabled: false)

  /// Colour for a file descriptor: on when it is a terminal, `NO_COLOR` is unset and TERM is not
  /// `dumb`.
  public static func forDescriptor(_ fd: Int32, environment: [String: String] = ProcessInfo.processInfo.environment)
    -> TerminalStyle
  {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .plain }
    if environment["TERM"] == "dumb" { return .plain }
    return TerminalStyle(enabled: isatty(fd) == 1)
  }

  public func apply(_ attribute: Attribute, _ text: String) -> String {
    guard enabled, !text.isEmpty else { return text }
    return "\u{1B}[\(attribute.rawValue)m\(text)\u{1B}[0m"
  }
}

/// The width to wrap text at: the terminal's, else `COLUMNS`, else 80.
public enum TerminalWidth {
  public static func current(fd: Int32 = 1, environment: [String: String] = ProcessInfo.processInfo.environment) -> Int
  {
    if let columns = environment["COLUMNS"].flatMap(Int.init), columns >= 20 { return columns }
    var size = winsize()
    if isatty(fd) == 1, ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 {
      return Int(size.ws_col)
    }
    return 80
  }
}
