/// A rename of an item or priority id, worked out on a mandate's YAML text: the ids that change
/// and the edited text, already read back and checked.
///
/// Ids are the stable part of a mandate (the ledger and reports refer to items by id), so a rename
/// edits only the id scalars, in place, and refuses whatever would make it more than a rename:
/// an id that exists, an id of the wrong shape, an item moving to another priority.
public struct IDRename: Sendable {
  /// One id and its new name.
  public struct Change: Sendable, Equatable, Hashable {
    public var old: String
    public var new: String

    public init(old: String, new: String) {
      self.old = old
      self.new = new
    }
  }

  /// The renamed ids in document order: the id asked for first, then (for a priority) its items.
  public let changes: [Change]
  /// Whether the id asked for is a priority's.
  public let isPriority: Bool
  /// The mandate's YAML with the ids replaced and nothing else changed.
  public let text: String
  /// `text` read back.
  public let mandate: Mandate

  /// Plans renaming `old` to `new` in `mandate`, which was loaded from `text` (named `file`).
  public init(_ old: String, to new: String, in mandate: Mandate, text: String, file: String) throws(RenameError) {
    let changes = try Self.changes(old, to: new, in: mandate)
    let locations = Self.locations(in: mandate)
    var replacements: [YAMLScalarEdit.Replacement] = []
    for change in changes {
      guard let location = locations[change.old] else { throw .cannotEditInPlace(change.old, at: nil) }
      replacements.append(YAMLScalarEdit.Replacement(location: location, old: change.old, new: change.new))
    }
    let edited: String
    do {
      edited = try YAMLScalarEdit.apply(replacements, to: text)
    } catch {
      let id = replacements.first { $0.location == error.location }?.old ?? old
      throw .cannotEditInPlace(id, at: error.location)
    }
    let result = MandateLoader().load(text: edited, file: file)
    guard let reloaded = result.mandate else {
      throw .editLeavesErrors(file: file, result.diagnostics.filter { $0.severity == .error })
    }
    // The edit must change the ids and nothing else: compare with the mandate renamed in memory.
    let renamed = Dictionary(uniqueKeysWithValues: changes.map { ($0.old, $0.new) })
    guard Self.withoutLocations(reloaded) == Self.withoutLocations(mandate, renaming: renamed) else {
      throw .unexpectedResult(file: file)
    }
    self.changes = changes
    self.isPriority = mandate.priority(id: old) != nil
    self.text = edited
    self.mandate = reloaded
  }

  /// The ids that change, after checking that `new` is a fitting, unused name.
  static func changes(_ old: String, to new: String, in mandate: Mandate) throws(RenameError) -> [Change] {
    let locations = locations(in: mandate)
    var changes: [Change]
    if let priority = mandate.priority(id: old) {
      guard Slug.isPriorityID(new) else { throw .invalidPriorityID(new) }
      // Every item of a valid mandate extends its priority's id, so `P2.1` becomes `P9.1`; other
      // priorities' items (`P20.1`) never start with `P2.`.
      changes =
        [Change(old: old, new: new)]
        + priority.items.filter { $0.id.hasPrefix(old + ".") }.map {
          Change(old: $0.id, new: new + $0.id.dropFirst(old.count))
        }
    } else if let owner = mandate.priority(ofItem: old) {
      guard Slug.isItemID(new) else { throw .invalidItemID(new, priority: owner.id) }
      guard new.hasPrefix(owner.id + ".") else {
        throw .moveBetweenPriorities(old, to: new, from: owner.id)
      }
      changes = [Change(old: old, new: new)]
    } else {
      let ids = mandate.priorities.flatMap { [$0.id] + $0.items.map(\.id) }
      throw .unknownID(old, mandate: mandate.id, suggestions: Spelling.closest(to: old, in: ids, limit: 3))
    }
    if old == new { throw .sameID(old) }
    for change in changes where locations[change.new] != nil {
      throw .idExists(change.new, at: locations[change.new])
    }
    return changes
  }

  /// Where each priority and item id is written.
  static func locations(in mandate: Mandate) -> [String: FileLocation] {
    var result: [String: FileLocation] = [:]
    for priority in mandate.priorities {
      result[priority.id] = priority.location
      for item in priority.items { result[item.id] = item.location }
    }
    return result
  }

  private static func withoutLocations(_ mandate: Mandate, renaming renamed: [String: String] = [:]) -> Mandate {
    var copy = mandate
    for p in copy.priorities.indices {
      copy.priorities[p].location = nil
      copy.priorities[p].id = renamed[copy.priorities[p].id] ?? copy.priorities[p].id
      for i in copy.priorities[p].items.indices {
        copy.priorities[p].items[i].location = nil
        copy.priorities[p].items[i].id = renamed[copy.priorities[p].items[i].id] ?? copy.priorities[p].items[i].id
      }
    }
    return copy
  }
}
