import Testing

@testable import MandateKit

@Suite struct DateLabelTests {
  @Test func labelsEveryPrecision() throws {
    let april8 = try #require(Day(iso: "2024-04-08"))
    let april11 = try #require(Day(iso: "2024-04-11"))
    let may2 = try #require(Day(iso: "2024-05-02"))
    #expect(DateLabel.text(date: april8, dateEnd: nil, precision: .day) == "2024-04-08")
    #expect(DateLabel.text(date: april8, dateEnd: april8, precision: .day) == "2024-04-08")
    #expect(DateLabel.text(date: april8, dateEnd: april11, precision: .day) == "2024-04-08…11")
    #expect(DateLabel.text(date: april8, dateEnd: may2, precision: .day) == "2024-04-08…2024-05-02")
    #expect(DateLabel.text(date: april8, dateEnd: nil, precision: .month) == "2024-04")
    #expect(DateLabel.text(date: april8, dateEnd: nil, precision: .year) == "2024")
    #expect(DateLabel.text(date: nil, dateEnd: nil, precision: .none) == "undated")
  }

  @Test func eventsAndSummariesShareTheLabel() throws {
    let event = Event(
      id: "0123456789abcdef", date: Day(iso: "2024-04-08"), dateEnd: Day(iso: "2024-04-09"), datePrecision: .day,
      dateBasis: .text, title: "T", text: "x", sources: [])
    #expect(event.dateLabel == "2024-04-08…09")
    #expect(EventSummary(event).dateLabel == "2024-04-08…09")
  }
}
