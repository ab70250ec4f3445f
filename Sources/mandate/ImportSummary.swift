import MandateKit

/// The lines `import` and `fetch` print about what an import did.
enum ImportSummary {
  /// Rejected records and warnings on standard error, at most 50 of each.
  static func printRejections(_ report: ImportReport) {
    for rejection in report.rejected.prefix(50) {
      Output.stderr("\(rejection.file):\(rejection.line): rejected: \(rejection.reason)")
    }
    if report.rejected.count > 50 { Output.stderr("… and \(report.rejected.count - 50) more rejected records") }
    for warning in report.warnings.prefix(50) {
      Output.stderr(
        "\(warning.file):\(warning.line): \(Output.errorStyle.apply(.boldYellow, "warning:")) \(warning.message)")
    }
    if report.warnings.count > 50 { Output.stderr("… and \(report.warnings.count - 50) more warnings") }
  }

  /// "12 items from 3 files: 10 new events, …", in a dry run the events it would add, and the
  /// record files written.
  static func totals(_ report: ImportReport, inputs: String) -> String {
    let undated = report.newUndated > 0 ? " (\(report.newUndated) undated)" : ""
    var out = "\(plural(report.items, "item")) from \(inputs): "
    out += "\(plural(report.newEvents, "new event"))\(undated), "
    out += "\(report.mergedIntoExisting) merged into existing, \(report.alreadyRecorded) already recorded, "
    out += "\(report.rejected.count) rejected\n"
    if report.dryRun && !report.wouldAdd.isEmpty {
      out += "would add \(plural(report.wouldAdd.count, "event")):\n"
      for event in report.wouldAdd {
        let date = DateLabel.text(date: event.date, dateEnd: event.dateEnd, precision: event.precision)
        out += "  \(event.id.prefix(8))  \(date.padding(toLength: 16, withPad: " ", startingAt: 0)) \(event.headline)\n"
      }
    }
    if report.changedFiles.isEmpty {
      out += "no change to the record\n"
    } else {
      let verb = report.dryRun ? "would write" : "wrote"
      out += "\(verb) \(report.changedFiles.joined(separator: ", "))\n"
    }
    return out
  }
}
