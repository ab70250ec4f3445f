/// Where and when a source's bytes were downloaded, recorded on the source (`"fetched"` in
/// `Events/`) so that `show` can tell it and the body can be found again.
///
/// A source keeps the provenance of the first fetch that saw it: fetching the same news again
/// (unchanged, or in a feed that gained other items) changes no byte of the record.
public struct FetchProvenance: Sendable, Equatable, Hashable, Codable {
  /// The address the body was served from, after redirects (a feed's address for its items).
  public var from: String
  /// When it was fetched, ISO 8601 in UTC to the second: `2026-12-05T10:00:00Z`.
  public var at: String
  /// The content address of the kept body: the SHA-256 of its bytes in hex, the name of its file
  /// under `Snapshots/`.
  public var snapshot: String?

  public init(from: String, at: String, snapshot: String?) {
    self.from = from
    self.at = at
    self.snapshot = snapshot
  }
}
