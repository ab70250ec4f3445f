import Foundation

/// One decision as one line of the ledger (schemas 2 and 3): a YAML flow mapping in the
/// `decisions` sequence, `- {at: …, by: "…", kind: tag, …}`.
///
/// A line is the unit git merges: the union driver keeps both sides' lines and never fuses two
/// decisions, and a decision never spans lines that a merge could separate. Keys come in a fixed
/// order and values in one spelling, so that the same decision is always the same line: merging
/// the same decision made on two branches keeps it once, and ties in replay order are broken by
/// the line's text.
public enum LedgerLine {
  /// The entry keys, in the order they are written.
  static let keys = [
    "at", "by", "kind", "event", "item", "to", "outcome", "strength", "stance", "status", "as_of", "fingerprint",
    "note",
  ]

  /// The decision's line, without the line break.
  public static func encode(_ decision: Decision) -> String {
    var fields: [String] = [
      "at: \(Timestamp.format(decision.at))", "by: \(quoted(decision.by))", "kind: \(decision.kind.rawValue)",
    ]
    func add(_ key: String, _ value: String?, free: Bool = false) {
      guard let value else { return }
      fields.append("\(key): \(free ? quoted(value) : scalar(value))")
    }
    // Days and timestamps are written plain, as YAML writes dates.
    add("event", decision.event)
    add("item", decision.item)
    add("to", decision.to)
    add("outcome", decision.outcome?.rawValue)
    add("strength", decision.strength?.rawValue)
    add("stance", decision.stance?.rawValue)
    add("status", decision.status?.rawValue)
    if let day = decision.asOf { fields.append("as_of: \(day)") }
    add("fingerprint", decision.fingerprint)
    add("note", decision.note, free: true)
    return "- {" + fields.joined(separator: ", ") + "}"
  }

  /// An identifier plain when YAML reads it back as the same string, double-quoted otherwise.
  static func scalar(_ value: String) -> String {
    isPlainSafe(value) ? value : quoted(value)
  }

  static func isPlainSafe(_ value: String) -> Bool {
    guard let first = value.utf8.first, isWordByte(first) else { return false }
    guard value.utf8.allSatisfy({ isWordByte($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }) else {
      return false
    }
    // Words and numbers YAML would read as something other than a string.
    let specials: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf"]
    if specials.contains(value.lowercased()) { return false }
    // Anything made of digits, dots, signs and `e` could be a number (`12`, `1.5`, `1e3`), and
    // `0x`, `0o`, `0b` start integers in some YAML versions.
    let numeric = value.utf8.allSatisfy { (0x30...0x39).contains($0) || numberBytes.contains($0) }
    if numeric { return false }
    let bytes = Array(value.utf8.prefix(2))
    if bytes.count == 2, bytes[0] == UInt8(ascii: "0"), Array("xob".utf8).contains(bytes[1]) { return false }
    return true
  }

  private static let numberBytes: Set<UInt8> = Set("._+-eE".utf8)

  private static func isWordByte(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
  }

  /// A YAML double-quoted scalar on one line: breaks, controls and characters YAML counts as
  /// line breaks are escaped.
  public static func quoted(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        let value = scalar.value
        if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || value == 0x2028 || value == 0x2029
          || value == 0xFEFF
        {
          out += String(format: "\\u%04X", value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
