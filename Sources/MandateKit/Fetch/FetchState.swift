import Foundation

/// What the last successful fetch of each address left for the next one: its validators
/// (`ETag`, `Last-Modified`) for a conditional request, and the body's address. Kept in
/// `.mandate/fetch-state.json`, derived state: without it the next fetch downloads everything
/// again, and the record does not change for it.
public struct FetchState: Sendable, Equatable, Codable {
  public struct Entry: Sendable, Equatable, Codable {
    public var etag: String?
    public var lastModified: String?
    public var snapshot: String
    public var fetched: String

    public var validators: Validators? {
      etag == nil && lastModified == nil ? nil : Validators(etag: etag, lastModified: lastModified)
    }

    private enum CodingKeys: String, CodingKey {
      case etag, snapshot, fetched
      case lastModified = "last_modified"
    }
  }

  /// By the address asked for.
  public var entries: [String: Entry] = [:]

  public init() {}

  static func url(_ workspace: Workspace) -> URL {
    workspace.stateDirectory.appendingPathComponent("fetch-state.json")
  }

  /// The stored state; an unreadable file counts as none (it only costs full downloads).
  public static func load(_ workspace: Workspace) -> FetchState {
    guard let data = try? Data(contentsOf: url(workspace)),
      let entries = try? JSONDecoder().decode([String: Entry].self, from: data)
    else { return FetchState() }
    var state = FetchState()
    state.entries = entries
    return state
  }

  /// Writes the state; call under the workspace lock.
  public func save(_ workspace: Workspace) throws {
    try AtomicFile.write(Data((try JSON.encode(entries) + "\n").utf8), to: Self.url(workspace))
  }
}
