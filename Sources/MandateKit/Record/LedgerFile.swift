import Foundation

/// A mandate's decisions ledger (schema 3): one file per analyst, `Tags/<mandate>/<slug>.yaml`
/// (`AnalystSlug`), one decision per line, and the layout file `Tags/<mandate>.yaml`, which says
/// so and holds no decisions.
///
/// Analysts who work on their own branches change only their own files, so git merges their
/// branches without merging any file's content: merge, octopus merge, rebase and cherry-pick
/// alike. One analyst's decisions made on two branches meet in one file, which the union driver
/// in `.gitattributes` or `mandate merge-ledger` merges line by line (`LedgerMerge`). Lines already
/// written never change; every write takes the workspace lock exclusively (the caller's) and
/// replaces files atomically. A ledger of schema 1 or 2 (every analyst in `Tags/<mandate>.yaml`)
/// is read as it is and moved to the analysts' files by the next write or `migrate`.
public struct LedgerFile: Sendable {
  public let mandateID: String
  /// The layout file, `Tags/<mandate>.yaml` (the whole ledger in schemas 1 and 2).
  public let url: URL
  /// The analysts' files' folder, `Tags/<mandate>/`.
  public let folder: URL
  /// How the ledger is named in messages: `Tags/<mandate>/`.
  public let displayPath: String
  let workspace: Workspace

  public init(workspace: Workspace, mandateID: String) {
    self.workspace = workspace
    self.mandateID = mandateID
    url = workspace.tagsDirectory.appendingPathComponent("\(mandateID).yaml")
    folder = workspace.tagsDirectory.appendingPathComponent(mandateID, isDirectory: true)
    displayPath = "Tags/\(mandateID)/"
  }

  /// The schema this version writes.
  public static let supportedSchema = 3
  /// The schemas it reads: 1 (one decision over several lines) and 2 (one file for every
  /// analyst) in the layout file, which the next write moves to the analysts' files.
  public static let readableSchemas: Set<Int> = [1, 2, 3]

  /// Whether the ledger has any file.
  public var exists: Bool { layout.exists || !analystParts().isEmpty }

  /// The file `analyst`'s decisions are written to, relative to the workspace
  /// (`Tags/kz-csto-2024/alice.yaml`).
  public func file(for analyst: String) -> String { part(for: analyst).path }

  /// The ledger's files that exist, relative to the workspace, in reading order: the layout file,
  /// then the analysts' files by name.
  public var files: [String] { parts().map(\.path) }

  var layout: LedgerPart { .layout(workspace, mandateID: mandateID) }

  func part(for analyst: String) -> LedgerPart {
    .analyst(workspace, mandateID: mandateID, slug: AnalystSlug.of(analyst))
  }

  /// The analysts' files (`*.yaml` in the folder, hidden ones left out), by name.
  func analystParts() -> [LedgerPart] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
    return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted().compactMap { name in
      let url = folder.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
        return nil
      }
      return LedgerPart(url: url, path: "Tags/\(mandateID)/\(name)", mandateID: mandateID, role: .analyst)
    }
  }

  func parts() -> [LedgerPart] { (layout.exists ? [layout] : []) + analystParts() }

  /// Reads every decision of every file; entries that cannot be used become diagnostics (with
  /// their file and line) and are left out. No file is an empty ledger; a file that cannot be
  /// read as a whole makes the ledger unreadable (`Contents.unreadable`).
  public func read() -> Contents {
    var combined = Contents(decisions: [], diagnostics: [])
    for part in parts() { combined.add(part.read(), of: part) }
    if combined.schema == nil && !combined.files.isEmpty { combined.schema = Self.supportedSchema }
    return combined
  }

  static func unreadable(_ problem: Diagnostic, part: LedgerPart) -> RecordError {
    let place: String = problem.location.map { "\($0): " } ?? "\(part.path): "
    return .writeFailed(path: part.path, reason: "the file cannot be read (\(place)\(problem.message)); fix it first")
  }

  /// Clears temporary files that writers killed half-way left in `Tags/` and the folder; every
  /// writer of the ledger holds the workspace lock exclusively, so none of them is still writing.
  func removeStrayTemporaries() {
    AtomicFile.removeStrayTemporaries(in: workspace.tagsDirectory)
    AtomicFile.removeStrayTemporaries(in: folder)
  }

  /// The mandates with a ledger in `workspace`: `Tags/<id>.yaml` files and `Tags/<id>/` folders.
  public static func mandateIDs(in workspace: Workspace) -> [String] {
    let directory = workspace.tagsDirectory
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    var ids = Set<String>()
    for name in names where !name.hasPrefix(".") {
      var isDirectory: ObjCBool = false
      guard
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory)
      else { continue }
      if isDirectory.boolValue {
        ids.insert(name)
      } else if name.hasSuffix(".yaml") {
        ids.insert(String(name.dropLast(5)))
      }
    }
    return ids.sorted()
  }
}
