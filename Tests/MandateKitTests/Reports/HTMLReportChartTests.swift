import Foundation
import Testing

@testable import MandateKit

@Suite struct HTMLReportChartTests {
  /// The `<svg …>…</svg>` of a page, and the values of one attribute on its elements of a class.
  static func svg(in html: String) throws -> String {
    let start = try #require(html.range(of: "<svg"))
    let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
    return String(html[start.lowerBound..<end.upperBound])
  }

  static func numbers(_ attribute: String, in svg: String) -> [String] {
    let pattern = "\\s\(attribute)=\"([^\"]*)\""
    let regex = try! NSRegularExpression(pattern: pattern)
    return regex.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map {
      String(svg[Range($0.range(at: 1), in: svg)!])
    }
  }

  static func bars(in svg: String) -> [(height: Double, title: String)] {
    let regex = try! NSRegularExpression(
      pattern: #"<rect class="bar c\d+" x="[^"]*" y="[^"]*" width="[^"]*" height="([^"]*)"><title>([^<]*)</title>"#)
    return regex.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map {
      (Double(svg[Range($0.range(at: 1), in: svg)!]) ?? .nan, String(svg[Range($0.range(at: 2), in: svg)!]))
    }
  }

  @Test func oneBarPerPriorityAndQuarterDrawnToScale() throws {
    let seed = try SeedReport()
    try seed.recordDecisions()
    let report = try seed.report("2024 Q3", asOf: "2024-09-30")
    #expect(report.timeline.count == 3)
    let html = try HTMLReportRenderer().render(report, context: RenderContext())
    #expect(html.components(separatedBy: "<svg").count == 2)
    let svg = try Self.svg(in: html)
    #expect(svg.contains("role=\"img\""))
    #expect(svg.contains("aria-label=\"Bar chart"))
    #expect(svg.contains("<title>"))

    let bars = Self.bars(in: svg)
    #expect(bars.count == report.timeline.count * report.priorities.count)
    let counts = report.timeline.flatMap { $0.evidence.map(\.count) }
    #expect(counts.contains { $0 > 0 })
    // Heights are proportional to the counts: one scale for every bar.
    let scales = zip(bars, counts).filter { $0.1 > 0 }.map { $0.0.height / Double($0.1) }
    #expect(Set(scales.map { ($0 * 10).rounded() }).count == 1)
    for (bar, count) in zip(bars, counts) where count == 0 { #expect(bar.height == 0) }
    #expect(bars.first?.title == "P1 in 2024 Q1: 0 supporting tags")

    for attribute in ["x", "y", "width", "height", "x1", "x2", "y1", "y2", "dx"] {
      for value in Self.numbers(attribute, in: svg) {
        let number = try #require(Double(value), "\(attribute)=\(value)")
        #expect(number.isFinite && number >= 0, "\(attribute)=\(value)")
      }
    }
    let viewBox = Self.numbers("viewBox", in: svg).first?.split(separator: " ").compactMap { Double($0) }
    #expect(viewBox?.count == 4)
  }

  @Test func anEmptyTimelineDrawsNoBarsAndNoNaN() throws {
    let chart = HTMLReportChart([], priorities: [("P1", "One"), ("P2", "Two")])
    #expect(chart.quarters.isEmpty)
    #expect(chart.isEmpty)
    #expect(chart.ticks.map(\.label) == ["0", "1"])
    #expect(chart.ticks.allSatisfy { Double($0.y)?.isFinite == true })
  }

  @Test func gridlinesStepByOneTwoOrFive() {
    #expect(
      [0, 1, 5, 6, 10, 11, 24, 26, 49, 51, 300].map(HTMLReportChart.step) == [1, 1, 1, 2, 2, 5, 5, 10, 10, 20, 100])
  }
}
