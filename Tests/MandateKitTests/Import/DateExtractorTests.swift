import Foundation
import Testing

@testable import MandateKit

private func day(_ iso: String) -> Day { Day(iso: iso)! }

private func event(_ text: String, _ reference: String? = nil) -> DateMention? {
  DateExtractor.eventDate(in: text, referenceDate: reference.map(day))
}

private func all(_ text: String, _ reference: String? = nil) -> [DateMention] {
  DateExtractor.mentions(in: text, referenceDate: reference.map(day))
}

/// The scalar offset of `needle` in `text`, computed independently of the extractor.
private func scalarOffset(of needle: String, in text: String) -> Int {
  let range = text.range(of: needle)!
  return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
}

@Suite("DateExtractor: real seed texts")
struct DateExtractorSeedTests {
  @Test func militaryCommitteeTodayHasNoDate() {
    let text =
      "The 23rd meeting of the Military Committee on military cooperation development among the CSTO member "
      + "states under the supervision of the Chairman of the Military Committee, Chief of the General Staff of the "
      + "Armed Forces of the Russian Federation - First Deputy Minister of Defense of the Russian Federation, Army "
      + "General Valery Gerasimov, took place today via videoconferencing."
    #expect(event(text) == nil)
    #expect(all(text).isEmpty)
    #expect(DateExtractor.saysToday(text))
  }

