import Foundation
import Hummingbird
import MandateKit

extension WebSite {
  /// `/` (the overview), `/report`, `/report/<quarter>`, `/report/term`.
  func addOverviewRoutes(_ router: Router<WebContext>) {
    router.get("/") { _, context -> Response in
      let today = MandateClock.today()
      // The page's content depends on the files only: laid out once per state of them.
      let (title, content) = try await self.cached("overview:\(today)") { view in
        let report = try Self.buildReport(view, period: nil, asOf: nil, today: today)
        let latest = try LatestEvidence.find(
          state: try view.ledgerState(), index: view.index, asOf: report.asOf, limit: 8)
        return (
          report.mandate.title,
          WebTemplates.render(OverviewView(report: report, latest: latest), "overview")
        )
      }
      return self.page(
        title, content: content, context: context, section: "overview")
    }
  }

  func addReportRoutes(_ router: Router<WebContext>) {
    router.get("/report") { _, _ -> Response in
      let today = MandateClock.today()
      let quarter = try await self.read { view in
        ReportBuilder(mandate: view.mandate, index: view.index, lock: view.lock).defaultQuarter(today: today)
      }
      return .redirect(to: "/report/\(Format.quarterParameter(quarter))")
    }
    router.get("/report/:period") { request, context -> Response in
      let period = context.parameters.get("period") ?? ""
      let asOf = try Self.asOf(request)
      let today = MandateClock.today()
      let key = "report-html:\(period.lowercased()):\(asOf?.description ?? "-"):\(today)"
      let (report, fragment) = try await self.cached(key) { view in
        let report = try Self.buildReport(view, period: period, asOf: asOf, today: today)
        return (report, try HTMLReportRenderer().renderFragment(report))
      }
      let quarters = try await self.read { view in TermQuarters(term: view.mandate.term).quarters }
      let current = report.period.kind == "term" ? "term" : report.period.slug
      var periods = quarters.map { quarter in
        LinkView(
          href: "/report/\(Format.quarterParameter(quarter))", label: quarter.label, current: quarter.slug == current)
      }
      periods.append(LinkView(href: "/report/term", label: "Term", current: current == "term"))
      let path = "/report/\(period)"
      let query = asOf.map { "?as_of=\($0)" } ?? ""
      let view = ReportPageView(
        periods: periods, path: path, asOf: asOf?.description ?? "", jsonHref: "/api\(path)\(query)", body: fragment)
      let title = report.period.kind == "term" ? "Term report" : "Report \(report.period.label)"
      return self.page(title, content: WebTemplates.render(view, "report"), context: context, section: "report")
    }
  }

  /// `?as_of=YYYY-MM-DD`, refused when it is not a day.
  static func asOf(_ request: Request) throws -> Day? {
    guard let text = FormData(request.uri.query ?? "")["as_of"] else { return nil }
    guard let day = Day(iso: text) else {
      throw WebPageError(status: .badRequest, message: "as_of \(text) is not a date (YYYY-MM-DD)")
    }
    return day
  }

  /// The report of `period` (a quarter's name, `term`, or nil for the current quarter), as
  /// `mandate report` builds it.
  static func buildReport(_ view: LiveWorkspace.View, period: String?, asOf: Day?, today: Day) throws
    -> QuarterlyReport
  {
    let builder = ReportBuilder(mandate: view.mandate, index: view.index, lock: view.lock)
    let scope: ReportOptions.Scope
    if let period, period.lowercased() == "term" {
      scope = .term
    } else if let period {
      scope = .quarter(try Self.quarter(period, of: view.mandate, status: .notFound, path: "/report/"))
    } else {
      scope = .quarter(builder.defaultQuarter(today: today))
    }
    return try builder.build(ReportOptions(scope: scope, asOf: asOf, today: today))
  }
}

struct LinkView {
  var href: String
  var label: String
  var current: Bool
}

struct ReportPageView {
  var periods: [LinkView]
  var path: String
  var asOf: String
  var jsonHref: String
  var body: String
}
