import Foundation

extension LedgerFile {
  /// What reading a ledger (or one of its files) found.
  public struct Contents: Sendable {
    /// Every decision read, file after file (`files`' order), each file's in line order; each
    /// carries its file and line.
    public var decisions: [Decision]
    public var diagnostics: [Diagnostic]
    /// Set when a file cannot be read as a whole (git's conflict markers, a YAML syntax error,
    /// an unknown schema): the ledger's decisions are unknown, not none. The first such file's.
    public var unreadable: Diagnostic?
    /// The ledger's schema: 1 or 2 while `Tags/<mandate>.yaml` still holds the whole ledger, 3
    /// once the analysts have files of their own; nil for no file. Of one file, that file's.
    public var schema: Int?
    /// Where the layout file of a ledger that needs migrating says its schema.
    public var schemaLocation: FileLocation?
    /// The files read, relative to the workspace.
    public var files: [String] = []
    /// Decisions still in the layout file of a schema 3 ledger, left there by a merge with a
    /// branch from before the analysts had files: they count, and the next write moves them.
    public var unmoved: Int = 0

    init(
      decisions: [Decision], diagnostics: [Diagnostic], unreadable: Diagnostic? = nil, schema: Int? = nil,
      schemaLocation: FileLocation? = nil
    ) {
      self.decisions = decisions
      self.diagnostics = diagnostics
      self.unreadable = unreadable
      self.schema = schema
      self.schemaLocation = schemaLocation
    }

    /// Whether the ledger must be migrated (`mandate init`, or the next write): its layout file
    /// is in an older schema or still holds decisions.
    public var needsMigration: Bool {
      (schema ?? LedgerFile.supportedSchema) < LedgerFile.supportedSchema || unmoved > 0
    }

    /// Adds one file's contents to the ledger's.
    mutating func add(_ contents: Contents, of part: LedgerPart) {
      files.append(part.path)
      decisions += contents.decisions
      diagnostics += contents.diagnostics
      if unreadable == nil { unreadable = contents.unreadable }
      guard part.role == .layout, contents.unreadable == nil else { return }
      if let schema = contents.schema, schema < LedgerFile.supportedSchema {
        self.schema = schema
      } else {
        unmoved = contents.decisions.count
      }
      if needsMigration { schemaLocation = contents.schemaLocation }
    }
  }

  /// What a write did besides adding the decisions.
  public struct WriteNote: Sendable, Equatable {
    /// The ledger was in this schema (1 or 2), and was moved to the analysts' files first.
    public var migratedFrom: Int?
    /// Decisions moved from the layout file to their analysts' files first.
    public var moved: Int = 0
    /// The files the decisions went to, relative to the workspace.
    public var files: [String] = []
  }

  /// What `migrate` did.
  public struct Migration: Sendable, Equatable {
    /// The schema the ledger was in: 1 or 2, or 3 for decisions a merge left in the layout file.
    public var fromSchema: Int
    /// The decisions moved to the analysts' files.
    public var moved: Int
    /// The analysts' files written, relative to the workspace.
    public var files: [String]
  }
}