  @Test func seminarRangeAtStart() {
    let text =
      "From April 8 to 11, 2024, the XXI International Seminar-Meeting on Combined Martial Arts with the heads of "
      + "combat and physical training of the security ministries and agencies of the CSTO member states took place "
      + "at the Park Hotel \"Horizon\", Odintsovo District, Moscow Region."
    #expect(
      event(text)
        == DateMention(
          start: day("2024-04-08"), end: day("2024-04-11"), precision: .day, text: "From April 8 to 11, 2024",
          offset: 0))
  }

  @Test func workingGroupOnAfghanistan() {
    let text =
      "On 10 April 2024, the 39th meeting of the Working Group on Afghanistan under the CSTO Ministerial Council "
      + "was held ..."
    #expect(event(text) == DateMention(start: day("2024-04-10"), precision: .day, text: "On 10 April 2024", offset: 0))
  }

  @Test func secretariatMetGraduates() {
    let text = "On 25 July 2024, staff of the CSTO Secretariat met with graduates ..."
    #expect(event(text) == DateMention(start: day("2024-07-25"), precision: .day, text: "On 25 July 2024", offset: 0))
  }

  @Test func debateHeldAtSecurityCouncil() {
    let text =
      "The CSTO Secretary General Imangali Tasmagambetov took part in the debate on “UN cooperation with regional "
      + "organizations: the CSTO, the CIS and the SCO” held on 19 July 2024 at the UN Security Council."
    let found = event(text)
    #expect(found?.start == day("2024-07-19"))
    #expect(found?.text == "on 19 July 2024")
    #expect(found?.isReference == false)
    #expect(found?.offset == scalarOffset(of: "on 19 July", in: text))
  }

  static let milex =
    "On May 17, in Minsk, Colonel General Anatoly Sidorov, Chief of the CSTO Joint Staff, took part in the "
    + "activities of the ХI International Exhibition of Armament and Military Equipment \"MILEX-2023\", held in Minsk."

  @Test func yearlessDateUsesReferenceDate() {
    #expect(
      event(Self.milex, "2023-05-18")
        == DateMention(start: day("2023-05-17"), precision: .day, text: "On May 17", offset: 0, yearInferred: true))
  }

  @Test func yearlessDateWithoutReferenceDateIsDropped() {
    #expect(event(Self.milex) == nil)
    #expect(all(Self.milex).isEmpty)
  }

  static let training =
    "In the period from 12 to 13 March 2024, in the Collective Security Treaty Organization, a strategic command "
    + "and staff training is being conducted with the CSTO Crisis Response Centre. The training is held in "
    + "accordance with the decision \"On measures to develop the CSTO crisis response system\" adopted by the "
    + "CSTO Collective Security Council on 23 November 2023."

  @Test func trainingRangeThenAdoptedDecision() {
    #expect(
      event(Self.training)
        == DateMention(
          start: day("2024-03-12"), end: day("2024-03-13"), precision: .day,
          text: "In the period from 12 to 13 March 2024", offset: 0))
    let mentions = all(Self.training)
    #expect(mentions.count == 2)
    #expect(mentions.last?.start == day("2023-11-23"))
    #expect(mentions.last?.text == "on 23 November 2023")
    #expect(mentions.last?.isReference == true)
    #expect(mentions.first?.isReference == false)
  }

  @Test func prioritiesReferencesAreNotEvents() {
    let text =
      "The CSTO cooperation with interested countries and international organizations, including on the basis of "
      + "the Joint Declaration on Cooperation between the CSTO and UN Secretariats of 18 March 2010; - deepening "
      + "cooperation on peacekeeping in accordance with the plan approved by the CSTO CSC decision of 23 November "
      + "2022."
    #expect(event(text) == nil)
    let mentions = all(text)
    #expect(mentions.map(\.start) == [day("2010-03-18"), day("2022-11-23")])
    #expect(mentions.allSatisfy { $0.isReference })
  }

  @Test func chairmanshipTitleIsAYear() {
    let text =
      "Priorities of the Republic of Kazakhstan Chairmanship in the Collective Security Treaty Organization in 2024"
    #expect(
      event(text)
        == DateMention(
          start: day("2024-01-01"), precision: .year, text: "in 2024", offset: scalarOffset(of: "in 2024", in: text)))
  }

  @Test func firstNonReferenceMentionWins() {
    let text =
      "The meeting of the Military Committee on the development of military cooperation of the Collective Security "
      + "Treaty Organization member States has been held via videoconferencing on December 8, 2021. The Russian "
      + "side presented the priorities it intends to pursue during its presidency in the Organization in 2022."
    #expect(event(text)?.start == day("2021-12-08"))
    #expect(event(text)?.text == "on December 8, 2021")
    #expect(all(text).map(\.start) == [day("2021-12-08"), day("2022-01-01")])
    #expect(all(text).map(\.precision) == [.day, .year])
  }

  @Test func titleWithYearlessDate() {
    let text =
      "The Military Committee meeting on the development of military cooperation of the CSTO member States has "
      + "been held via videoconferencing on December 8"
    let found = event(text, "2021-12-08")
    #expect(found?.start == day("2021-12-08"))
    #expect(found?.yearInferred == true)
    #expect(found?.text == "on December 8")
    #expect(event(text) == nil)
  }

  @Test func syntheticCorpusBody() {
    #expect(event("On 11 March 2023, with forces views situation Almaty ...")?.start == day("2023-03-11"))
  }
}

