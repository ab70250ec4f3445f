/// What the layout template shows around a page's content.
struct LayoutView {
  var title: String
  var hasScript: Bool
  var nav: [NavLink]
  var query: String
  var signedIn: Bool
  var hasWho: Bool
  var who: String
  var csrf: String
  var flash: [String]
  var content: String
  var version: String
  var workspace: String
  var mandate: String

  struct NavLink {
    var href: String
    var label: String
    var current: Bool
  }

  static let sections = [
    ("/", "Overview", "overview"), ("/report", "Report", "report"), ("/triage", "Triage", "triage"),
    ("/search", "Search", "search"),
  ]

  static func navigation(current: String?) -> [NavLink] {
    sections.map { NavLink(href: $0.0, label: $0.1, current: $0.2 == current) }
  }

  /// The layout without a session or workspace facts, for refusals.
  static func bare(title: String, content: String) -> LayoutView {
    LayoutView(
      title: title, hasScript: false, nav: navigation(current: nil), query: "", signedIn: false, hasWho: false, who: "",
      csrf: "", flash: [], content: content, version: "", workspace: "", mandate: "")
  }
}

/// An error page: what went wrong and, for an unknown id, the closest ones.
///
/// Views are read by reflection, which sees stored properties only: every flag is stored.
struct ErrorView {
  var heading: String
  var message: String
  var suggestions: [Suggestion]
  var diagnostics: [String]
  var hasSuggestions: Bool
  var hasDiagnostics: Bool

  init(heading: String, message: String, suggestions: [Suggestion], diagnostics: [String]) {
    self.heading = heading
    self.message = message
    self.suggestions = suggestions
    self.diagnostics = diagnostics
    hasSuggestions = !suggestions.isEmpty
    hasDiagnostics = !diagnostics.isEmpty
  }

  struct Suggestion {
    var href: String
    var label: String
    var detail: String
    var hasDetail: Bool

    init(href: String, label: String, detail: String = "") {
      self.href = href
      self.label = label
      self.detail = detail
      hasDetail = !detail.isEmpty
    }
  }
}
