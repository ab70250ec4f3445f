import Foundation
import MandateKit

// The parsers fuzzed directly, on the bytes or the text their importers would give them.
extension FuzzHarness {
  /// The CSTO page parser on the text the page reader would give it.
  static func page(_ data: Data, _ outcome: inout Outcome) {
    guard case .success(let text) = TextFile.decode(data, displayPath: "fuzz", allowEmpty: true) else { return }
    _ = CSTOPageParser.looksLikePage(text)
    let lines = lineBound(data)
    do {
      let page = try CSTOPageParser.parse(text)
      outcome.values += 1
      for (index, item) in page.items.enumerated() {
        outcome.check(item.position == index, "page item \(index) has position \(item.position)")
        outcome.check(item.line >= 1 && item.line <= lines, "page item \(index) at line \(item.line) of \(lines)")
        outcome.check(item.role == (index == page.teasers.count ? .main : .teaser), "page item \(index) role")
      }
      outcome.check(!page.items.isEmpty, "a page without items")
      for warning in page.warnings {
        outcome.check(warning.line >= 1 && warning.line <= lines, "page warning at line \(warning.line) of \(lines)")
      }
      if let main = page.main {
        outcome.check(!main.body.isEmpty, "page main article with an empty body")
        outcome.check(main.title.map { !$0.isEmpty } ?? false, "page main article without a title")
      }
    } catch {
      outcome.errors += 1
      outcome.check(error.line >= 1 && error.line <= lines, "page error at line \(error.line) of \(lines)")
    }
  }

  /// The date extractor, with and without a reference date.
  static func dates(_ data: Data, _ outcome: inout Outcome) {
    let text = String(decoding: data, as: UTF8.self)
    let scalars = Array(text.unicodeScalars)
    _ = DateExtractor.saysToday(text)
    for reference in [nil, Day(year: 2024, month: 4, day: 10)] {
      let mentions = DateExtractor.mentions(in: text, referenceDate: reference)
      outcome.values += mentions.count
      for mention in mentions {
        let span = Array(mention.text.unicodeScalars)
        let inText =
          mention.offset >= 0 && mention.offset + span.count <= scalars.count
          && Array(scalars[mention.offset..<mention.offset + span.count]) == span
        outcome.check(inText, "mention \"\(mention.text)\" is not at scalar offset \(mention.offset)")
        outcome.check(!span.isEmpty, "empty mention at \(mention.offset)")
        outcome.check(mention.precision != .none, "mention \"\(mention.text)\" without precision")
        outcome.check(
          mention.end.map { $0 >= mention.start } ?? true, "mention \"\(mention.text)\" ends before it starts")
        outcome.check(reference != nil || !mention.yearInferred, "year inferred without a reference date")
      }
      let event = DateExtractor.eventDate(in: text, referenceDate: reference)
      let expected = mentions.first { !$0.isReference }
      outcome.check(event == expected, "eventDate \(String(describing: event)) is not the first event mention")
    }
  }

  /// The feed parser on the raw bytes, as the feed reader calls it.
  static func feed(_ data: Data, _ outcome: inout Outcome) {
    let lines = lineBound(data)
    do {
      let feed = try FeedParser.parse(data)
      let entries = feed.entries
      outcome.values += entries.count
      for line in feed.skipped {
        outcome.check(line >= 1 && line <= lines, "feed entry skipped at line \(line) of \(lines)")
      }
      for entry in entries {
        outcome.check(entry.line >= 1 && entry.line <= lines, "feed entry at line \(entry.line) of \(lines)")
        outcome.check(entry.title != nil || !entry.body.isEmpty, "feed entry at line \(entry.line) has no text")
        if let url = entry.url, let scheme = URL(string: url)?.scheme?.lowercased() {
          outcome.check(scheme == "http" || scheme == "https", "feed entry link with scheme \(scheme)")
        }
      }
    } catch {
      outcome.errors += 1
      // Line 0 is documented for a file at fault as a whole (an empty one) only.
      outcome.check(
        (error.line >= 1 && error.line <= lines) || (error.line == 0 && error.message == "empty file"),
        "feed error at line \(error.line) of \(lines): \(error.message)")
    }
  }