@Suite("DateExtractor: formats")
struct DateExtractorFormatTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var text: String
    var start: String
    var span: String
    var testDescription: String { text }
  }

  static let days: [Case] = [
    .init(text: "The summit opened 10 April 2024 in Astana.", start: "2024-04-10", span: "10 April 2024"),
    .init(text: "It opened April 10, 2024 in Astana.", start: "2024-04-10", span: "April 10, 2024"),
    .init(text: "It opened April 10 2024 in Astana.", start: "2024-04-10", span: "April 10 2024"),
    .init(text: "It opened 10th April 2024.", start: "2024-04-10", span: "10th April 2024"),
    .init(text: "It opened April 10th, 2024.", start: "2024-04-10", span: "April 10th, 2024"),
    .init(text: "It opened on the 1st of May 2024.", start: "2024-05-01", span: "1st of May 2024"),
    .init(text: "It opened 2nd September 2024.", start: "2024-09-02", span: "2nd September 2024"),
    .init(text: "It opened 3RD JUNE 2024.", start: "2024-06-03", span: "3RD JUNE 2024"),
    .init(text: "it opened april 10, 2024.", start: "2024-04-10", span: "april 10, 2024"),
    .init(text: "It opened Apr. 10, 2024.", start: "2024-04-10", span: "Apr. 10, 2024"),
    .init(text: "It opened Apr 10, 2024.", start: "2024-04-10", span: "Apr 10, 2024"),
    .init(text: "It opened Sept. 5, 2023.", start: "2023-09-05", span: "Sept. 5, 2023"),
    .init(text: "It opened Sept 5, 2023.", start: "2023-09-05", span: "Sept 5, 2023"),
    .init(text: "It opened 5 Sep 2023.", start: "2023-09-05", span: "5 Sep 2023"),
    .init(text: "It opened 5 Jan. 2023.", start: "2023-01-05", span: "5 Jan. 2023"),
    .init(text: "It opened 29 February 2024.", start: "2024-02-29", span: "29 February 2024"),
    .init(text: "It opened 10 April, 2024.", start: "2024-04-10", span: "10 April, 2024"),
    .init(text: "It opened 10\u{00A0}April\u{00A0}2024.", start: "2024-04-10", span: "10\u{00A0}April\u{00A0}2024"),
    .init(text: "Astana, 10.04.2024. The summit opened.", start: "2024-04-10", span: "10.04.2024"),
    .init(text: "Published 1.4.2024 by the press service.", start: "2024-04-01", span: "1.4.2024"),
    .init(text: "Summit (2024-04-10) in Astana.", start: "2024-04-10", span: "2024-04-10"),
    .init(text: "Updated 2024-04-10T10:00:00Z", start: "2024-04-10", span: "2024-04-10"),
    .init(text: "On 10.04.2024 the summit opened.", start: "2024-04-10", span: "On 10.04.2024"),
    .init(text: "Wednesday, 10 April 2024: summit opens.", start: "2024-04-10", span: "Wednesday, 10 April 2024"),
    .init(text: "On Wednesday, 10 April 2024, it opened.", start: "2024-04-10", span: "On Wednesday, 10 April 2024"),
    .init(text: "On Wednesday April 10, 2024 it opened.", start: "2024-04-10", span: "On Wednesday April 10, 2024"),
    .init(text: "Встреча 10 апреля 2024 года в Астане.", start: "2024-04-10", span: "10 апреля 2024 года"),
    .init(text: "Встреча 10 апреля 2024 в Астане.", start: "2024-04-10", span: "10 апреля 2024"),
    .init(text: "Встреча 1 Декабря 2023 г. в Минске.", start: "2023-12-01", span: "1 Декабря 2023 г."),
  ]

  @Test(arguments: days)
  func singleDay(_ sample: Case) {
    let found = event(sample.text)
    #expect(found?.start == day(sample.start))
    #expect(found?.end == nil)
    #expect(found?.precision == .day)
    #expect(found?.text == sample.span)
    #expect(found?.yearInferred == false)
    #expect(found?.isReference == false)
    #expect(found?.offset == scalarOffset(of: sample.span, in: sample.text))
  }

  static let months: [Case] = [
    .init(text: "Exercises were held in April 2024 near Minsk.", start: "2024-04-01", span: "in April 2024"),
    .init(text: "April 2024: exercises near Minsk.", start: "2024-04-01", span: "April 2024"),
    .init(text: "Talks are planned in early April 2024.", start: "2024-04-01", span: "in early April 2024"),
    .init(text: "Talks are planned in late Dec. 2024.", start: "2024-12-01", span: "in late Dec. 2024"),
    .init(text: "Talks are planned in mid-April 2024.", start: "2024-04-01", span: "in mid-April 2024"),
    .init(text: "Talks continued during May 2023.", start: "2023-05-01", span: "during May 2023"),
    .init(text: "Talks continued at the end of May 2023.", start: "2023-05-01", span: "May 2023"),
  ]

  @Test(arguments: [
    (
      "The exercise will take place in September-October 2024 in Belarus.", "2024-09-01", "2024-10-31",
      "in September-October 2024"
    ),
    (
      "The report covers the period from January to March 2024.", "2024-01-01", "2024-03-31",
      "from January to March 2024"
    ),
    (
      "Talks held between November and December 2023 ended.", "2023-11-01", "2023-12-31",
      "between November and December 2023"
    ),
    ("Rotation in December – February 2024 is planned.", "2023-12-01", "2024-02-29", "in December – February 2024"),
  ])
  func monthRange(_ text: String, _ start: String, _ end: String, _ span: String) {
    let found = event(text)
    #expect(found?.start == day(start))
    #expect(found?.end == day(end))
    #expect(found?.precision == .month)
    #expect(found?.text == span)
  }

  @Test func monthToMonthNeedsFrom() {
    // Without "from", "to" does not join two months: only "March 2024" is a date here.
    let found = all("It moved January to March 2024.")
    #expect(found.map(\.text) == ["March 2024"])
    #expect(found.first?.end == nil)
  }

  @Test(arguments: months)
  func monthPrecision(_ sample: Case) {
    let found = event(sample.text)
    #expect(found?.start == day(sample.start))
    #expect(found?.end == nil)
    #expect(found?.precision == .month)
    #expect(found?.text == sample.span)
    #expect(found?.isReference == false)
  }

  static let years: [Case] = [
    .init(text: "The exercise will be held in 2024.", start: "2024-01-01", span: "in 2024"),
    .init(text: "In 2023 the Organization held 12 exercises.", start: "2023-01-01", span: "In 2023"),
    .init(text: "Exercises planned during 2025 include Cooperation.", start: "2025-01-01", span: "during 2025"),
    .init(text: "Training continued throughout 2022.", start: "2022-01-01", span: "throughout 2022"),
    .init(text: "Ten exercises are planned for 2024.", start: "2024-01-01", span: "for 2024"),
  ]

  @Test(arguments: years)
  func yearPrecision(_ sample: Case) {
    let found = event(sample.text)
    #expect(found?.start == day(sample.start))
    #expect(found?.precision == .year)
    #expect(found?.text == sample.span)
    #expect(found?.yearInferred == false)
  }

  @Test func monthNamesAllRecognised() {
    let names = [
      ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May", "May"), ("June", "Jun"),
      ("July", "Jul"), ("August", "Aug"), ("September", "Sep"), ("October", "Oct"), ("November", "Nov"),
      ("December", "Dec"),
    ]
    for (index, (full, short)) in names.enumerated() {
      let expected = Day(year: 2024, month: index + 1, day: 3)!
      #expect(event("Held 3 \(full) 2024.")?.start == expected, "\(full)")
      #expect(event("Held \(short) 3, 2024.")?.start == expected, "\(short)")
      #expect(event("Held 3 \(full.uppercased()) 2024.")?.start == expected, "\(full.uppercased())")
      #expect(event("Held \(full) 3 2024.")?.start == expected, "\(full) 3")
      #expect(event("Held \(full.lowercased()) 3, 2024.")?.start == expected, "\(full.lowercased())")
      #expect(event("In \(full) 2024.")?.precision == .month, "In \(full) 2024")
      #expect(event("In \(full) 2024.")?.start == Day(year: 2024, month: index + 1, day: 1)!, "In \(full) 2024")
      #expect(event("\(short) 3", "2024-01-05")?.text == "\(short) 3", "\(short) 3 at the end")
    }
  }

  @Test func russianMonthsAllRecognised() {
    let names = [
      "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
      "декабря",
    ]
    for (index, name) in names.enumerated() {
      #expect(event("Состоялось 3 \(name) 2024 года.")?.start == Day(year: 2024, month: index + 1, day: 3)!, "\(name)")
    }
  }

  @Test func yearDoesNotCrossALineBreak() {
    #expect(event("Held 10 April\n2024 was a busy year") == nil)
    #expect(event("Held 10 April\n2024 was a busy year", "2024-04-12")?.text == "10 April")
  }
}

