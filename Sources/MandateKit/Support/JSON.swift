import Foundation

/// JSON output with sorted keys, so that the same data always prints the same bytes.
public enum JSON {
  public static func encode<T: Encodable>(_ value: T, pretty: Bool = true, snakeCase: Bool = false) throws -> String {
    let encoder = JSONEncoder()
    if snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
    encoder.outputFormatting =
      pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    return String(decoding: data, as: UTF8.self)
  }
}
