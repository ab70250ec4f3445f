import Hummingbird

/// What a request carries through the server besides itself: its session and, for a form
/// post, the fields (read once, when its CSRF token is checked).
public struct WebContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  var session: WebSession?
  var form = FormData(fields: [])

  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
  }
}
