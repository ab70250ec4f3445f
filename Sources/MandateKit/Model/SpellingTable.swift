/// The spellings of a mandate's aliases by their spelling key, built once: `Mandate.spellings(of:)`
/// compares a name with every spelling of every alias, which building the suggestion features
/// does for every keyword.
public struct SpellingTable: Sendable {
  private var byKey: [String: Int] = [:]
  private var spellings: [[String]] = []

  public init(_ mandate: Mandate) {
    for alias in mandate.aliases {
      let all = [alias.name] + alias.variants
      spellings.append(all)
      for spelling in all {
        let key = Mandate.spellingKey(spelling)
        // The first alias naming a spelling wins, as in `Mandate.spellings(of:)`.
        if byKey[key] == nil { byKey[key] = spellings.count - 1 }
      }
    }
  }

  /// Every spelling that stands for `name` (itself included), as `Mandate.spellings(of:)`.
  public func spellings(of name: String) -> [String] {
    byKey[Mandate.spellingKey(name)].map { spellings[$0] } ?? [name]
  }
}