@Suite("DateExtractor: year inference")
struct DateExtractorInferenceTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var text: String
    var reference: String
    var start: String
    var testDescription: String { "\(text) @ \(reference)" }
  }

  static let cases: [Case] = [
    .init(text: "On 7 February, the Council met.", reference: "2024-02-10", start: "2024-02-07"),
    .init(text: "on May 17 the staff met", reference: "2023-05-18", start: "2023-05-17"),
    .init(text: "On 28 December, the Council met.", reference: "2024-01-05", start: "2023-12-28"),
    .init(text: "The summit is due on 1 April.", reference: "2024-03-01", start: "2024-04-01"),
    .init(text: "The summit is due on 2 April.", reference: "2024-03-01", start: "2023-04-02"),
    .init(text: "The meeting on 10 March went well.", reference: "2024-03-10", start: "2024-03-10"),
    .init(text: "Talks on February 29 ended.", reference: "2025-01-10", start: "2024-02-29"),
    .init(text: "Talks on 5th June ended.", reference: "2024-06-06", start: "2024-06-05"),
  ]

  @Test(arguments: cases)
  func yearFromReferenceDate(_ sample: Case) {
    let found = event(sample.text, sample.reference)
    #expect(found?.start == day(sample.start))
    #expect(found?.yearInferred == true)
    #expect(found?.precision == .day)
  }

  @Test(arguments: cases)
  func noReferenceDateNoMention(_ sample: Case) {
    #expect(event(sample.text) == nil)
    #expect(all(sample.text).isEmpty)
  }

  @Test func impossibleInferredDayIsDropped() {
    // 29 February exists in neither 2023 nor 2022.
    #expect(event("Talks on 29 February ended.", "2023-03-10") == nil)
  }

  @Test func yearlessRangeAcrossNewYear() {
    let found = event("Held from 30 December to 2 January in Minsk.", "2024-01-05")
    #expect(found?.start == day("2023-12-30"))
    #expect(found?.end == day("2024-01-02"))
    #expect(found?.yearInferred == true)
  }
}

