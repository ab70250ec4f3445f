import ArgumentParser
import Foundation
import MandateKit

extension MandateCommand {
  /// `mandate import`: news files into the Events/ record and the index.
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import news (web pages, CSTO pages, RSS, Atom, JSONL, CSV) into Events/ and the index.",
      discussion: """
        The same news seen in several files becomes one event with every source; importing a file \
        again adds nothing. Without --strict, bad records are reported and skipped (what was good \
        still lands, and the command exits 1); with it, any bad record means nothing is written. \
        --dry-run lists the events the import would add. Warnings (a page cut short, an empty feed \
        item) say what was missing without failing the import.
        """)

    @Argument(help: ArgumentHelp("Files or folders to import.", valueName: "path"), completion: .file())
    var paths: [String]

    @Option(help: "The input format (default: detected from each file).")
    var format: FormatChoice = .auto

    @Option(help: ArgumentHelp("A name recorded with every source, e.g. csto.int.", valueName: "name"))
    var source: String?

    @Flag(help: "List the events the import would add, and write nothing.")
    var dryRun = false

    @Flag(help: "Write nothing if any record is rejected.")
    var strict = false

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
      // An import frees one 20-40 MB partition buffer after another: map them, so the memory goes
      // back (not for every command: elsewhere it only adds map and unmap calls).
      ProcessMemory.returnLargeBuffersToTheSystem()
      ProcessMemory.limitArenas(to: 2)
      let workspace = try options.resolveWorkspace()
      let files = try InputFiles.expand(paths, from: options.currentDirectory)
      let bar = ProgressBar()
      let report: ImportReport
      do {
        report = try Importer(workspace: workspace).run(
          files,
          options: ImportOptions(
            format: format.format, sourceName: source, dryRun: dryRun, strict: strict, today: MandateClock.today()),
          progress: bar.update)
      } catch let error as ImportError {
        bar.clear()
        throw error
      }
      bar.clear()
      print(report: report)
      if let reason = report.indexNotUpdated {
        Output.warning(
          "the record is written, but the index in .mandate/ could not be updated (\(reason)); the next command updates it"
        )
      }
      // Scripts must notice a rejected record even though the rest landed.
      if !report.rejected.isEmpty {
        let rest =
          report.items == 0 ? "" : dryRun ? "; everything else would be imported" : "; everything else was imported"
        Output.error("\(plural(report.rejected.count, "record")) rejected\(rest)")
        throw ExitCode(ExitStatus.failure)
      }
    }

    private func print(report: ImportReport) {
      var out = ""
      for file in report.files {
        let rejected = file.rejected > 0 ? ", \(file.rejected) rejected" : ""
        out += "read \(file.path) (\(file.format.rawValue)): \(plural(file.items, "item"))\(rejected)\n"
      }
      ImportSummary.printRejections(report)
      out += ImportSummary.totals(report, inputs: plural(report.files.count, "file"))
      Output.stdout(out)
    }
  }
}

enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
  case auto
  case cstoPage = "csto-page"
  case rss, atom, jsonl, csv, html

  var format: ImportFormat? { self == .auto ? nil : ImportFormat(rawValue: rawValue) }
}

func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

/// Expands folders into the files inside them (not hidden ones), in name order.
enum InputFiles {
  static func expand(_ paths: [String], from directory: URL) throws -> [URL] {
    var files: [URL] = []
    for path in paths {
      let url = URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
        throw ImportError.unreadable(path: path, reason: "no such file")
      }
      if isDirectory.boolValue {
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { !$0.hasPrefix(".") }.sorted()
        for name in names {
          let child = url.appendingPathComponent(name)
          var childIsDirectory: ObjCBool = false
          if FileManager.default.fileExists(atPath: child.path, isDirectory: &childIsDirectory),
            !childIsDirectory.boolValue
          {
            files.append(child)
          }
        }
      } else {
        files.append(url)
      }
    }
    return files
  }
}
