import CYaml
import Foundation

/// Why a YAML text could not be read into a tree.
public struct YAMLReadError: Error, Sendable, Equatable {
  /// `yaml-syntax`, `yaml-alias`, `yaml-nesting`, `yaml-documents`, `yaml-too-large`.
  public var code: String
  public var message: String
  public var line: Int
  public var column: Int
}

/// Reads YAML text into `YAMLNode`s with libyaml (the C parser Yams carries), one event at a time.
///
/// Iterative, so deep nesting cannot overflow the stack (libyaml itself stops at 1,000 levels);
/// aliases are refused, which defuses "billion laughs" documents; the number of nodes is bounded.
public enum YAMLReader {
  /// Upper bound on nodes in one document; a 10 MB mandate has about a million.
  public static let maximumNodes = 20_000_000

  /// Reads the single document in `text`; nil for an empty stream (only comments or nothing).
  public static func read(_ text: String) throws(YAMLReadError) -> YAMLNode? {
    var bytes = Array(text.utf8)
    // libyaml's input API wants a pointer that outlives the parser: keep the array alive.
    return try bytes.withUnsafeMutableBufferPointer { buffer throws(YAMLReadError) -> YAMLNode? in
      try parse(buffer)
    }
  }

  private static func parse(_ buffer: UnsafeMutableBufferPointer<UInt8>) throws(YAMLReadError) -> YAMLNode? {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      throw YAMLReadError(
        code: "yaml-syntax", message: "cannot start the YAML parser (out of memory)", line: 1, column: 1)
    }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
    let end = endOfText(buffer)

    /// A collection under construction; an object, so that appending to the open collection
    /// happens in place (an enum payload taken out and put back is copied on every append,
    /// which is quadratic for a long ledger).
    final class Frame {
      let isSequence: Bool
      var items: [YAMLNode] = []
      var pairs: [YAMLPair] = []
      var pendingKey: YAMLNode?
      let line: Int
      let column: Int

      init(isSequence: Bool, line: Int, column: Int) {
        self.isSequence = isSequence
        self.line = line
        self.column = column
      }
    }
    var stack: [Frame] = []
    var root: YAMLNode?
    var documents = 0
    var nodes = 0

    func attach(_ node: YAMLNode) {
      guard let top = stack.last else {
        root = node
        return
      }
      if top.isSequence {
        top.items.append(node)
      } else if let key = top.pendingKey {
        top.pairs.append(YAMLPair(key: key, value: node))
        top.pendingKey = nil
      } else {
        top.pendingKey = node
      }
    }

    while true {
      var event = yaml_event_t()
      guard yaml_parser_parse(&parser, &event) == 1 else {
        throw syntaxError(parser, end: end)
      }
      defer { yaml_event_delete(&event) }
      let (line, column) = clamp(event.start_mark, to: end)
      switch event.type {
      case YAML_STREAM_END_EVENT:
        return root
      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        if documents > 1 {
          throw YAMLReadError(
            code: "yaml-documents", message: "expected one YAML document, found a second one here",
            line: line, column: column)
        }
      case YAML_ALIAS_EVENT:
        throw YAMLReadError(
          code: "yaml-alias",
          message: "aliases (*name) are not supported in mandate files; write the value out in full",
          line: line, column: column)
      case YAML_SCALAR_EVENT:
        nodes += 1
        let scalar = event.data.scalar
        let text =
          scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) }
          ?? ""
        attach(YAMLNode(.scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE), line: line, column: column))
      case YAML_SEQUENCE_START_EVENT:
        nodes += 1
        stack.append(Frame(isSequence: true, line: line, column: column))
      case YAML_MAPPING_START_EVENT:
        nodes += 1
        stack.append(Frame(isSequence: false, line: line, column: column))
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        if let frame = stack.popLast() {
          attach(
            YAMLNode(
              frame.isSequence ? .sequence(frame.items) : .mapping(frame.pairs), line: frame.line,
              column: frame.column))
        }
      default:
        break
      }
      if nodes > maximumNodes {
        throw YAMLReadError(
          code: "yaml-too-large", message: "more than \(maximumNodes) YAML nodes; refusing to read further",
          line: line, column: column)
      }
    }
  }

  /// The 1-based line and column of `mark`, moved back to `end` when it lies beyond the text.
  ///
  /// At the end of a text without a final line break libyaml moves its mark to a line of its own, so the last
  /// node ("---" alone is an empty document on line 2) or an error there ("did not find expected ']'" for a last
  /// line `id: [a`) named the line after the last, which no editor can open. Found by fuzzing
  /// (Tests/MandateKitTests/Fixtures/fuzz/mandate-yaml/ and ledger/).
  private static func clamp(_ mark: yaml_mark_t, to end: (line: Int, column: Int)) -> (line: Int, column: Int) {
    let line = Int(mark.line) + 1
    return line > end.line ? end : (line, Int(mark.column) + 1)
  }

  /// The last line of the text and the column just after its last character, counted as libyaml counts: line
  /// breaks are LF, CR, CR LF, NEL, LS and PS, columns are characters (Unicode scalars).
  private static func endOfText(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    var index = 0
    let count = buffer.count
    while index < count {
      let byte = buffer[index]
      let next = index + 1 < count ? buffer[index + 1] : 0
      var breakLength = 0
      if byte == 0x0D {
        breakLength = next == 0x0A ? 2 : 1
      } else if byte == 0x0A {
        breakLength = 1
      } else if byte == 0xC2 && next == 0x85 {
        breakLength = 2
      } else if byte == 0xE2 && next == 0x80 && index + 2 < count
        && (buffer[index + 2] == 0xA8 || buffer[index + 2] == 0xA9)
      {
        breakLength = 3
      }
      if breakLength > 0 {
        line += 1
        column = 1
        index += breakLength
        continue
      }
      if byte & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return (line, column)
  }

  private static func syntaxError(_ parser: yaml_parser_t, end: (line: Int, column: Int)) -> YAMLReadError {
    let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
    if parser.error == YAML_READER_ERROR {
      // Reader errors carry a byte offset rather than a mark.
      return YAMLReadError(code: "yaml-syntax", message: problem, line: 0, column: Int(parser.problem_offset))
    }
    let (line, column) = clamp(parser.problem_mark, to: end)
    if problem.hasPrefix("Maximum nesting level") {
      return YAMLReadError(
        code: "yaml-nesting", message: "nesting deeper than 1000 levels", line: line, column: column)
    }
    var message = problem
    if let context = parser.context.map({ String(cString: $0) }) {
      message += " \(context)"
      let start = clamp(parser.context_mark, to: end)
      if start != (line, column) { message += " started at \(start.line):\(start.column)" }
    }
    return YAMLReadError(code: "yaml-syntax", message: message, line: line, column: column)
  }
}