  /// The mandate loader, from a file as `mandate check` and every command that loads priorities read it.
  static func mandate(_ data: Data, scratch: URL, _ outcome: inout Outcome) {
    let url = scratch.appendingPathComponent("input-mandate.yaml")
    do {
      try data.write(to: url)
    } catch {
      outcome.violations.append("cannot write the scratch file \(url.path): \(error)")
      return
    }
    let result = MandateLoader().load(url: url, displayPath: "Priorities/fuzz.yaml")
    outcome.values += result.mandate == nil ? 0 : 1
    outcome.check(
      (result.mandate == nil) == result.diagnostics.hasErrors, "a mandate returned with errors, or none without")
    diagnostics(result.diagnostics, lines: lineBound(data), "mandate", &outcome)
  }

  /// The ledger loader: `Tags/<mandate>.yaml` (the layout file, which reads every schema) in a
  /// scratch workspace, read as every command reads the ledger.
  static func ledger(_ data: Data, scratch: URL, _ outcome: inout Outcome) {
    let workspace = Workspace(root: scratch.appendingPathComponent("workspace"))
    let file = LedgerFile(workspace: workspace, mandateID: "kz-csto-2024")
    do {
      try FileManager.default.createDirectory(
        at: file.url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: file.url)
    } catch {
      outcome.violations.append("cannot write the scratch file \(file.url.path): \(error)")
      return
    }
    let contents = file.read()
    let lines = lineBound(data)
    outcome.values += contents.decisions.count
    for decision in contents.decisions {
      let line = decision.line ?? 0
      outcome.check(line >= 1 && line <= lines, "ledger decision at line \(line) of \(lines)")
    }
    diagnostics(contents.diagnostics, lines: lines, "ledger", &outcome)
  }

  static func diagnostics(_ diagnostics: [Diagnostic], lines: Int, _ what: String, _ outcome: inout Outcome) {
    outcome.errors += diagnostics.count
    for diagnostic in diagnostics {
      guard let location = diagnostic.location else {
        outcome.violations.append("\(what) diagnostic without a location: \(diagnostic.message)")
        continue
      }
      outcome.check(
        location.line >= 1 && location.line <= lines && location.column >= 1,
        "\(what) diagnostic at \(location.line):\(location.column) of \(lines) lines: \(diagnostic.message)")
      outcome.check(!diagnostic.message.isEmpty, "\(what) diagnostic \(diagnostic.code) without a message")
    }
  }

  /// The web page reader on the raw bytes, as `mandate import` and `mandate fetch` give them to it.
  static func page(html data: Data, _ outcome: inout Outcome) {
    let lines = lineBound(data)
    switch HTMLPage.read([UInt8](data)) {
    case .article(let article):
      outcome.values += 1
      outcome.check(!article.paragraphs.isEmpty, "page article without text")
      for paragraph in article.paragraphs {
        let ends = [paragraph.unicodeScalars.first, paragraph.unicodeScalars.last].compactMap { $0 }
        outcome.check(
          !ends.isEmpty && !ends.contains { $0.properties.isWhitespace },
          "page paragraph empty or not trimmed: \(paragraph.prefix(40))")
      }
      outcome.check(!article.text.contains("\u{0}"), "page text holds NUL")
      outcome.check(article.headline.map { !$0.isEmpty } ?? true, "page headline is empty")
      if let url = article.url, let scheme = URL(string: url)?.scheme?.lowercased() {
        outcome.check(scheme == "http" || scheme == "https", "page address with scheme \(scheme)")
      }
      if let day = article.published?.day {
        outcome.check((1990...2100).contains(day.year), "page published in \(day)")
      }
    case .cstoPage(let page, _, _):
      outcome.values += page.items.count
      outcome.check(page.items.allSatisfy { !$0.body.isEmpty }, "CSTO page item without text")
      for item in page.items {
        outcome.check(item.line >= 1 && item.line <= lines, "CSTO page item at line \(item.line) of \(lines)")
      }
      for warning in page.warnings {
        outcome.check(
          warning.line >= 1 && warning.line <= lines, "CSTO page warning at line \(warning.line) of \(lines)")
      }
    case .notArticle(let reason, let line):
      outcome.errors += 1
      outcome.check(!reason.isEmpty, "page rejected without a reason")
      outcome.check(line >= 1 && line <= lines, "page rejected at line \(line) of \(lines)")
    }
  }
}