@Suite("DateExtractor: ranges")
struct DateExtractorRangeTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var text: String
    var reference: String? = nil
    var start: String
    var end: String
    var span: String
    var testDescription: String { text }
  }

  static let cases: [Case] = [
    .init(
      text: "From April 8 to 11, 2024, a seminar took place.", start: "2024-04-08", end: "2024-04-11",
      span: "From April 8 to 11, 2024"),
    .init(
      text: "The seminar ran from 8 to 11 April 2024 in Moscow.", start: "2024-04-08", end: "2024-04-11",
      span: "from 8 to 11 April 2024"),
    .init(
      text: "In the period from 12 to 13 March 2024, a training was held.", start: "2024-03-12",
      end: "2024-03-13", span: "In the period from 12 to 13 March 2024"),
    .init(
      text: "The seminar ran 8-11 April 2024 in Moscow.", start: "2024-04-08", end: "2024-04-11",
      span: "8-11 April 2024"),
    .init(
      text: "The seminar ran 8–11 April 2024 in Moscow.", start: "2024-04-08", end: "2024-04-11",
      span: "8–11 April 2024"),
    .init(
      text: "The seminar ran 8 — 11 April 2024 in Moscow.", start: "2024-04-08", end: "2024-04-11",
      span: "8 — 11 April 2024"),
    .init(
      text: "The seminar ran April 8-11, 2024 in Moscow.", start: "2024-04-08", end: "2024-04-11",
      span: "April 8-11, 2024"),
    .init(
      text: "The seminar ran from 30 March to 2 April 2024.", start: "2024-03-30", end: "2024-04-02",
      span: "from 30 March to 2 April 2024"),
    .init(
      text: "Held from December 30, 2023 to January 2, 2024 in Minsk.", start: "2023-12-30",
      end: "2024-01-02", span: "from December 30, 2023 to January 2, 2024"),
    .init(
      text: "Held from December 30 to January 2, 2024 in Minsk.", start: "2023-12-30", end: "2024-01-02",
      span: "from December 30 to January 2, 2024"),
    .init(
      text: "Drills from 12 to 13 March near Minsk.", reference: "2024-03-14", start: "2024-03-12",
      end: "2024-03-13", span: "from 12 to 13 March"),
    .init(
      text: "Drills between 12 and 14 March 2024 near Minsk.", start: "2024-03-12", end: "2024-03-14",
      span: "between 12 and 14 March 2024"),
    .init(
      text: "Drills from 12 until 14 March 2024 near Minsk.", start: "2024-03-12", end: "2024-03-14",
      span: "from 12 until 14 March 2024"),
    .init(
      text: "Drills 10.04.2024-12.04.2024 near Minsk.", start: "2024-04-10", end: "2024-04-12",
      span: "10.04.2024-12.04.2024"),
    .init(
      text: "Drills on 8-9 July 2024 near Minsk.", start: "2024-07-08", end: "2024-07-09",
      span: "on 8-9 July 2024"),
    .init(
      text: "Drills from 30 March 2024 to 2 April 2024.", start: "2024-03-30", end: "2024-04-02",
      span: "from 30 March 2024 to 2 April 2024"),
  ]

  static let more: [Case] = [
    .init(
      text: "Drills 10-11.04.2024 near Minsk.", start: "2024-04-10", end: "2024-04-11", span: "10-11.04.2024"),
    .init(
      text: "Drills on 8 and 9 April 2024 near Minsk.", start: "2024-04-08", end: "2024-04-09",
      span: "on 8 and 9 April 2024"),
    .init(
      text: "Учения с 8 по 11 апреля 2024 года прошли в Минске.", start: "2024-04-08", end: "2024-04-11",
      span: "с 8 по 11 апреля 2024 года"),
    .init(
      text: "Учения 8–11 апреля 2024 года прошли в Минске.", start: "2024-04-08", end: "2024-04-11",
      span: "8–11 апреля 2024 года"),
    .init(
      text: "С 30 марта по 2 апреля 2024 года", start: "2024-03-30", end: "2024-04-02",
      span: "С 30 марта по 2 апреля 2024 года"),
  ]

  @Test(arguments: cases + more)
  func range(_ sample: Case) {
    let found = event(sample.text, sample.reference)
    #expect(found?.start == day(sample.start))
    #expect(found?.end == day(sample.end))
    #expect(found?.precision == .day)
    #expect(found?.text == sample.span)
    #expect(found?.yearInferred == (sample.reference != nil))
    #expect(found?.offset == scalarOffset(of: sample.span, in: sample.text))
  }

  @Test func toWithoutFromIsNotARange() {
    let found = event("Moved April 8 to 11 May 2024 after talks.", "2024-04-20")
    #expect(found?.start == day("2024-04-08"))
    #expect(found?.end == nil)
    #expect(found?.text == "April 8")
  }

  @Test func backwardsRangeFallsBackToTheDate() {
    // "30 to 2 April" cannot be a range; "2 April 2024" is still a date.
    let found = event("Held from 30 to 2 April 2024.")
    #expect(found?.start == day("2024-04-02"))
    #expect(found?.end == nil)
  }

  @Test func dashToACountIsNotARange() {
    let found = event("Held on 10 April 2024 - 12 delegations attended.")
    #expect(found?.start == day("2024-04-10"))
    #expect(found?.end == nil)
    #expect(found?.text == "on 10 April 2024")
  }
}

