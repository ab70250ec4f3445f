import Foundation
import HTTPTypes
import Hummingbird
import MandateKit

/// Every request passes here first: the `Host` check (DNS rebinding), the session, sign-in,
/// and for every state change the same-origin check and the CSRF token; then the security
/// headers of every response, and errors turned into pages.
struct RequestGuard: RouterMiddleware {
  typealias Context = WebContext
  let site: WebSite

  /// Bodies larger than this are refused (forms and decisions are small).
  static let maxBody = 1 << 20
  static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

  func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
    async throws -> Response
  {
    var response = try await guarded(request, context: context, next: next)
    Self.secure(&response.headers)
    return response
  }

  private func guarded(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
    async throws -> Response
  {
    let path = request.uri.path
    let api = path.hasPrefix("/api/")
    guard let host = Self.host(request), site.configuration.hostNames.contains(host) else {
      return site.refusal(
        .misdirectedRequest, "This server does not answer to that name (Host header); open it by its own address.",
        api: api)
    }
    var context = context
    var request = request
    let cookie = request.cookies[SessionStore.cookieName]?.value
    var session = site.sessions.session(cookie)
    let state = Self.changesState(request.method)
    if session == nil && !state {
      session = site.sessions.create()
    }
    context.session = session
    if state {
      if let refusal = checkOrigin(request, api: api) { return refusal }
      guard let session else {
        return site.refusal(
          .forbidden, "Your session has expired or was never started: reload the page and try again.", api: api)
      }
      let body: ByteBuffer
      do {
        body = try await request.collectBody(upTo: Self.maxBody)
      } catch {
        return site.refusal(.contentTooLarge, "The request is too large.", api: api)
      }
      let contentType = request.headers[.contentType] ?? ""
      if contentType.hasPrefix("application/x-www-form-urlencoded") {
        context.form = FormData(String(buffer: body))
      }
      let token = request.headers[Self.csrfHeader] ?? context.form["csrf"]
      guard let token, Self.constantTimeEqual(token, session.csrf) else {
        return site.refusal(
          .forbidden, "This form is out of date or did not come from this server (CSRF token); reload the page.",
          api: api)
      }
    }
    if site.configuration.users != nil, context.session?.user == nil, !Self.isPublic(path) {
      if api {
        return site.refusal(.unauthorized, "Sign in first (POST /login).", api: true)
      }
      guard request.method == .get || request.method == .head else {
        return site.refusal(.unauthorized, "Sign in first.", api: false)
      }
      let target = request.uri.query.map { "\(path)?\($0)" } ?? path
      var response = Response.redirect(to: "/login?next=\(FormData.encode(target))")
      site.setCookie(&response, session: context.session, previous: cookie)
      return response
    }
    var response: Response
    do {
      response = try await next(request, context)
    } catch {
      response = site.errorResponse(error, request: request, context: context)
    }
    site.setCookie(&response, session: context.session, previous: cookie)
    return response
  }

  /// The `Host` a request names, lower case, without port or brackets.
  static func host(_ request: Request) -> String? {
    guard let authority = request.head.authority else { return nil }
    return hostName(authority)
  }

  static func hostName(_ authority: String) -> String {
    var text = Substring(authority.lowercased())
    if text.hasPrefix("[") {
      let close = text.firstIndex(of: "]") ?? text.endIndex
      return String(text[text.index(after: text.startIndex)..<close])
    }
    if let colon = text.lastIndex(of: ":") { text = text[..<colon] }
    return String(text)
  }

  static func changesState(_ method: HTTPRequest.Method) -> Bool {
    ![.get, .head, .options].contains(method)
  }

  /// Pages anyone may see without signing in.
  static func isPublic(_ path: String) -> Bool {
    path == "/login" || path.hasPrefix("/static/") || path == "/api/session"
  }

  /// A browser says where a request comes from in `Origin` (every POST), else
  /// `Sec-Fetch-Site`, else `Referer`; a request from another site is refused. A client that
  /// sends none of them is not a browser, and a cross-site form cannot forge the CSRF token.
  func checkOrigin(_ request: Request, api: Bool) -> Response? {
    let own = (request.head.authority ?? "").lowercased()
    let refusal = {
      site.refusal(.forbidden, "Cross-site requests cannot change anything here.", api: api)
    }
    if let origin = request.headers[.origin] {
      // `https` too: behind a TLS proxy the browser's origin is the proxy's.
      guard let url = URL(string: origin), url.scheme == "http" || url.scheme == "https", let host = url.host else {
        return refusal()
      }
      let authority = url.port.map { "\(host):\($0)" } ?? host
      return authority.lowercased() == own ? nil : refusal()
    }
    if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!] {
      return site == "same-origin" || site == "none" ? nil : refusal()
    }
    if let referer = request.headers[.referer] {
      guard let url = URL(string: referer), let host = url.host else { return refusal() }
      let authority = url.port.map { "\(host):\($0)" } ?? host
      return authority.lowercased() == own ? nil : refusal()
    }
    return nil
  }

  static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for (p, q) in zip(x, y) { difference |= p ^ q }
    return difference == 0
  }

  /// Headers on every response: nothing from elsewhere may load, no framing, no sniffing.
  static func secure(_ headers: inout HTTPFields) {
    headers[HTTPField.Name("Content-Security-Policy")!] =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
      + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
    headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
    headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
    if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
  }
}
