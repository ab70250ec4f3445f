/// The spellings of a mandate's aliases by their spelling key («ё» as «е», case aside), built once:
/// building the suggestion features looks up every keyword.
public struct SpellingTable: Sendable {
  private var byKey: [String: Int] = [:]
  private var spellings: [[String]] = []

  public init(_ mandate: Mandate) {
    for alias in mandate.aliases {
      let all = [alias.name] + alias.variants
      spellings.append(all)
      for spelling in all {
        let key = Mandate.spellingKey(spelling)
        // The first alias naming a spelling wins.
        if byKey[key] == nil { byKey[key] = spellings.count - 1 }
      }
    }
  }

  /// Every spelling that stands for `name` (itself included): the spellings of the first alias
  /// that has it, else `name` alone.
  public func spellings(of name: String) -> [String] {
    byKey[Mandate.spellingKey(name)].map { spellings[$0] } ?? [name]
  }
}
