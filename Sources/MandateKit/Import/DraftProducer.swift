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

  init(workspace: Workspace, options: ImportOptions, progress: (@Sendable (ImportProgress) -> Void)?) {
    self.workspace = workspace
    self.options = options
    self.progress = progress
  }

  func produce(_ inputs: [ImportInput], emit: ([PreparedDraft]) throws -> Void) throws {
    var total = 0
    for (number, input) in inputs.enumerated() {
      let url = input.file
      let format = try options.format ?? NewsReaders.detect(url)
      let reader = NewsReaders.reader(for: format)
      let file = recordPath(of: url)
      var summary = ImportReport.FileSummary(path: file, format: format, items: 0, rejected: 0)
      var batch: [RawItem] = []
      let options = self.options
      func flush() throws {
        guard !batch.isEmpty else { return }
        let prepared = Parallel.map(batch) { raw in
          PreparedDraft(EventDraft(raw: raw, file: file, sourceName: options.sourceName, seen: options.today))
        }
        summary.items += batch.count
        total += batch.count
        batch.removeAll(keepingCapacity: true)
        try emit(prepared)
        progress?(.reading(file: file, number: number + 1, of: inputs.count, items: total))
      }
      progress?(.reading(file: file, number: number + 1, of: inputs.count, items: total))
      var fileRejections: [RejectedRecord] = []
      try reader.read(
        ReaderInput(url: url, file: file, origin: input.origin),
        item: { raw in
          batch.append(raw)
          if batch.count == Importer.batchSize { try flush() }
        },
        reject: { fileRejections.append($0) },
        warn: { warnings.append($0) })
      try flush()
      summary.rejected = fileRejections.count
      rejected += fileRejections
      files.append(summary)
    }
  }

  /// How a file is named in sources: relative to the workspace when inside it, else absolute.
  func recordPath(of url: URL) -> String {
    let path = url.standardizedFileURL.path
    let root = workspace.root.path.hasSuffix("/") ? workspace.root.path : workspace.root.path + "/"
    return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
  }
}
