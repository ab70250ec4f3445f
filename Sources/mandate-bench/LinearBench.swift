import Foundation
import MandateKit

/// Hostile inputs that once had timed tests: each is read at one size and at twice that size, and
/// the line gives both times and their ratio (about 2 when the work grows linearly, 4 when it is
/// quadratic). The tests check what comes out; how long it takes is this benchmark's figure.
enum LinearBench {
  static func run(_ arguments: [String]) throws {
    let scale = Int(Measure.option("--scale", in: arguments) ?? "1") ?? 1
    // 20,000 paragraphs of HTML with entities, as a feed item's or a page's body.
    measure("html-paragraphs", units: 20_000 * scale) { count in
      _ = HTMLText.plainText(String(repeating: "<p>word &amp; &unknownentity <i>x</i></p>", count: count))
    }
    // A comment before the root with many near-misses for the prolog's searches (450,000 units: 4.5 MB).
    measure("feed-prolog", units: 450_000 * scale) { count in
      let comment = "<!--" + String(repeating: "<!ENT x - ", count: count) + "-->\n"
      _ = try? FeedParser.parse(Data((comment + "<rss><channel><item><title>t</title></item></channel></rss>").utf8))
    }
    // A megabyte of text without a date, and a megabyte of one unit that nearly starts a date.
    let unit = "The CSTO member states discussed security matters, 1,500 troops and MILEX-2023 exhibits. "
    measure("dates-none", units: 1_048_576 / unit.utf8.count * scale) { count in
      let text = String(repeating: unit, count: count)
      _ = DateExtractor.eventDate(in: text, referenceDate: nil)
      _ = DateExtractor.saysToday(text)
    }
    for near in ["1-", "on 1 May ", "30 February 2024 "] {
      measure(
        "dates-repeated-\(near.replacingOccurrences(of: " ", with: "_"))", units: 1_048_576 / near.utf8.count * scale
      ) { count in
        let text = String(repeating: near, count: count)
        _ = DateExtractor.mentions(in: text, referenceDate: nil)
      }
    }
    // A YAML alias bomb, 13 levels of 20: refused at the first alias, whatever the depth.
    measure("yaml-alias-bomb", units: 12 * scale) { count in
      var text = "a: &a [" + Array(repeating: "\"lol\"", count: 20).joined(separator: ",") + "]\n"
      for level in 0..<count {
        text +=
          "n\(level + 1): &n\(level + 1) ["
          + Array(repeating: "*\(level == 0 ? "a" : "n\(level)")", count: 20)
          .joined(separator: ",") + "]\n"
      }
      _ = MandateLoader().load(text: text, file: "bomb.yaml")
    }
  }

  /// Times `body` at `units` and at twice as many (best of three each).
  static func measure(_ name: String, units: Int, _ body: (Int) -> Void) {
    let once = (0..<3).map { _ in Measure.seconds { body(units) } }.min()!
    let twice = (0..<3).map { _ in Measure.seconds { body(units * 2) } }.min()!
    print(
      String(
        format: "case linear-%@ units %d seconds %.4f double_seconds %.4f growth %.2f", name, units, once, twice,
        twice / max(once, 1e-9)))
  }
}
