import CSV
import Foundation

/// CSV with a header row naming the JSONL fields (`date`, `title`, `body`, `url`, `source`,
/// `language`; any order and case). Parsing is CSV.swift's; a pre-scan finds the line each record
/// starts on and a quote that is never closed, which the library would silently run to the end.
struct CSVNewsReader: NewsReader {
  var formats: [ImportFormat] { [.csv] }

  static let columns = ["date", "title", "body", "text", "url", "source", "language"]

  func read(
    _ url: URL, file: String, item: (RawItem) throws -> Void, reject: (RejectedRecord) -> Void,
    warn: (ImportWarning) -> Void
  ) throws {
    let scan = try CSVScan.scan(url)
    guard let stream = InputStream(url: url) else {
      throw ImportError.unreadable(path: url.path, reason: "cannot open")
    }
    let reader: CSVReader
    do {
      reader = try CSVReader(stream: stream, hasHeaderRow: true)
    } catch {
      throw ImportError.malformed(path: file, line: 1, reason: "no header row")
    }
    let header = (reader.headerRow ?? []).map { $0.trimmingWhitespace.lowercased() }
    let unknown = header.filter { !Self.columns.contains($0) }
    guard header.contains("body") || header.contains("text") || header.contains("title") else {
      throw ImportError.malformed(
        path: file, line: 1,
        reason: "the header names no `title` or `body` column (found: \(header.joined(separator: ", ")))")
    }
    if !unknown.isEmpty, unknown.count == header.count {
      throw ImportError.malformed(path: file, line: 1, reason: "the header names none of the known columns")
    }
    var record = 1
    while let row = reader.next() {
      let line = record < scan.recordLines.count ? scan.recordLines[record] : scan.recordLines.last ?? 1
      record += 1
      if let unclosed = scan.unclosedQuoteLine, line >= unclosed {
        reject(
          RejectedRecord(
            file: file, line: unclosed,
            reason: "a quoted field opened here is never closed; the rest of the file was not read"))
        return
      }
      if row.count == 1, row[0].trimmingWhitespace.isEmpty { continue }
      if let quoteLine = scan.strayQuotes[record - 1] {
        reject(
          RejectedRecord(
            file: file, line: quoteLine,
            reason:
              "a quote inside a quoted field must be doubled (\"\"); the record starting on line \(line) was skipped"))
        continue
      }
      if row.count != header.count {
        reject(
          RejectedRecord(file: file, line: line, reason: "\(row.count) fields, but the header has \(header.count)"))
        continue
      }
      var fields: [String: String] = [:]
      for (name, value) in zip(header, row) { fields[name] = value }
      let parsed = JSONLReader.Line(
        date: fields["date"], title: fields["title"], body: fields["body"], text: fields["text"], url: fields["url"],
        source: fields["source"], language: fields["language"])
      switch JSONLReader.rawItem(parsed, position: line) {
      case .success(let raw): try item(raw)
      case .failure(let reason): reject(RejectedRecord(file: file, line: line, reason: reason.message))
      }
    }
    if let unclosed = scan.unclosedQuoteLine, record <= scan.recordLines.count {
      reject(
        RejectedRecord(
          file: file, line: unclosed,
          reason: "a quoted field opened here is never closed; the rest of the file was not read"))
    }
  }
}

/// A light pass over a CSV file that follows RFC 4180 quoting as CSV.swift reads it: where each
/// record starts, records with a quote that is neither doubled nor closing ("a "b" c"), and a
/// quoted field left open at the end of the file.
struct CSVScan {
  /// The 1-based line on which each record starts (the header is record 0).
  var recordLines: [Int] = []
  /// Records (by number) with a stray quote, and the line of the quote.
  var strayQuotes: [Int: Int] = [:]
  var unclosedQuoteLine: Int?

  private enum State {
    case fieldStart, unquoted, quoted, quoteInQuoted
  }

  static func scan(_ url: URL) throws -> CSVScan {
    var scan = CSVScan()
    var state = State.fieldStart
    var quoteOpenedOn = 0
    var inRecord = false
    try LineStream.forEachLine(of: url) { bytes, line in
      if state != .quoted && state != .quoteInQuoted {
        inRecord = false
      }
      if state == .quoteInQuoted {
        // A quote ended the previous line: it closed the field and the record.
        state = .fieldStart
        inRecord = false
      }
      for byte in bytes where byte != 0x0D {
        if !inRecord {
          scan.recordLines.append(line)
          inRecord = true
          state = .fieldStart
        }
        switch (state, byte) {
        case (.fieldStart, 0x22):
          state = .quoted
          quoteOpenedOn = line
        case (.fieldStart, 0x2C), (.unquoted, 0x2C): state = .fieldStart
        case (.fieldStart, _), (.unquoted, _): state = .unquoted
        case (.quoted, 0x22): state = .quoteInQuoted
        case (.quoted, _): break
        case (.quoteInQuoted, 0x22): state = .quoted  // "" is an escaped quote
        case (.quoteInQuoted, 0x2C): state = .fieldStart
        case (.quoteInQuoted, _):
          let record = scan.recordLines.count - 1
          if scan.strayQuotes[record] == nil { scan.strayQuotes[record] = line }
          state = .quoted
        }
      }
      if !inRecord && state != .quoted {
        // An empty line is a record of its own for the reader; keep the numbering in step.
        scan.recordLines.append(line)
      }
    }
    if state == .quoted { scan.unclosedQuoteLine = quoteOpenedOn }
    return scan
  }
}
