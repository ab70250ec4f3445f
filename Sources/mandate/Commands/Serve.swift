import ArgumentParser
import Foundation
import MandateKit
import MandateWeb

extension MandateCommand {
  /// `mandate serve`: the web workspace over the same files.
  struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Serve the workspace in a browser: overview, reports, triage, events, items, search, JSON API.",
      discussion: """
        Listens on 127.0.0.1 only, unless --host names another address, which needs --users FILE \
        (analysts sign in; every decision is recorded in the signed-in name). Without --users, decisions \
        are recorded for --by (default: MANDATE_USER, git's user.name, the login name). \
        `mandate serve --hash-password --user NAME` reads a password from standard input and prints a \
        line for the users file. docs/web.md describes the pages, keys and security.
        """)

    @Option(
      help: ArgumentHelp("The address to listen on (another than 127.0.0.1 needs --users).", valueName: "address"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port (0: any free one).", valueName: "port"))
    var port = 8080

    @Option(help: ArgumentHelp("Analysts who sign in: a file of NAME:HASH lines.", valueName: "file"))
    var users: String?

    @Option(
      name: .customLong("allowed-host"),
      help: ArgumentHelp("Another name browsers reach the server by (repeatable).", valueName: "name"))
    var allowedHosts: [String] = []

    @Option(help: ArgumentHelp("Hours without a request after which a session ends.", valueName: "hours"))
    var sessionHours = 8.0

    @Flag(help: "Read a password from standard input and print its hash for a users file, then stop.")
    var hashPassword = false

    @Option(help: ArgumentHelp("With --hash-password: the name to print before the hash.", valueName: "name"))
    var user: String?

    @Option(help: ArgumentHelp("With --hash-password: PBKDF2 iterations (default 600000).", valueName: "n"))
    var iterations: Int?

    @OptionGroup var decision: DecisionOptions
    @OptionGroup var options: WorkspaceOptions

    func validate() throws {
      if sessionHours <= 0 { throw ValidationError("--session-hours must be more than 0") }
      if (user != nil || iterations != nil) && !hashPassword {
        throw ValidationError("--user and --iterations go with --hash-password")
      }
      if let iterations, iterations < PasswordHash.minimumIterations {
        throw ValidationError("--iterations must be at least \(PasswordHash.minimumIterations)")
      }
      if let user, user.contains(":") || user.trimmingCharacters(in: .whitespaces).isEmpty {
        throw ValidationError("--user \(user): a name cannot be empty or hold `:`")
      }
      if !(0...65_535).contains(port) { throw ValidationError("--port \(port) is not a port (0 to 65535)") }
    }

    func run() throws {
      if hashPassword {
        let password = try PasswordPrompt.read()
        let hash = PasswordHash.make(password: password, iterations: iterations ?? PasswordHash.defaultIterations)
          .encoded
        Output.stdout((user.map { "\($0):" } ?? "") + hash + "\n")
        return
      }
      let (workspace, mandate) = try options.resolveMandate()
      var usersFile: UsersFile?
      if let users {
        let url = URL(fileURLWithPath: users, relativeTo: options.currentDirectory).standardizedFileURL
        usersFile = try UsersFile.load(url, displayPath: PathDisplay(base: options.currentDirectory).path(url))
      }
      let configuration = WebConfiguration(
        host: host, port: port, users: usersFile, analyst: decision.analyst(workspace), allowedHosts: allowedHosts,
        idleTimeout: sessionHours * 3600)
      try configuration.validate()
      let site = WebSite(live: LiveWorkspace(workspace: workspace, mandateID: mandate.id), configuration: configuration)
      let shownHost = host.contains(":") ? "[\(host)]" : host
      let who = usersFile == nil ? "decisions recorded for \(configuration.analyst)" : "analysts sign in"
      try AsyncRunner.run {
        try await WebServer.run(site: site) { port in
          Output.stdout("serving \(mandate.id) at http://\(shownHost):\(port)/ (\(who); Ctrl-C stops)\n")
        }
      }
    }
  }
}

/// Runs async work from a synchronous command and waits for it.
enum AsyncRunner {
  static func run(_ body: @escaping @Sendable () async throws -> Void) throws {
    let done = DispatchSemaphore(value: 0)
    let box = ErrorBox()
    Task {
      do { try await body() } catch { box.error = error }
      done.signal()
    }
    done.wait()
    if let error = box.error { throw error }
  }

  private final class ErrorBox: @unchecked Sendable {
    var error: (any Error)?
  }
}

/// A password from standard input: asked twice without echo on a terminal, one line from a pipe.
enum PasswordPrompt {
  static func read() throws -> String {
    guard isatty(STDIN_FILENO) == 1 else {
      guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw ValidationError("--hash-password reads the password from standard input; it was empty")
      }
      return line
    }
    let first = try quietly("password: ")
    let second = try quietly("again: ")
    guard first == second else { throw ValidationError("the two passwords differ") }
    guard !first.isEmpty else { throw ValidationError("the password is empty") }
    return first
  }

  private static func quietly(_ prompt: String) throws -> String {
    FileHandle.standardError.write(Data(prompt.utf8))
    var saved = termios()
    tcgetattr(STDIN_FILENO, &saved)
    var quiet = saved
    quiet.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
    defer {
      tcsetattr(STDIN_FILENO, TCSANOW, &saved)
      FileHandle.standardError.write(Data("\n".utf8))
    }
    return readLine(strippingNewline: true) ?? ""
  }
}
