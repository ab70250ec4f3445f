import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import MandateKit
@testable import MandateWeb

/// A scratch workspace with the shipped mandate and events (no decisions unless asked), and a
/// site over it.
final class WebFixture: @unchecked Sendable {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  let root: URL
  let workspace: Workspace
  let site: WebSite

  init(tags: Bool = false, configure: (inout WebConfiguration) -> Void = { _ in }) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("mandate-web-\(UUID().uuidString)")
    let manager = FileManager.default
    try manager.createDirectory(at: root, withIntermediateDirectories: true)
    for folder in ["Priorities", "Events"] + (tags ? ["Tags"] : []) {
      try manager.copyItem(
        at: Self.repositoryRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
    }
    workspace = Workspace(root: root)
    var configuration = WebConfiguration(analyst: "Test Analyst")
    configure(&configuration)
    site = WebSite(live: LiveWorkspace(workspace: workspace), configuration: configuration)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  var ledgerURL: URL { workspace.tagsDirectory.appendingPathComponent("kz-csto-2024.yaml") }

  /// The file of the ledger that holds one analyst's decisions.
  func analystFileURL(_ analyst: String) -> URL {
    workspace.tagsDirectory.appendingPathComponent("kz-csto-2024/\(AnalystSlug.of(analyst)).yaml")
  }

  /// Whether nothing at all was written under `Tags/` (a fixture without tags starts with no folder).
  var tagsUntouched: Bool { !FileManager.default.fileExists(atPath: workspace.tagsDirectory.path) }

  /// The ledger's decisions as the CLI reads them.
  var decisions: [Decision] { LedgerFile(workspace: workspace, mandateID: "kz-csto-2024").read().decisions }

  var ledgerText: String { (try? String(contentsOf: ledgerURL, encoding: .utf8)) ?? "" }

  /// An event id of the shipped record, by the start of its title.
  func eventID(titled prefix: String) throws -> String {
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
    let (index, _) = try EventIndex.open(workspace, lock: lock)
    let event = try index.events(EventQuery()).first { $0.headline.hasPrefix(prefix) }
    return try #require(event?.id)
  }

  func test(_ body: @escaping @Sendable (Browser) async throws -> Void) async throws {
    let app = Application(router: site.router())
    try await app.test(.router) { client in try await body(Browser(client: client)) }
  }
}

/// A test client that keeps the session cookie and sends forms as a browser on this site does.
final class Browser: @unchecked Sendable {
  let client: any TestClientProtocol
  var cookie: String?
  var origin = "http://localhost"

  init(client: any TestClientProtocol) { self.client = client }

  struct Page {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String
    var location: String? { headers[.location] }
  }

  @discardableResult
  func get(_ uri: String, headers extra: HTTPFields = [:]) async throws -> Page {
    var headers = extra
    if let cookie { headers[.cookie] = cookie }
    let response = try await client.execute(uri: uri, method: .get, headers: headers)
    return keep(response)
  }

  /// The CSRF token of the current session (starting one when needed).
  func csrf() async throws -> String {
    let page = try await get("/api/session")
    let object = try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any]
    return try #require(object?["csrfToken"] as? String)
  }

  /// Posts a form with the session's token (unless `token` says otherwise) from this site.
  @discardableResult
  func post(
    _ uri: String, _ fields: [(String, String)], token: String? = nil, withToken: Bool = true,
    headers extra: HTTPFields = [:], sendOrigin: Bool = true
  ) async throws -> Page {
    var fields = fields
    if withToken {
      let value = try await token.asyncOr { try await self.csrf() }
      fields.append(("csrf", value))
    }
    var headers = extra
    headers[.contentType] = "application/x-www-form-urlencoded"
    if sendOrigin, headers[.origin] == nil { headers[.origin] = origin }
    if let cookie { headers[.cookie] = cookie }
    let body = fields.map { "\(FormData.encode($0.0))=\(FormData.encode($0.1))" }.joined(separator: "&")
    let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    return keep(response)
  }

  /// Posts JSON to the API with the session's token.
  @discardableResult
  func postJSON(_ uri: String, _ json: String, withToken: Bool = true) async throws -> Page {
    var headers: HTTPFields = [.contentType: "application/json", .origin: origin]
    if withToken { headers[HTTPField.Name("X-CSRF-Token")!] = try await csrf() }
    if let cookie { headers[.cookie] = cookie }
    let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
    return keep(response)
  }

  private func keep(_ response: TestResponse) -> Page {
    for value in response.headers[values: .setCookie] {
      let pair = value.split(separator: ";").first.map(String.init) ?? ""
      if pair.hasPrefix("\(SessionStore.cookieName)=") { cookie = pair.hasSuffix("=") ? nil : pair }
    }
    return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
  }
}

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var time = Date(timeIntervalSince1970: 1_750_000_000)
  var now: Date { lock.withLock { time } }
  func advance(_ seconds: TimeInterval) { lock.withLock { time += seconds } }
}

extension Optional where Wrapped == String {
  func asyncOr(_ make: () async throws -> String) async throws -> String {
    if let self { return self }
    return try await make()
  }
}
