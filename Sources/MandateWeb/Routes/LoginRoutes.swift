import Foundation
import Hummingbird
import MandateKit

extension WebSite {
  /// Sign-in and sign-out, with `--users`.
  func addLoginRoutes(_ router: Router<WebContext>) {
    router.get("/login") { request, context -> Response in
      guard self.configuration.users != nil else { return .redirect(to: "/") }
      let next = Self.safeNext(FormData(request.uri.query ?? "")["next"])
      return self.loginPage(context: context, next: next, user: "", error: nil, status: .ok)
    }
    router.post("/login") { _, context -> Response in
      guard let users = self.configuration.users else { return .redirect(to: "/") }
      let name = context.form["user"] ?? ""
      let password = context.form.fields.first { $0.name == "password" }?.value ?? ""
      let next = Self.safeNext(context.form["next"])
      let user = users.user(named: name)
      let accepted = self.passwordCheck.withLock {
        // An unknown name costs the same time as a wrong password.
        (user?.hash ?? self.decoy).verify(password) && user != nil
      }
      guard accepted, let user else {
        return self.loginPage(
          context: context, next: next, user: name, error: "That name and password do not match.",
          status: .unauthorized)
      }
      if let old = context.session?.id { self.sessions.end(old) }
      // A new session id at sign-in, so that one planted before cannot be used after.
      let session = self.sessions.create(user: user.name)
      var response = Response.redirect(to: next)
      self.setCookie(&response, session: session, previous: nil)
      return response
    }
    router.post("/logout") { _, context -> Response in
      if let id = context.session?.id { self.sessions.end(id) }
      var response = Response.redirect(to: self.configuration.users == nil ? "/" : "/login")
      response.setCookie(
        Cookie(name: SessionStore.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
      return response
    }
  }

  func loginPage(
    context: WebContext, next: String, user: String, error: String?, status: HTTPResponse.Status
  ) -> Response {
    let view = LoginView(
      csrf: context.session?.csrf ?? "", next: next, user: user, hasError: error != nil, error: error ?? "")
    var layout = LayoutView.bare(title: "Sign in", content: WebTemplates.render(view, "login"))
    layout.csrf = context.session?.csrf ?? ""
    return html(WebTemplates.render(layout, "layout"), status: status)
  }

  /// Where to go after signing in: a path of this site only.
  static func safeNext(_ next: String?) -> String {
    guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
    return next
  }
}

struct LoginView {
  var csrf: String
  var next: String
  var user: String
  var hasError: Bool
  var error: String
}
