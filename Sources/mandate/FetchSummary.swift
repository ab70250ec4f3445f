import Foundation
import MandateKit

/// What `mandate fetch` prints: a line per address on standard output, failures on standard
/// error, then what the import did.
enum FetchSummary {
  static func print(_ report: FetchReport) {
    var out = ""
    var files: [String: ImportReport.FileSummary] = [:]
    for file in report.imported?.files ?? [] { files[file.path] = file }
    let failed = Dictionary((report.imported?.failed ?? []).map { ($0.path, $0.reason) }) { first, _ in first }
    var failures: [String] = []
    for entry in report.entries {
      let indent = entry.via == nil ? "" : "  "
      switch entry.outcome {
      case .fetched(let format, let bytes), .reread(let format, let bytes):
        let verb = entry.via != nil ? "followed" : (isReread(entry.outcome) ? "read again" : "fetched")
        var line = "\(indent)\(verb) \(entry.url) (\(format?.rawValue ?? "?"), \(ByteCount.describe(bytes)))"
        if let file = files[entry.url] ?? files[entry.url.removingTrailingSlash] {
          line += ": \(plural(file.items, "item"))"
          if file.rejected > 0 { line += ", \(file.rejected) rejected" }
        }
        out += line + "\n"
        if let reason = failed[entry.url] { failures.append("\(entry.url): \(reason)") }
      case .notModified:
        out += "\(indent)not modified \(entry.url)\n"
      case .failed(let reason):
        failures.append("\(entry.url): \(reason)")
      }
    }
    for link in report.ambiguousLinks {
      Output.warning("not followed: \(link) is the link of several items of one feed")
    }
    Output.stdout(out)
    for failure in failures { Output.error(failure) }
    if let imported = report.imported {
      ImportSummary.printRejections(imported)
      Output.stdout(ImportSummary.totals(imported, inputs: plural(imported.files.count, "source")))
      if let reason = imported.indexNotUpdated {
        Output.warning(
          "the record is written, but the index in .mandate/ could not be updated (\(reason)); the next command updates it"
        )
      }
    }
    let problems = report.failures.count
    if problems > 0 {
      let total = report.entries.count
      Output.stderr("\(problems) of \(plural(total, "source")) failed")
    }
  }

  private static func isReread(_ outcome: FetchReport.Outcome) -> Bool {
    if case .reread = outcome { return true }
    return false
  }

}

extension String {
  fileprivate var removingTrailingSlash: String { hasSuffix("/") ? String(dropLast()) : self }
}
