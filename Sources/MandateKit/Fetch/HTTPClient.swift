import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One HTTP response, whatever its status.
struct HTTPResponse: Sendable {
  /// The address that answered (no redirect is followed here).
  var url: URL
  var status: Int
  /// Header fields with lowercased names.
  var headers: [String: String]
  /// The body, gzip and deflate already undone.
  var body: Data

  func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Single GET requests through URLSession (FoundationNetworking, libcurl underneath), without
/// following redirects, so that `Fetcher` can count them, spot loops and ask robots.txt about
/// every hop.
///
/// Bodies arrive through the delegate so that a response over the size limit is cut off as soon
/// as it passes it, and a server sending a byte a second meets a deadline for the whole response
/// (URLSession's resource timeout is not enforced on Linux). Compressed responses are accepted
/// (`Accept-Encoding: gzip, deflate, …`) and unpacked by libcurl; the limit counts unpacked bytes.
final class HTTPClient: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  private struct Pending {
    var continuation: CheckedContinuation<HTTPResponse, any Error>
    var url: URL
    var limit: Int
    var data = Data()
    var response: HTTPURLResponse?
    /// Set when this side cancelled the task, and why.
    var failure: FetchFailure?
  }

  private let lock = NSLock()
  private var pending: [Int: Pending] = [:]
  private var session: URLSession!

  init(userAgent: String) {
    super.init()
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpAdditionalHeaders = ["User-Agent": userAgent]
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    configuration.httpMaximumConnectionsPerHost = 1
    session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
  }

  /// Ends the session once its tasks are done (the session holds its delegate until then).
  func close() { session.finishTasksAndInvalidate() }

  /// GETs `url` with `headers`; a response must be complete within `timeout` seconds and hold at
  /// most `limit` bytes.
  func get(_ url: URL, headers: [String: String], timeout: Double, limit: Int) async throws -> HTTPResponse {
    var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
    request.httpMethod = "GET"
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let task = session.dataTask(with: request)
    let id = task.taskIdentifier
    return try await withCheckedThrowingContinuation { continuation in
      lock.withLock { pending[id] = Pending(continuation: continuation, url: url, limit: limit) }
      DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [weak self, weak task] in
        guard let self, let task else { return }
        self.cancel(task, because: .timeout(seconds: timeout))
      }
      task.resume()
    }
  }

  private func cancel(_ task: URLSessionTask, because failure: FetchFailure) {
    let cancelled = lock.withLock { () -> Bool in
      guard pending[task.taskIdentifier] != nil, pending[task.taskIdentifier]?.failure == nil else { return false }
      pending[task.taskIdentifier]?.failure = failure
      return true
    }
    if cancelled { task.cancel() }
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    // The redirect itself is the response; `Fetcher` decides whether to follow it.
    completionHandler(nil)
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
  ) {
    let http = response as? HTTPURLResponse
    let limit = lock.withLock { () -> Int in
      pending[dataTask.taskIdentifier]?.response = http
      return pending[dataTask.taskIdentifier]?.limit ?? Int.max
    }
    // A declared length over the limit is refused before any of the body arrives (unless the body
    // is compressed: the limit counts what it unpacks to).
    if response.expectedContentLength > Int64(limit), http?.value(forHTTPHeaderField: "Content-Encoding") == nil {
      // The reason first: cancelling may complete the task at once.
      cancel(dataTask, because: .tooLarge(limit: limit))
      completionHandler(.cancel)
      return
    }
    completionHandler(.allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    let over = lock.withLock { () -> Int? in
      guard var entry = pending[dataTask.taskIdentifier] else { return nil }
      if entry.data.count + data.count > entry.limit { return entry.limit }
      entry.data.append(data)
      pending[dataTask.taskIdentifier] = entry
      return nil
    }
    if let limit = over { cancel(dataTask, because: .tooLarge(limit: limit)) }
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
    guard let entry = lock.withLock({ pending.removeValue(forKey: task.taskIdentifier) }) else { return }
    if let failure = entry.failure {
      entry.continuation.resume(throwing: failure)
    } else if let error {
      entry.continuation.resume(throwing: FetchFailure.transport(error))
    } else if let response = entry.response {
      var headers: [String: String] = [:]
      for (name, value) in response.allHeaderFields {
        if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
      }
      entry.continuation.resume(
        returning: HTTPResponse(url: entry.url, status: response.statusCode, headers: headers, body: entry.data))
    } else {
      entry.continuation.resume(throwing: FetchFailure.protocolError("no HTTP response"))
    }
  }
}
