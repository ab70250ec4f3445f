import Testing

@testable import MandateKit

@Suite struct DayTests {
  @Test(arguments: ["2024-01-01", "2024-02-29", "1999-12-31", "2000-02-29"])
  func parsesValidDays(_ text: String) throws {
    let day = try #require(Day(iso: text))
    #expect(day.description == text)
  }

  @Test(arguments: [
    "2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-1-5", "2024/01/05", "24-01-01", "",
    "2024-01-01T00:00", "２０２４-01-01",
  ])
  func rejectsInvalidDays(_ text: String) {
    #expect(Day(iso: text) == nil)
  }

  @Test func ordinalRoundTripsAcrossCenturies() {
    for ordinal in stride(from: -800_000, through: 800_000, by: 997) {
      #expect(Day(ordinal: ordinal).ordinal == ordinal)
    }
    #expect(Day(iso: "1970-01-01")!.ordinal == 0)
    #expect(Day(iso: "2024-03-01")!.ordinal - Day(iso: "2024-02-28")!.ordinal == 2)
  }

  @Test func arithmeticAndOrder() {
    let start = Day(iso: "2024-12-30")!
    #expect(start.adding(days: 3).description == "2025-01-02")
    #expect(start.days(until: Day(iso: "2025-01-02")!) == 3)
    #expect(Day(iso: "2024-02-10")!.endOfMonth.description == "2024-02-29")
    #expect(Day(iso: "2024-01-31")! < Day(iso: "2024-02-01")!)
    let term = DayRange(start: Day(iso: "2024-01-01")!, end: Day(iso: "2024-12-31")!)
    #expect(term.length == 366)
    #expect(term.contains(Day(iso: "2024-12-31")!))
    #expect(!term.contains(Day(iso: "2025-01-01")!))
  }
}
