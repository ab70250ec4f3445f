/// What `mandate fetch` did with each address, and what the import made of the bodies.
public struct FetchReport: Sendable {
  public enum Outcome: Sendable, Equatable {
    /// A body came, and was imported as `format` (nil: it could not be, see `failed`).
    case fetched(format: ImportFormat?, bytes: Int)
    /// 304: nothing changed since the last fetch; nothing imported.
    case notModified
    /// A kept body read again (`--reimport`).
    case reread(format: ImportFormat?, bytes: Int)
    case failed(String)
  }

  public struct Entry: Sendable, Equatable {
    public var url: String
    /// For a page fetched for a feed item (`--follow`): the feed's address.
    public var via: String?
    public var outcome: Outcome
  }

  public var entries: [Entry] = []
  /// The import of what was fetched; nil when nothing was.
  public var imported: ImportReport?
  /// Feed items whose page was not followed because they share their link with another item.
  public var ambiguousLinks: [String] = []

  /// Addresses that failed, whether fetching or reading.
  public var failures: [(url: String, reason: String)] {
    var out: [(String, String)] = []
    for entry in entries {
      if case .failed(let reason) = entry.outcome { out.append((entry.url, reason)) }
    }
    for failed in imported?.failed ?? [] { out.append((failed.path, failed.reason)) }
    return out
  }

  /// Whether anything failed or was rejected: `mandate fetch` then exits 1.
  public var hasProblems: Bool { !failures.isEmpty || !(imported?.rejected.isEmpty ?? true) }
}
