import Foundation
import MandateKit

/// Reading saved web pages: text, headline and publication day on a corpus with expected outputs (the
/// readability test pages: `source.html`, `expected.html`, `expected-metadata.json` per folder), and the
/// time to read them all.
///
/// Text is scored as `../shared/bench/baseline_extract.py --score` scores trafilatura: word 4-shingles
/// (words as Python's `\w+` of the lowercased text), counted with repetition and summed over all pages
/// before precision, recall and F1. That script reads `expected.html` through lxml without a charset, so
/// as Latin-1, which garbles every non-ASCII word of the reference; `text_f1` reproduces that to be
/// comparable, `text_f1_utf8` scores against the reference read right. A page the reader rejects as
/// not an article scores as empty text.
enum PagesBench {
  struct Page {
    var name: String
    var source: [UInt8]
    var expected: [UInt8]?
    var title: String?
    var published: String?
  }

  static func run(_ arguments: [String]) throws {
    guard let corpus = Measure.option("--corpus", in: arguments) else {
      throw BenchError.failed("pages needs --corpus DIR (the readability test pages)")
    }
    let runs = Int(Measure.option("--runs", in: arguments) ?? "3") ?? 3
    let verbose = arguments.contains("--verbose")
    var pages = try load(URL(fileURLWithPath: corpus))
    if let only = Measure.option("--only", in: arguments) {
      pages = pages.filter { $0.name == only }
      if case .article(let article)? = pages.first.map({ HTMLPage.read($0.source) }) {
        print(
          "headline: \(article.headline ?? "-")\nurl: \(article.url ?? "-")\npublished: \(String(describing: article.published))"
        )
        print("language: \(article.language ?? "-") charset: \(article.charset)\n---\n\(article.text)\n---")
      }
    }
    var outcomes: [PageOutcome] = []
    var times: [Double] = []
    for _ in 0..<max(1, runs) {
      times.append(Measure.seconds { outcomes = pages.map { HTMLPage.read($0.source) } })
    }
    var published = ShingleScore()
    var utf8 = ShingleScore()
    var titles = (right: 0, siteName: 0, total: 0)
    var days = (right: 0, total: 0)
    var rejected = 0
    for (page, outcome) in zip(pages, outcomes) {
      var text = ""
      var headline: String?
      var day: String?
      switch outcome {
      case .article(let article):
        (text, headline, day) = (article.text, article.headline, article.published?.day.description)
      case .cstoPage(let csto, _, _):
        (text, headline, day) = (csto.main?.body ?? "", csto.main?.title, csto.main?.pageDate?.description)
      case .notArticle(let reason, _):
        rejected += 1
        if verbose { print("  \(page.name): rejected: \(reason)") }
      }
      var line = "  \(page.name):"
      if let expected = page.expected {
        let f1 = published.add(
          expected: HTMLPage.allText(expected, latin1: true), extracted: text)
        let right = utf8.add(expected: HTMLPage.allText(expected, latin1: false), extracted: text)
        line += String(format: " f1 %.2f utf8 %.2f", f1, right)
      }
      if let title = page.title {
        titles.total += 1
        let right = collapse(title) == collapse(headline ?? "")
        if right { titles.right += 1 }
        if !right, let headline, differsBySiteName(expected: collapse(title), headline: collapse(headline)) {
          titles.siteName += 1
          line += " title without the site name"
        } else {
          line += right ? " title ok" : " title \"\(headline ?? "")\" != \"\(title)\""
        }
      }
      if let expectedDay = page.published {
        days.total += 1
        let right = day == String(expectedDay.prefix(10))
        if right { days.right += 1 }
        line += right ? " day ok" : " day \(day ?? "none") != \(expectedDay.prefix(10))"
      }
      if verbose { print(line) }
    }
    print(
      String(
        format:
          "case pages pages %d seconds %.3f text_f1 %.3f precision %.3f recall %.3f text_f1_utf8 %.3f titles %d/%d titles_but_site_name %d days %d/%d rejected %d",
        pages.count, Measure.median(times), published.f1, published.precision, published.recall, utf8.f1,
        titles.right, titles.total, titles.siteName, days.right, days.total, rejected))
  }

