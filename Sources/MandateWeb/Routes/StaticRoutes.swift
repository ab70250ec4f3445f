import Hummingbird
import NIOCore

extension WebSite {
  /// `/static/mandate.css` and `/static/mandate.js`, from the program itself.
  func addStaticRoutes(_ router: Router<WebContext>) {
    router.get("/static/:name") { _, context -> Response in
      guard let name = context.parameters.get("name"), let file = WebAssets.files[name] else {
        throw WebPageError(status: .notFound, message: "There is no such file.")
      }
      return Response(
        status: .ok, headers: [.contentType: file.contentType, .cacheControl: "max-age=300"],
        body: .init(byteBuffer: ByteBuffer(string: file.body)))
    }
  }
}
