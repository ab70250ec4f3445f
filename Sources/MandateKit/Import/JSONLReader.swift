import Foundation

/// JSON Lines: one object per line with `date`, `title`, `body`, and optional `url`, `source`,
/// `language`; `date` may be a day (`2024-04-10`, or a timestamp starting so), a month
/// (`2024-04`) or a year (`2024`).
struct JSONLReader: NewsReader {
  var formats: [ImportFormat] { [.jsonl] }

  /// Longer lines are rejected without being read into memory: no news item is this long, and a
  /// file that is one huge line is not JSON Lines.
  static let maximumLineBytes = 8 << 20

  struct Line: Decodable {
    var date: String?
    var title: String?
    var body: String?
    var text: String?
    var url: String?
    var source: String?
    var language: String?
  }

  /// Lines decoded at a time: enough to keep both cores busy, few enough that the lines and
  /// their items in flight stay a few megabytes.
  static let batchSize = 1024

  func read(
    _ url: URL, file: String, item: (RawItem) throws -> Void, reject: (RejectedRecord) -> Void,
    warn: (ImportWarning) -> Void
  ) throws {
    // Lines are decoded in batches on all cores; items and rejections keep the file's order.
    var batch: [(bytes: [UInt8], number: Int)] = []
    func flush() throws {
      let results = Parallel.map(batch) { line in Self.parse(line.bytes, position: line.number) }
      for (line, result) in zip(batch, results) {
        switch result {
        case .success(let raw): try item(raw)
        case .failure(let reason): reject(RejectedRecord(file: file, line: line.number, reason: reason.message))
        }
      }
      batch.removeAll(keepingCapacity: true)
    }
    try LineStream.forEachLine(
      of: url, maximumLength: Self.maximumLineBytes,
      tooLong: { number, length in
        try flush()
        let megabytes = String(format: "%.1f", Double(length) / 1_048_576)
        reject(
          RejectedRecord(
            file: file, line: number,
            reason: "the line is \(megabytes) MB long; a news item may have at most \(Self.maximumLineBytes >> 20) MB"))
      }
    ) { bytes, number in
      if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
      batch.append((Array(bytes), number))
      if batch.count == Self.batchSize { try flush() }
    }
    try flush()
  }

  /// One line: JSON into a raw item, or the reason it cannot be one.
  static func parse(_ bytes: [UInt8], position: Int) -> Result<RawItem, Reason> {
    if let bad = TextFile.firstInvalidUTF8(bytes) {
      return .failure(Reason(message: "not valid UTF-8 (byte \(bad + 1) of the line)"))
    }
    let line: Line
    do {
      line = try JSONDecoder().decode(Line.self, from: Data(bytes))
    } catch {
      return .failure(Reason(message: describe(error)))
    }
    return rawItem(line, position: position)
  }

  struct Reason: Error {
    var message: String
  }

  static func rawItem(_ line: Line, position: Int) -> Result<RawItem, Reason> {
    let title = line.title?.trimmingWhitespace ?? ""
    let body = (line.body ?? line.text)?.trimmingWhitespace ?? ""
    if title.isEmpty && body.isEmpty { return .failure(Reason(message: "neither `title` nor `body` has text")) }
    var published: Day?
    var precision = DatePrecision.none
    if let text = line.date?.trimmingWhitespace, !text.isEmpty {
      guard let parsed = PublishedDate.parse(text) else {
        return .failure(
          Reason(message: "`date` is not a date: \"\(text.prefix(40))\" (expected YYYY-MM-DD, YYYY-MM or YYYY)"))
      }
      (published, precision) = parsed
    }
    return .success(
      RawItem(
        title: title.isEmpty ? nil : title, body: body, url: line.url, published: published,
        publishedPrecision: precision, language: line.language, role: .item, position: position))
  }

  static func describe(_ error: Error) -> String {
    if let decoding = error as? DecodingError {
      switch decoding {
      case .typeMismatch(_, let context), .valueNotFound(_, let context):
        let key = context.codingPath.map(\.stringValue).joined(separator: ".")
        return key.isEmpty ? "not a JSON object" : "`\(key)` must be text"
      case .dataCorrupted(let context):
        if context.codingPath.isEmpty { return "not a JSON object" }
        return "bad value at `\(context.codingPath.map(\.stringValue).joined(separator: "."))`"
      case .keyNotFound(let key, _):
        return "missing `\(key.stringValue)`"
      @unknown default:
        return "not a JSON object"
      }
    }
    return "not a JSON object"
  }
}

/// Dates that files give for their items.
enum PublishedDate {
  /// A day (`2024-04-10`, or a timestamp starting so), a month (`2024-04`) or a year (`2024`).
  static func parse(_ text: String) -> (Day, DatePrecision)? {
    if text.count >= 10, let day = Day(iso: text.prefix(10)) {
      let rest = text.dropFirst(10)
      if rest.isEmpty || rest.first == "T" || rest.first == " " { return (day, .day) }
      return nil
    }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
      let day = Day(year: year, month: month, day: 1)
    {
      return (day, .month)
    }
    if parts.count == 1, text.count == 4, let year = Int(text), let day = Day(year: year, month: 1, day: 1) {
      return (day, .year)
    }
    return nil
  }
}

/// Reads a file line by line in large chunks, so that its size does not matter.
enum LineStream {
  static let chunkSize = 4 << 20

  /// Calls `body` with each line's bytes (without the newline) and its 1-based number. A line
  /// longer than `maximumLength` is not kept in memory: it is skipped, and `tooLong` gets its
  /// number and length.
  static func forEachLine(
    of url: URL, maximumLength: Int = .max, tooLong: (_ number: Int, _ length: Int) throws -> Void = { _, _ in },
    _ body: (ArraySlice<UInt8>, Int) throws -> Void
  ) throws {
    guard let handle = FileHandle(forReadingAtPath: url.path) else {
      throw ImportError.unreadable(path: url.path, reason: "cannot open")
    }
    defer { try? handle.close() }
    var carry: [UInt8] = []
    // The first bytes of `carry` known to hold no newline, so that a long line is searched once.
    var searched = 0
    // The length so far of an overlong line being skipped.
    var skipping: Int?
    var number = 0
    while true {
      let chunk: Data
      do {
        chunk = try handle.read(upToCount: chunkSize) ?? Data()
      } catch {
        throw ImportError.unreadable(path: url.path, reason: TextFile.describe(error))
      }
      if chunk.isEmpty { break }
      carry.append(contentsOf: chunk)
      var start = 0
      while let newline = carry[(start + searched)...].firstIndex(of: 0x0A) {
        number += 1
        let length = newline - start + (skipping ?? 0)
        if length > maximumLength {
          try tooLong(number, length)
        } else {
          try body(carry[start..<newline], number)
        }
        skipping = nil
        start = newline + 1
        searched = 0
      }
      carry.removeFirst(start)
      if skipping != nil || carry.count > maximumLength {
        skipping = (skipping ?? 0) + carry.count
        carry.removeAll(keepingCapacity: true)
      }
      searched = carry.count
    }
    if let skipping {
      try tooLong(number + 1, skipping)
    } else if !carry.isEmpty {
      number += 1
      try body(carry[...], number)
    }
  }
}
