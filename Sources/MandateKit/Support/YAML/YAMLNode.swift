/// A YAML node with the position it was read from.
///
/// Yams' `Node` carries a start mark too, but composing through Yams follows aliases (an alias
/// bomb then costs exponential time in later walks) and stops at the first duplicated key. This
/// tree is built from libyaml's events by `YAMLReader`, which refuses aliases and leaves
/// duplicated keys to the caller, so that every one of them can be reported with both places.
public struct YAMLNode: Sendable {
  public enum Value: Sendable {
    /// A scalar's text and whether it was written plain (unquoted, so `yes` or `12` could be meant
    /// as other types).
    case scalar(String, plain: Bool)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
  }

  public var value: Value
  /// 1-based line of the node's first character.
  public var line: Int
  /// 1-based column in Unicode scalars.
  public var column: Int

  public init(_ value: Value, line: Int, column: Int) {
    self.value = value
    self.line = line
    self.column = column
  }

  public var scalar: String? {
    if case .scalar(let text, _) = value { return text }
    return nil
  }

  public var sequence: [YAMLNode]? {
    if case .sequence(let nodes) = value { return nodes }
    return nil
  }

  public var mapping: [YAMLPair]? {
    if case .mapping(let pairs) = value { return pairs }
    return nil
  }

  /// The first value under `key` in a mapping.
  public subscript(key: String) -> YAMLNode? {
    mapping?.first { $0.key.scalar == key }?.value
  }

  /// "a mapping", "a list", "a string": for messages such as "expected a list, found a string".
  public var kindDescription: String {
    switch value {
    case .scalar(let text, let plain):
      if plain && text.isEmpty { return "nothing" }
      if plain && ["~", "null", "Null", "NULL"].contains(text) { return "null" }
      if plain && Double(text) != nil { return "a number" }
      if plain && ["true", "false", "yes", "no", "True", "False"].contains(text) { return "a boolean" }
      return "a string"
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    }
  }

  public func location(in file: String) -> FileLocation {
    FileLocation(file: file, line: line, column: column)
  }
}

public struct YAMLPair: Sendable {
  public var key: YAMLNode
  public var value: YAMLNode

  public init(key: YAMLNode, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}
