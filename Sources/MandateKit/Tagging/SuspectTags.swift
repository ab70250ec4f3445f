/// Tags made against wording that has changed since: the item's text fingerprint differs from
/// the one the tag recorded. The evidence may no longer fit; `review --suspect` walks them.
public enum SuspectTags {
  public static func find(in state: LedgerState, mandate: Mandate) -> [LedgerState.Tag] {
    state.tags.values.filter { tag in
      guard let item = mandate.item(id: tag.item), let fingerprint = tag.fingerprint else { return false }
      return fingerprint != item.fingerprint
    }.sorted {
      ($0.file ?? "", $0.line ?? 0, $0.event, $0.item) < ($1.file ?? "", $1.line ?? 0, $1.event, $1.item)
    }
  }
}