@Suite("DateExtractor: things that are not dates")
struct DateExtractorNonDateTests {
  static let texts: [String] = [
    "The exhibition \"MILEX-2023\" opened with new armament.",
    "The CSTO exercise Interaction-2021 ended successfully.",
    "1,500 participants took part.",
    "2024 participants took part.",
    "Call +7 (7172) 55-12-34 or 8-800-100-20-30 for details.",
    "Order No. 12 was signed.",
    "Meeting on 10/04/2024 in Minsk.",
    "Growth of 10.5 percent in 12 regions.",
    "The session starts at 12:00 on the third floor.",
    "It opened 30 February 2024.",
    "It opened 31.04.2024.",
    "It opened 2024-02-30.",
    "It opened April 31, 2024.",
    "It opened 32 April 2024.",
    "It opened 0 April 2024.",
    "in 20245 cases",
    "budget for 2024-2025",
    "budget for 2024–25",
    "founded in 1850",
    "planned in 2200",
    "Su-27 fighters and A320 planes flew 10km.",
    "Marshal Ivanov and Mayor Smith met; Junes and Octavia attended.",
    "A 5-11 score in the match.",
    "Hall 10, 2024 seats.",
    "In April the drills resumed.",
    "Version 1.10.2024b released.",
  ]

  @Test(arguments: texts)
  func noMention(_ text: String) {
    #expect(event(text) == nil)
    #expect(all(text).isEmpty)
  }

