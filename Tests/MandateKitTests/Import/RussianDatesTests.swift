import Foundation
import Testing

@testable import MandateKit

private func day(_ iso: String) -> Day { Day(iso: iso)! }

private func all(_ text: String, _ reference: String? = nil) -> [DateMention] {
  DateExtractor.mentions(in: text, referenceDate: reference.map(day))
}

private func event(_ text: String, _ reference: String? = nil) -> DateMention? {
  DateExtractor.eventDate(in: text, referenceDate: reference.map(day))
}

private func dating(_ text: String, published: String?, reference: String? = nil) -> EventDating {
  EventDating.date(title: nil, text: text, published: published.map(day), referenceDate: reference.map(day))
}

/// Every Russian form of a date: each text's first mention, its span, dates and precision.
@Suite("Russian dates")
struct RussianDatesTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var text: String
    var reference: String? = nil
    var start: String
    var end: String? = nil
    var precision: DatePrecision = .day
    var span: String
    var testDescription: String { text }
  }

  static let cases: [Case] = [
    .init(text: "Встреча прошла 10 апреля 2024 года в Астане.", start: "2024-04-10", span: "10 апреля 2024 года"),
    .init(text: "Встреча прошла 10 апреля 2024 г. в Астане.", start: "2024-04-10", span: "10 апреля 2024 г."),
    .init(text: "Встреча прошла 10 Апреля 2024 года.", start: "2024-04-10", span: "10 Апреля 2024 года"),
    .init(
      text: "Учения прошли с 8 по 11 апреля 2024 года.", start: "2024-04-08", end: "2024-04-11",
      span: "с 8 по 11 апреля 2024 года"),
    .init(
      text: "Учения прошли 8–11 апреля.", reference: "2024-04-20", start: "2024-04-08", end: "2024-04-11",
      span: "8–11 апреля"),
    .init(
      text: "Заседания прошли 8 и 9 апреля 2024 года.", start: "2024-04-08", end: "2024-04-09",
      span: "8 и 9 апреля 2024 года"),
    .init(
      text: "С 30 марта по 2 апреля 2024 года шли учения.", start: "2024-03-30", end: "2024-04-02",
      span: "С 30 марта по 2 апреля 2024 года"),
    .init(
      text: "Операция прошла в апреле 2024 года.", start: "2024-04-01", precision: .month, span: "в апреле 2024 года"),
    .init(text: "Учение прошло в мае 2024 г.", start: "2024-05-01", precision: .month, span: "в мае 2024 г."),
    .init(
      text: "В конце мая 2024 года прошло учение.", start: "2024-05-01", precision: .month,
      span: "В конце мая 2024 года"),
    .init(
      text: "Этап прошел в сентябре–октябре 2024 года.", start: "2024-09-01", end: "2024-10-31", precision: .month,
      span: "в сентябре–октябре 2024 года"),
    .init(
      text: "Операция шла с января по март 2024 года.", start: "2024-01-01", end: "2024-03-31", precision: .month,
      span: "с января по март 2024 года"),
    .init(text: "Учение прошло в 2024 году.", start: "2024-01-01", precision: .year, span: "в 2024 году"),
    .init(
      text: "Работа велась в течение 2024 года.", start: "2024-01-01", precision: .year, span: "в течение 2024 года"),
    .init(
      text: "Заседание состоялось 20 июня с.г. в Минске.", reference: "2024-07-02", start: "2024-06-20",
      span: "20 июня с.г."),
    .init(
      text: "Заседание состоялось 20 июня с. г. в Минске.", reference: "2024-07-02", start: "2024-06-20",
      span: "20 июня с. г."),
    .init(
      text: "Заседание состоялось 20 июня текущего года.", reference: "2024-07-02", start: "2024-06-20",
      span: "20 июня текущего года"),
    .init(
      text: "Учение прошло в июне текущего года.", reference: "2024-07-02", start: "2024-06-01", precision: .month,
      span: "в июне текущего года"),
    .init(
      text: "Учение прошло в ноябре прошлого года.", reference: "2024-07-02", start: "2023-11-01", precision: .month,
      span: "в ноябре прошлого года"),
    .init(text: "Опубликовано 10.04.2024 в 12:00.", start: "2024-04-10", span: "10.04.2024"),
  ]

  @Test(arguments: cases)
  func readsTheForm(_ row: Case) throws {
    let mention = try #require(all(row.text, row.reference).first)
    #expect(mention.start == day(row.start))
    #expect(mention.end == row.end.map(day))
    #expect(mention.precision == row.precision)
    #expect(mention.text == row.span)
    #expect(!mention.isReference)
  }

  /// Each genitive month name after a day, and each prepositional one with a year.
  @Test func everyMonthInEveryForm() {
    let genitive = [
      "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
      "декабря",
    ]
    let prepositional = [
      "январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре",
      "декабре",
    ]
    for month in 1...12 {
      #expect(event("Состоялось 3 \(genitive[month - 1]) 2024 года.")?.start == Day(year: 2024, month: month, day: 3))
      let inMonth = event("Это было в \(prepositional[month - 1]) 2024 года.")
      #expect(inMonth?.start == Day(year: 2024, month: month, day: 1) && inMonth?.precision == .month)
    }
  }

  /// «с.г.» is the page's year, even when the day is more than a month after it (a yearless day
  /// would then be taken for last year's).
  @Test func theYearOfThePageIsNotInferred() {
    #expect(event("Заседание пройдет 20 сентября с.г.", "2024-07-02")?.start == day("2024-09-20"))
    #expect(event("Заседание пройдет 20 сентября.", "2024-07-02")?.start == day("2023-09-20"))
    // Without the page's year there is nothing to read it from.
    #expect(event("Заседание прошло 20 июня с.г.") == nil)
    #expect(event("Учение прошло в июне текущего года.") == nil)
  }

  /// The traps: dates of documents, bounds, past events and plans.
  @Test(arguments: [
    "Практические меры утверждены решением СКБ ОДКБ от 23 ноября 2022 года.",
    "Договор о коллективной безопасности, подписанный 15 мая 1992 года, остается основой.",
    "Договора о коллективной безопасности, подписанного 15 мая 1992 года в Ташкенте.",
    "Договор, подписанный в 1992 году, остается основой.",
    "Организация работает в этой сфере с 10 апреля 2003 года.",
    "Документ должен быть готов до 1 июня 2024 года.",
    "К 1 мая 2024 года планируется завершить работу.",
    "Утвержден план на январь 2025 года.",
  ])
  func referencesAreNotTheEvent(_ text: String) {
    #expect(event(text) == nil, "\(all(text))")
    #expect(all(text).allSatisfy { $0.isReference })
  }

  /// The sentence's own verb reports the event: the short participle is no reference.
  @Test func aShortParticipleReportsTheEvent() {
    #expect(event("Соглашение подписано 10 апреля 2024 года в Минске.")?.start == day("2024-04-10"))
    #expect(event("Протокол был подписан 10 апреля 2024 года.")?.start == day("2024-04-10"))
  }

  /// Which date is the event's own: a plan for next year, the 1992 Treaty, «с.г.» and «текущего
  /// года» under the rules English follows.
  @Test func aDatedItemIsReDatedOnlyByItsEventsDay() {
    let text = "Министры одобрили план совместных учений на 2025 год и вспомнили Договор, подписанный в 1992 году."
    #expect(
      dating(text, published: "2024-05-31") == EventDating(start: day("2024-05-31"), precision: .day, basis: .published)
    )
    #expect(dating(text, published: nil) == EventDating(start: nil, precision: .none, basis: .none))
    let next = "В следующем году учения пройдут в Казахстане, в сентябре следующего года."
    #expect(dating(next, published: "2024-05-31").basis == .published)
    #expect(
      dating("Заседание прошло 20 мая с.г. в Астане.", published: "2024-05-31")
        == EventDating(start: day("2024-05-20"), precision: .day, basis: .text, evidence: "20 мая с.г."))
    // A month of the page's year says less than the source's day: it does not re-date it.
    #expect(dating("Учение прошло в мае текущего года.", published: "2024-05-31").basis == .published)
    // An item without a source date takes it, with the page's year.
    #expect(
      dating("Учение прошло в мае текущего года.", published: nil, reference: "2024-06-02")
        == EventDating(
          start: day("2024-05-01"), precision: .month, basis: .text, evidence: "в мае текущего года"))
  }

  @Test func wordsThatLookLikeMonthsAreNot() {
    #expect(all("Майор и маршал обсудили мартовские планы и декабристов.").isEmpty)
    #expect(all("Сентябрьские учения и в марте планы.").isEmpty)
    #expect(all("В 2024–2025 годах прошли учения.").isEmpty)
  }
}
