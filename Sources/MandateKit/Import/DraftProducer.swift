import Foundation

/// Reads the import's files in order and hands prepared drafts to the writer in batches, doing
/// the per-item work (decoding, dates, identities, record lines) on all cores.
final class DraftProducer: @unchecked Sendable {
  let workspace: Workspace
  let options: ImportOptions
  let progress: (@Sendable (ImportProgress) -> Void)?
  /// Read by the importer after the producer finished.
  private(set) var files: [ImportReport.FileSummary] = []
  private(set) var rejected: [RejectedRecord] = []
  private(set) var warnings: [ImportWarning] = []
  private(set) var failed: [ImportReport.FailedInput] = []

  init(workspace: Workspace, options: ImportOptions, progress: (@Sendable (ImportProgress) -> Void)?) {
    self.workspace = workspace
    self.options = options
    self.progress = progress
  }

  func produce(_ inputs: [ImportInput], emit: ([PreparedDraft]) throws -> Void) throws {
    var total = 0
    for (number, input) in inputs.enumerated() {
      let url = input.file
      // A fetched input is named by its address in messages, and its sources record where and
      // when it was fetched rather than a file.
      let origin = input.origin
      let file = origin?.url ?? recordPath(of: url)
      let format: ImportFormat
      do {
        format = try input.format ?? options.format ?? NewsReaders.detect(url)
      } catch {
        guard options.continueAfterFailedInputs else { throw error }
        failed.append(.init(path: file, reason: origin == nil ? error.localizedDescription : Self.reason(error)))
        continue
      }
      let reader = NewsReaders.reader(for: format)
      var summary = ImportReport.FileSummary(path: file, format: format, items: 0, rejected: 0)
      var batch: [RawItem] = []
      let options = self.options
      let input = input
      let sourceFile = origin == nil ? file : nil
      let linkKey = origin?.link.flatMap(EventIdentity.urlKey)
      func flush() throws {
        guard !batch.isEmpty else { return }
        let prepared = Parallel.map(batch) { raw in
          var raw = raw
          if let origin {
            if raw.language == nil { raw.language = origin.language ?? origin.contentLanguage }
            if raw.url == nil, raw.role == .main { raw.url = origin.url }
          }
          var draft = EventDraft(
            raw: raw, file: sourceFile, sourceName: input.sourceName ?? options.sourceName, seen: options.today,
            fetched: origin?.provenance)
          if raw.role == .main { draft.linkKey = linkKey }
          return PreparedDraft(draft)
        }
        summary.items += batch.count
        total += batch.count
        batch.removeAll(keepingCapacity: true)
        try emit(prepared)
        progress?(.reading(file: file, number: number + 1, of: inputs.count, items: total))
      }
      progress?(.reading(file: file, number: number + 1, of: inputs.count, items: total))
      var fileRejections: [RejectedRecord] = []
      do {
        try reader.read(
          ReaderInput(url: url, file: file, origin: input.origin),
          item: { raw in
            batch.append(raw)
            if batch.count == Importer.batchSize { try flush() }
          },
          reject: { fileRejections.append($0) },
          warn: { warnings.append($0) })
        try flush()
      } catch let error as ImportError where options.continueAfterFailedInputs {
        // What was read before the failure stays imported, as for rejected records.
        try flush()
        failed.append(.init(path: file, reason: Self.reason(error)))
      }
      summary.rejected = fileRejections.count
      rejected += fileRejections
      files.append(summary)
    }
  }

  /// Why a whole input could not be read, without the path the message of `error` may start
  /// with (a fetched input's temporary file means nothing to the analyst).
  static func reason(_ error: Error) -> String {
    switch error as? ImportError {
    case .unreadable(_, let reason): return reason
    case .undetectable: return "cannot tell its format (not a CSTO page, RSS, Atom, JSONL or CSV)"
    case .malformed(_, let line, let reason): return "line \(line): \(reason)"
    default: return error.localizedDescription
    }
  }

  /// How a file is named in sources: relative to the workspace when inside it, else absolute.
  func recordPath(of url: URL) -> String {
    let path = url.standardizedFileURL.path
    let root = workspace.root.path.hasSuffix("/") ? workspace.root.path : workspace.root.path + "/"
    return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
  }
}