  @Test func emptyText() {
    #expect(event("") == nil)
    #expect(all("", "2024-01-01").isEmpty)
    #expect(!DateExtractor.saysToday(""))
  }

  @Test func megabyteWithoutDateFindsNone() {
    let unit = "The CSTO member states discussed security matters, 1,500 troops and MILEX-2023 exhibits. "
    let text = String(repeating: unit, count: 1_048_576 / unit.utf8.count + 1)
    // Its speed is `mandate-bench linear`'s figure; here, that nothing is found.
    #expect(DateExtractor.eventDate(in: text, referenceDate: day("2024-01-01")) == nil)
    #expect(!DateExtractor.saysToday(text))
  }

  @Test(arguments: ["1-", "May ", "1 ", "from 1 to ", "on 1 May ", "the decision \"", "30 February 2024 ", "x"])
  func repetitiveMegabyteStaysLinear(_ unit: String) {
    let text = String(repeating: unit, count: 1_048_576 / unit.utf8.count)
    let count = DateExtractor.mentions(in: text, referenceDate: day("2024-05-10")).count
    _ = DateExtractor.eventDate(in: text, referenceDate: day("2024-05-10"))
    // Only "on 1 May " yields dates: one per repetition. (Its speed is `mandate-bench linear`'s figure.)
    #expect(count == (unit == "on 1 May " ? 1_048_576 / unit.utf8.count : 0))
  }

  @Test func nulBytesAndDirectionMarksDoNotBreakScanning() {
    let nul = "On 10\u{0}April 2024\u{0} and \u{0}11 April 2024"
    // A NUL separates words like a space would not: "10" stays apart from "April 2024", read as a month.
    #expect(all(nul).map(\.start) == [day("2024-04-01"), day("2024-04-11")])
    #expect(all(nul).map(\.precision) == [.month, .day])
    let marks = "\u{200F}On 10 April 2024\u{200F}, \u{202E}held\u{202C} 1\u{200F}2 May 2024 ...\u{0}"
    let found = all(marks)
    #expect(found.map(\.start) == [day("2024-04-10"), day("2024-05-02")])
    #expect(found.first?.offset == 1)
    #expect(found.first?.text == "On 10 April 2024")
  }

  @Test func truncatedInputsDoNotCrash() {
    let text = "From April 8 to 11, 2024 and 10.04.2024 and 2024-04-10 and 10 апреля 2024 года on 3rd"
    for cut in text.indices {
      _ = all(String(text[..<cut]), "2024-04-12")
      _ = DateExtractor.saysToday(String(text[..<cut]))
    }
    #expect(all(text, "2024-04-12").count == 4)
  }
}

