import Foundation
import Testing

@testable import MandateKit

private func day(_ iso: String) -> Day { Day(iso: iso)! }

private func dating(
  _ text: String, title: String? = nil, published: String?, precision: DatePrecision = .day, reference: String? = nil
) -> EventDating {
  EventDating.date(
    title: title, text: text, published: published.map(day), publishedPrecision: precision,
    referenceDate: reference.map(day))
}

@Suite("EventDating: a dated item is re-dated only by the day of its event")
struct EventDatingTests {
  static let issueText =
    "The ministers adopted the plan of joint exercises for 2025 and recalled the Collective Security Treaty "
    + "signed in 1992."

  @Test func aPlanYearAndAPastTreatyDoNotReDate() {
    #expect(
      dating(Self.issueText, published: "2024-05-31")
        == EventDating(start: day("2024-05-31"), precision: .day, basis: .published))
    // Without a source date the text is all there is, and neither mention is this event's date.
    #expect(dating(Self.issueText, published: nil) == EventDating(start: nil, precision: .none, basis: .none))
  }

  @Test func theDayTheEventHappenedReDates() {
    #expect(
      dating("On 23 May 2024, the Council met in Astana.", published: "2024-05-31")
        == EventDating(start: day("2024-05-23"), precision: .day, basis: .text, evidence: "On 23 May 2024"))
    let range = dating("From 28 to 30 May 2024, the exercise took place.", published: "2024-05-29")
    #expect(range.start == day("2024-05-28") && range.end == day("2024-05-30") && range.basis == .text)
    // A yearless day takes its year from the source's date.
    #expect(dating("On 28 December, the Council met.", published: "2024-01-05").start == day("2023-12-28"))
    // The title says it when the text does not.
    let titled = dating("The Council met.", title: "Council met on 20 May 2024", published: "2024-05-31")
    #expect(titled.basis == .title && titled.start == day("2024-05-20"))
  }

  @Test(arguments: [
    "The exercise will be held in 2024.",
    "Exercises were held in May 2024.",
    "The next summit will be held on 10 October 2024.",
    "The Organization has worked on this since 10 April 2003.",
    "The mission was founded on 7 October 2002.",
    "The exercise is to be completed by 1 June 2024.",
    "Under the decision of 23 November 2022, troops arrived.",
    "The meeting took place today.",
  ])
  func vaguerLaterOrOlderMentionsDoNotReDate(_ text: String) {
    #expect(
      dating(text, published: "2024-05-31") == EventDating(start: day("2024-05-31"), precision: .day, basis: .published)
    )
  }

  @Test func theFirstMentionThatQualifiesWins() {
    let text = "The next summit will be held on 10 October 2024. On 20 May 2024 the ministers met in Minsk."
    #expect(dating(text, published: "2024-05-31").start == day("2024-05-20"))
    #expect(dating(text, published: "2024-05-31").evidence == "On 20 May 2024")
  }

  @Test func theLookBackWindowIsSixtyDays() {
    #expect(dating("On 1 April 2024, the Council met.", published: "2024-05-31").start == day("2024-04-01"))
    #expect(dating("On 31 March 2024, the Council met.", published: "2024-05-31").basis == .published)
    // A day after publication is allowed by one day, for time zones.
    #expect(dating("On 1 June 2024, the Council met.", published: "2024-05-31").start == day("2024-06-01"))
    #expect(dating("On 2 June 2024, the Council met.", published: "2024-05-31").basis == .published)
  }

  @Test func aMonthOrYearSourceIsRefinedByFinerMentions() {
    #expect(
      dating("On 3 May 2024, the Council met.", published: "2024-05-01", precision: .month).start == day("2024-05-03"))
    #expect(
      dating("On 31 May 2024, the Council met.", published: "2024-05-01", precision: .month).precision == .day)
    let sameMonth = dating("Exercises were held in May 2024.", published: "2024-05-01", precision: .month)
    #expect(sameMonth == EventDating(start: day("2024-05-01"), precision: .month, basis: .published))
    let month = dating("Exercises were held in April 2024.", published: "2024-01-01", precision: .year)
    #expect(month == EventDating(start: day("2024-04-01"), precision: .month, basis: .text, evidence: "in April 2024"))
    #expect(dating("Held in 2024.", published: "2024-01-01", precision: .year).basis == .published)
  }

  @Test func anUndatedItemTakesAnyMentionThatIsNotAReference() {
    #expect(dating("Ten exercises are planned in 2024.", published: nil).precision == .year)
    #expect(dating("Talks on 10 March ended.", published: nil, reference: "2024-03-12").start == day("2024-03-10"))
    #expect(dating("Talks on 10 March ended.", published: nil).basis == .none)
  }
}

@Suite("DateExtractor: bounds and past events are references")
struct DateExtractorBoundTests {
  @Test(arguments: [
    ("recalled the Collective Security Treaty signed in 1992", true),
    ("the Agreement ratified in April 2024 by the parties", true),
    ("The agreement was signed in April 2024.", false),
    ("The Organization has worked on this since 10 April 2003.", true),
    ("The exhibition runs until 14 March 2024.", true),
    ("The exercise is to be completed by 1 June 2024.", true),
    ("Reports are due before 1 June 2024.", true),
    ("Since April 2024 the centre has been open.", true),
    ("The centre opened in April 2024.", false),
  ])
  func classification(_ text: String, _ isReference: Bool) {
    let mentions = DateExtractor.mentions(in: text, referenceDate: nil)
    #expect(mentions.count == 1)
    #expect(mentions.first?.isReference == isReference)
  }
}

@Suite struct EventDatingImportTests {
  @Test func aJSONLItemKeepsItsDayWhenTheTextNamesAPlanYearAndAPastTreaty() throws {
    let scratch = try ScratchWorkspace()
    let line = #"{"date": "2024-05-31", "title": "Ministers meet", "body": "\#(EventDatingTests.issueText)"}"#
    let file = try scratch.folder.file("news.jsonl", line + "\n")
    let report = try scratch.importFiles([file])
    #expect(report.newEvents == 1 && report.newUndated == 0)
    let event = try #require(try scratch.index().events(EventQuery()).first)
    #expect(event.date == day("2024-05-31"))
    #expect(event.datePrecision == .day)
    #expect(event.dateBasis == .published)
    #expect(try scratch.recordFiles().keys.sorted() == ["2024-05.jsonl"])
  }
}
