import Foundation

/// The fields of an `application/x-www-form-urlencoded` body or a query string, in order;
/// `+` is a space and `%XX` a byte, as browsers encode forms.
struct FormData: Sendable {
  private(set) var fields: [(name: String, value: String)] = []

  init(_ text: some StringProtocol) {
    for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      fields.append((Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : ""))
    }
  }

  init(fields: [(name: String, value: String)]) { self.fields = fields }

  /// The first value of `name`, trimmed; nil when absent or blank.
  subscript(_ name: String) -> String? {
    guard let value = fields.first(where: { $0.name == name })?.value.trimmingWhitespace, !value.isEmpty else {
      return nil
    }
    return value
  }

  /// Every non-blank value of `name` (checkboxes, multiple selects).
  func all(_ name: String) -> [String] {
    fields.filter { $0.name == name }.map(\.value.trimmingWhitespace).filter { !$0.isEmpty }
  }

  func has(_ name: String) -> Bool { fields.contains { $0.name == name } }

  static func decode(_ text: some StringProtocol) -> String {
    let input = Array(text.utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(input.count)
    var index = 0
    while index < input.count {
      let byte = input[index]
      if byte == UInt8(ascii: "+") {
        bytes.append(0x20)
      } else if byte == UInt8(ascii: "%"), index + 2 < input.count, let high = hex(input[index + 1]),
        let low = hex(input[index + 2])
      {
        bytes.append(high << 4 | low)
        index += 2
      } else {
        // A `%` without two hex digits stays as it is.
        bytes.append(byte)
      }
      index += 1
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hex(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x41 + 10
    case 0x61...0x66: byte - 0x61 + 10
    default: nil
    }
  }

  /// Percent-encodes a value for a URL's query or path segment.
  static func encode(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return out
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}

extension String {
  var trimmingWhitespace: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