@Suite("DateExtractor: references")
struct DateExtractorReferenceTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var text: String
    var isReference: Bool
    var testDescription: String { text }
  }

  static let cases: [Case] = [
    .init(text: "the Joint Declaration between the CSTO and UN Secretariats of 18 March 2010", isReference: true),
    .init(text: "approved by the CSTO CSC decision of 23 November 2022", isReference: true),
    .init(text: "Protocol No. 5 dated 10.04.2024 entered into force", isReference: true),
    .init(text: "in line with the CSC Decision from 23 November 2022 on peacekeeping", isReference: true),
    .init(
      text: "the decision \"On measures to develop the CSTO crisis response system\" adopted by the CSTO "
        + "Collective Security Council on 23 November 2023", isReference: true),
    .init(text: "under the Collective Security Treaty signed in Tashkent on 15 May 1992", isReference: true),
    .init(text: "the Programme, unanimously approved on 10 April 2024, sets goals", isReference: true),
    .init(text: "under «Charter» issued on 10 April 2024 by the Council", isReference: true),
    .init(text: "the plan of April 2024", isReference: true),
    .init(text: "The Plan of Basic Activities for 2024 was approved.", isReference: true),
    .init(text: "On the eve of 9 May 2024, flowers were laid.", isReference: false),
    .init(text: "An agreement was signed on 10 April 2024 in Astana.", isReference: false),
    .init(text: "The declaration was unanimously adopted on 10 April 2024.", isReference: false),
    .init(text: "The Council adopted the decision on 10 April 2024.", isReference: false),
    .init(
      text: "The agreement signed last year was discussed at the session held on 10 April 2024.", isReference: false),
    .init(
      text: "The treaty, which entered into force, was reviewed. It was signed on 10 April 2024.", isReference: false),
    .init(text: "The ministers signed, on 10 April 2024, a protocol.", isReference: false),
    .init(text: "On the morning of 10 April 2024, troops moved.", isReference: false),
    .init(text: "From April 8 to 11, 2024, the seminar took place.", isReference: false),
    .init(text: "On 10 April 2024, the meeting was held.", isReference: false),
    .init(text: "The meeting was held on 19 July 2024 at the UN Security Council.", isReference: false),
    .init(text: "The meeting has been held via videoconferencing on December 8, 2021.", isReference: false),
    .init(text: "From 1 January 2024, Kazakhstan chairs the Organization.", isReference: false),
  ]

  @Test(arguments: cases)
  func classification(_ sample: Case) {
    let mentions = all(sample.text)
    #expect(mentions.count == 1)
    #expect(mentions.first?.isReference == sample.isReference)
    #expect((event(sample.text) == nil) == sample.isReference)
  }

  @Test func referenceBeforeEventIsSkipped() {
    let text = "Under the decision of 23 November 2022, on 10 April 2024 the troops arrived."
    #expect(event(text)?.start == day("2024-04-10"))
    #expect(all(text).map(\.isReference) == [true, false])
  }

  @Test func eventDateIsFirstNonReferenceOfMentions() {
    let texts = [
      DateExtractorSeedTests.training, DateExtractorSeedTests.milex,
      "Of 1 May 2020 and dated 2 May 2020, then 3 May 2020 and in 2021.",
    ]
    for text in texts {
      #expect(event(text, "2023-05-18") == all(text, "2023-05-18").first { !$0.isReference })
    }
  }
}

@Suite("DateExtractor: offsets and today")
struct DateExtractorOffsetTests {
  @Test func offsetsCountUnicodeScalars() {
    let text = "ХI “Exhibition” 🛡️ e\u{301}té — opened on 17 May 2023 and closed on 20 May 2023"
    let found = all(text)
    #expect(found.map(\.text) == ["on 17 May 2023", "on 20 May 2023"])
    #expect(found.map(\.offset) == [scalarOffset(of: "on 17", in: text), scalarOffset(of: "on 20", in: text)])
    // Counted by hand: Х I space “ E x h i b i t i o n ” space 🛡 FE0F space e ◌́ t é space — space "opened ".
    #expect(found.first?.offset == 33)
  }

  @Test func eventDateOffsetMatchesMentions() {
    let text = "«Сотрудничество» — 😀 the drill of 1 May 2020 ended; on 3 May 2024 it resumed"
    #expect(event(text)?.offset == all(text).last?.offset)
    #expect(event(text)?.offset == scalarOffset(of: "on 3 May", in: text))
  }

  @Test(arguments: [
    ("took place today via videoconferencing", true),
    ("Today, the CSTO Secretary General met", true),
    ("Today's meeting was held in Minsk", true),
    ("On this day the Council met", true),
    ("Сегодня в Минске состоялось заседание", true),
    ("сегодня в Минске", true),
    ("It remains relevant to this day", false),
    ("The mission has continued until today", false),
    ("yesterday the Council met", false),
    ("these days the Council meets", false),
    ("this daylight exercise", false),
    ("On 10 April 2024 the Council met", false),
  ])
  func today(_ text: String, _ expected: Bool) {
    #expect(DateExtractor.saysToday(text) == expected)
  }
}
