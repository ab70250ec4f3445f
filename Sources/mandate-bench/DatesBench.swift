import Foundation
import MandateKit

/// The date extractor on 100,000 synthetic 1,000-character bodies, with and without a leading
/// date: the importer runs it on every item.
enum DatesBench {
  static func run(_ arguments: [String]) throws {
    let count = Int(Measure.option("--count", in: arguments) ?? "100000") ?? 100_000
    let plain = bodies(count: count)
    let dated = plain.map { "On 11 March 2023, " + $0 }
    var found = 0
    let withoutDate = (0..<3).map { _ in
      Measure.seconds {
        for body in plain where DateExtractor.eventDate(in: body, referenceDate: nil) != nil { found += 1 }
      }
    }.min()!
    let withDate = (0..<3).map { _ in
      Measure.seconds {
        for body in dated where DateExtractor.eventDate(in: body, referenceDate: nil) != nil { found += 1 }
      }
    }.min()!
    let megabytes = Double(plain.reduce(0) { $0 + $1.utf8.count }) / 1_048_576
    print(
      String(
        format: "case dates bodies %d mb %.1f without_date_seconds %.3f with_date_seconds %.3f found %d", count,
        megabytes, withoutDate, withDate, found))
  }

  /// Deterministic pseudo-news bodies of about 1,000 characters, with numbers but no dates.
  static func bodies(count: Int) -> [String] {
    let words = [
      "the", "CSTO", "member", "states", "and", "of", "on", "security", "defense", "ministers", "meeting", "forces",
      "views", "situation", "Almaty", "Minsk", "joint", "staff", "military", "cooperation", "as", "a", "discussed",
      "operational", "agreement", "with", "exercise", "peacekeeping", "collective", "Secretary", "General",
      "Moscow", "Dushanbe", "Bishkek", "Yerevan", "Astana", "delegation", "session", "annual", "anti-drug",
      "operation", "Channel", "also", "noted", "matters", "drafts", "documents", "signed", "adopted", "approved",
      "mandate", "1,500", "12", "participants", "MILEX-2023", "Interaction-2021", "№", "«Rubezh»", "сотрудничество",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    return (0..<count).map { _ in
      var body = ""
      while body.utf8.count < 1_000 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        body += words[Int(state >> 33) % words.count]
        body += (state >> 20) % 9 == 0 ? ". " : " "
      }
      return body
    }
  }

}
