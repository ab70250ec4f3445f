import Foundation

/// The test server of `Fixtures/fetch/server.py` on 127.0.0.1 and a free port, with the log of
/// the requests it answered. It stops when this object goes (its standard input closes), after
/// 600 seconds, or after 5,000 requests, whichever comes first.
final class LoopbackServer: @unchecked Sendable {
  let port: Int
  private let process = Process()
  private let input = Pipe()
  private let log: URL

  init(pages: Int? = nil) throws {
    log = FileManager.default.temporaryDirectory.appendingPathComponent("mandate-server-\(UUID().uuidString).jsonl")
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["python3", TestPaths.fixture("fetch/server.py").path, log.path] + (pages.map { [String($0)] } ?? [])
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
    guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
      process.terminate()
      throw ServerError(description: "the test server did not start: \(line)")
    }
    self.port = port
  }

  deinit {
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    try? FileManager.default.removeItem(at: log)
  }

  struct ServerError: Error, CustomStringConvertible {
    var description: String
  }

  func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

  /// One request as the server saw it.
  struct Request: Decodable {
    var path: String
    var agent: String?
    var if_none_match: String?
    var if_modified_since: String?
    var accept_encoding: String?
    var time: Double
  }

  /// The requests answered so far, in order.
  func requests() throws -> [Request] {
    guard let data = try? Data(contentsOf: log) else { return [] }
    return try data.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(Request.self, from: Data($0)) }
  }
}