  /// Whether the expected title is the headline plus a segment naming the site ("Headline | Site",
  /// "Site: Headline"), which the reader takes off on purpose.
  static func differsBySiteName(expected: String, headline: String) -> Bool {
    guard !headline.isEmpty, expected.count > headline.count else { return false }
    let separators: Set<Character> = ["|", "-", "–", "—", ":", "·", "/", "»", "_", "[", "(", "•", "\\"]
    if expected.hasPrefix(headline) {
      let rest = expected.dropFirst(headline.count).trimmingCharacters(in: .whitespaces)
      return rest.first.map(separators.contains) ?? false
    }
    if expected.hasSuffix(headline) {
      let rest = expected.dropLast(headline.count).trimmingCharacters(in: .whitespaces)
      return rest.last.map(separators.contains) ?? false
    }
    return false
  }

  static func collapse(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// Every folder holding `source.html`, in name order, with what is expected of it.
  static func load(_ corpus: URL) throws -> [Page] {
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
    var pages: [Page] = []
    for name in names {
      let folder = corpus.appendingPathComponent(name)
      guard let source = try? Data(contentsOf: folder.appendingPathComponent("source.html")) else { continue }
      let expected = try? Data(contentsOf: folder.appendingPathComponent("expected.html"))
      var title: String?
      var published: String?
      if let data = try? Data(contentsOf: folder.appendingPathComponent("expected-metadata.json")),
        let metadata = try JSONSerialization.jsonObject(with: data) as? [String: Any]
      {
        title = metadata["title"] as? String
        published = (metadata["publishedTime"] as? String).flatMap { $0.isEmpty ? nil : $0 }
      }
      pages.append(
        Page(
          name: name, source: [UInt8](source), expected: expected.map { [UInt8]($0) }, title: title,
          published: published))
    }
    return pages
  }
}

/// Word 4-shingle counts summed over pages (micro-averaged precision, recall and F1).
struct ShingleScore {
  var truePositives = 0
  var falsePositives = 0
  var falseNegatives = 0

  var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
  var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
  var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

  /// Adds one page and returns its own F1.
  @discardableResult
  mutating func add(expected: String, extracted: String) -> Double {
    let want = Self.shingles(expected)
    let got = Self.shingles(extracted)
    var common = 0
    for (shingle, count) in got { common += min(count, want[shingle] ?? 0) }
    let gotTotal = got.values.reduce(0, +)
    let wantTotal = want.values.reduce(0, +)
    truePositives += common
    falsePositives += gotTotal - common
    falseNegatives += wantTotal - common
    let p = Double(common) / Double(max(1, gotTotal))
    let r = Double(common) / Double(max(1, wantTotal))
    return p + r == 0 ? 0 : 2 * p * r / (p + r)
  }

  /// Python's `Counter(tuple(w[i:i+4]) ...)` over `re.findall(r"\w+", text.lower())`.
  static func shingles(_ text: String) -> [[String]: Int] {
    let words = self.words(text.lowercased())
    guard !words.isEmpty else { return [:] }
    var counts: [[String]: Int] = [:]
    for start in 0..<max(1, words.count - 3) {
      counts[Array(words[start..<min(start + 4, words.count)]), default: 0] += 1
    }
    return counts
  }

  /// Runs of what Python's `\w` matches: letters, numbers and the underscore (not combining marks).
  static func words(_ text: String) -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isWordScalar(scalar) {
        current.append(scalar)
      } else if !current.isEmpty {
        words.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    if !current.isEmpty { words.append(String(current)) }
    return words
  }

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == "_" { return true }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
      .letterNumber, .otherNumber:
      return true
    default:
      return false
    }
  }
}
