import Foundation
import HTTPTypes
import Hummingbird
import MandateKit
import NIOCore

/// The web workspace: the routes of `mandate serve` over one `LiveWorkspace`. Like the CLI, it
/// only maps requests to MandateKit and lays out what MandateKit returns.
public final class WebSite: Sendable {
  public let live: LiveWorkspace
  public let configuration: WebConfiguration
  let sessions: SessionStore
  /// One password check at a time: each costs a deliberate fraction of a second of CPU.
  let passwordCheck = NSLock()
  /// Checked when a name is unknown, as long as a real check, so that timing does not tell which
  /// names exist (it matches no password).
  let decoy: PasswordHash

  public init(live: LiveWorkspace, configuration: WebConfiguration) {
    self.live = live
    self.configuration = configuration
    decoy = PasswordHash(
      iterations: configuration.users?.users.first?.hash.iterations ?? PasswordHash.minimumIterations, salt: "decoy",
      hash: Array(repeating: 0, count: 32))
    sessions = SessionStore(
      idleTimeout: configuration.idleTimeout, lifetime: configuration.sessionLifetime, now: configuration.now)
  }

  /// Every route, behind the request guard.
  public func router() -> Router<WebContext> {
    let router = Router(context: WebContext.self)
    router.add(middleware: RequestGuard(site: self))
    addStaticRoutes(router)
    addLoginRoutes(router)
    addOverviewRoutes(router)
    addReportRoutes(router)
    addTriageRoutes(router)
    addEventRoutes(router)
    addItemRoutes(router)
    addSearchRoutes(router)
    addAPIRoutes(router)
    return router
  }

  /// Who a decision made in this request is recorded for.
  func analyst(_ context: WebContext) -> String {
    context.session?.user ?? configuration.analyst
  }

  /// Runs `body` on the workspace off the request threads.
  func read<T: Sendable>(_ body: @escaping @Sendable (LiveWorkspace.View) throws -> T) async throws -> T {
    let live = self.live
    return try await Blocking.run { try live.read(body) }
  }

  func cached<T: Sendable>(
    _ key: String, scope: MemoScope = .everything, _ body: @escaping @Sendable (LiveWorkspace.View) throws -> T
  ) async throws -> T {
    let live = self.live
    return try await Blocking.run { try live.cached(key, scope: scope, body) }
  }

  func write<T: Sendable>(_ body: @escaping @Sendable (DecisionDesk) throws -> T) async throws -> T {
    let live = self.live
    return try await Blocking.run { try live.write(body) }
  }

  // MARK: Responses

  /// A page in the layout.
  func page(
    _ title: String, content: String, context: WebContext, section: String? = nil, script: Bool = false,
    status: HTTPResponse.Status = .ok, query: String = ""
  ) -> Response {
    let flash = context.session.map { sessions.takeFlash($0.id) } ?? []
    let view = LayoutView(
      title: title, hasScript: script, nav: LayoutView.navigation(current: section), query: query,
      signedIn: context.session?.user != nil, hasWho: true, who: analyst(context), csrf: context.session?.csrf ?? "",
      flash: flash, content: content, version: MandateVersion.current,
      workspace: live.workspace.root.lastPathComponent, mandate: live.mandateID ?? "")
    return html(WebTemplates.render(view, "layout"), status: status)
  }

  func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "text/html; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(string: text.hasSuffix("\n") ? text : text + "\n")))
  }

  func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
    json((try? JSON.encode(value)) ?? "{}", status: status)
  }

  /// A refusal in as few words as possible: a page, or `{"error": …}` for the API.
  func refusal(_ status: HTTPResponse.Status, _ message: String, api: Bool) -> Response {
    if api { return json(APIError(error: message), status: status) }
    let content = WebTemplates.render(
      ErrorView(heading: status.reasonPhrase, message: message, suggestions: [], diagnostics: []), "error")
    let view = LayoutView.bare(title: status.reasonPhrase, content: content)
    return html(WebTemplates.render(view, "layout"), status: status)
  }

  /// Sets the session cookie when the session is new or changed.
  func setCookie(_ response: inout Response, session: WebSession?, previous: String?) {
    guard let session, session.id != previous else { return }
    response.setCookie(
      Cookie(name: SessionStore.cookieName, value: session.id, path: "/", httpOnly: true, sameSite: .strict))
  }

  /// A message for the next page of this session.
  func flash(_ context: WebContext, _ message: String) {
    guard let id = context.session?.id else { return }
    sessions.update(id) { $0.flash.append(message) }
  }
}

/// The body of an API error.
struct APIError: Encodable {
  var error: String
  var suggestions: [String] = []
}
