import Foundation
import MandateKit
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A child process started without waiting for it, so that it can be killed at any moment; its
/// exit, time and peak memory are read with `wait4`, for this child alone.
final class Child {
  struct Finished {
    /// The exit code, or nil when a signal ended the process.
    var status: Int32?
    var signal: Int32?
    var stdout: String
    var stderr: String
    /// Peak resident memory, in kilobytes.
    var maxRSSKilobytes: Int
    var elapsed: Duration

    var exitedCleanly: Bool { status == 0 }
    var summary: String {
      "status \(status.map(String.init) ?? "-") signal \(signal.map(String.init) ?? "-")\nstdout: \(stdout.prefix(2000))\nstderr: \(stderr.prefix(2000))"
    }
  }

  let pid: pid_t
  let arguments: [String]
  private let scratch: URL
  private let started: ContinuousClock.Instant
  private(set) var finished: Finished?

  /// Starts `executable` (the `mandate` binary by default) in `directory`.
  init(
    _ arguments: [String], in directory: URL, executable: String = CLI.executable.path,
    environment: [String: String] = [:]
  ) throws {
    self.arguments = arguments
    scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mandate-child-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "100"
    env["MANDATE_USER"] = "fault-test"
    for (key, value) in environment { env[key] = value }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 1, scratch.appendingPathComponent("stdout").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(
      &actions, 2, scratch.appendingPathComponent("stderr").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

    // posix_spawn_file_actions_addchdir_np is not visible from Swift here: the shell changes
    // folder and replaces itself with the command, keeping the pid that `wait4` and `kill` use.
    let shellArguments = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory.path, executable] + arguments
    let argv = shellArguments.map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    started = .now
    let result = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
    guard result == 0 else {
      throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "posix_spawn: \(result)"])
    }
    self.pid = pid
  }

  deinit {
    if finished == nil {
      Glibc.kill(pid, SIGKILL)
      _ = wait()
    }
    try? FileManager.default.removeItem(at: scratch)
  }

  /// Whether the process has ended (reaping it if so), without blocking.
  func poll() -> Finished? {
    if let finished { return finished }
    return reap(options: WNOHANG)
  }

  /// Waits for the process to end.
  @discardableResult
  func wait() -> Finished {
    if let finished { return finished }
    while true {
      if let done = reap(options: 0) { return done }
    }
  }

  /// Kills the process with SIGKILL and reaps it.
  @discardableResult
  func kill() -> Finished {
    if let finished { return finished }
    Glibc.kill(pid, SIGKILL)
    return wait()
  }

  private func reap(options: Int32) -> Finished? {
    var status: Int32 = 0
    var usage = rusage()
    let result = wait4(pid, &status, options, &usage)
    if result == 0 { return nil }
    if result < 0 {
      if errno == EINTR { return nil }
      Issue.record("wait4(\(pid)) failed: \(String(cString: strerror(errno)))")
      finished = Finished(
        status: nil, signal: nil, stdout: "", stderr: "", maxRSSKilobytes: 0, elapsed: .now - started)
      return finished
    }
    let elapsed = ContinuousClock.now - started
    let signalled = status & 0x7f != 0
    let read = { (name: String) in
      (try? String(contentsOf: self.scratch.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }
    finished = Finished(
      status: signalled ? nil : (status >> 8) & 0xff, signal: signalled ? status & 0x7f : nil, stdout: read("stdout"),
      stderr: read("stderr"), maxRSSKilobytes: Int(usage.ru_maxrss), elapsed: elapsed)
    return finished
  }

  /// Waits for the process to end, killing it (SIGKILL, so `signal` tells) if it runs longer than
  /// `limit`: a guard against hangs, far above any normal run, never a measure of speed.
  func wait(killingAfter limit: Duration) -> Finished {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
      if let done = poll() { return done }
      usleep(5000)
    }
    return kill()
  }

  /// Runs to the end (or, given a `hangGuard`, until killed after it).
  static func run(
    _ arguments: [String], in directory: URL, executable: String = CLI.executable.path,
    environment: [String: String] = [:], hangGuard: Duration? = nil
  ) throws -> Finished {
    let child = try Child(arguments, in: directory, executable: executable, environment: environment)
    return hangGuard.map { child.wait(killingAfter: $0) } ?? child.wait()
  }
}

/// SplitMix64: a small seeded generator, so that a failing run can be replayed with its seed.
struct SeededRandom: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The seed from `variable` when set, else a fresh one; printed either way.
  static func seed(from variable: String, test: String) -> UInt64 {
    let seed =
      ProcessInfo.processInfo.environment[variable].flatMap { UInt64($0) } ?? UInt64.random(in: 1...999_999_999)
    print("\(test): seed \(seed) (replay with \(variable)=\(seed))")
    return seed
  }
}

/// Test corpora and checks shared by the fault tests.
enum FaultKit {
  static let mandateID = "kz-csto-2024"

  static let words = """
    summit council defence ministers exercise collective security treaty organisation secretary general \
    meeting consultations border drills peacekeeping cyber drugs migration training agreement parliament \
    assembly crisis response afghanistan tajik frontier contingent aviation transit academy course
    """.split(separator: " ").map(String.init)

  /// `count` JSON Lines news items dated through 2024, deterministic for a `seed`; `first` numbers
  /// the items, so that corpora with different ranges share no item and overlapping ones share some.
  static func corpus(lines count: Int, first: Int = 0, seed: UInt64 = 7) -> String {
    var random = SeededRandom(seed: seed)
    var out = ""
    out.reserveCapacity(count * 600)
    for number in first..<(first + count) {
      var item = SeededRandom(seed: seed &+ UInt64(number) &* 0x1000_0001)
      let month = Int.random(in: 1...12, using: &item)
      let day = Int.random(in: 1...28, using: &item)
      let title = (0..<6).map { _ in words.randomElement(using: &item)! }.joined(separator: " ")
      let body = (0..<40).map { _ in words.randomElement(using: &item)! }.joined(separator: " ")
      let date = String(format: "2024-%02d-%02d", month, day)
      out +=
        "{\"date\":\"\(date)\",\"title\":\"Item \(number): \(title)\",\"body\":\"Report number \(number). \(body).\",\"url\":\"https://example.org/news/\(number)\"}\n"
      // Now and then the same news again from another address: merged, not doubled.
      if Int.random(in: 0..<20, using: &random) == 0 {
        out +=
          "{\"date\":\"\(date)\",\"title\":\"Item \(number): \(title)\",\"body\":\"Report number \(number). \(body).\",\"url\":\"https://mirror.example.org/\(number)\"}\n"
      }
    }
    return out
  }

  /// Every event line of the record, decoded; records an issue for each line that does not parse.
  static func loadEvents(_ workspace: URL, sourceLocation: SourceLocation = #_sourceLocation) -> [Event] {
    let record = EventRecord(directory: Workspace(root: workspace).eventsDirectory)
    var events: [Event] = []
    for partition in record.partitions() {
      do {
        for line in try record.lines(partition: partition) {
          do {
            events.append(try Event.decode(line: line.bytes))
          } catch {
            Issue.record(
              "Events/\(partition).jsonl:\(line.number) does not parse: \(error)", sourceLocation: sourceLocation)
          }
        }
      } catch {
        Issue.record("Events/\(partition).jsonl cannot be read: \(error)", sourceLocation: sourceLocation)
      }
    }
    return events
  }

  /// The ledger's decisions; records an issue for every diagnostic.
  static func loadLedger(_ workspace: URL, sourceLocation: SourceLocation = #_sourceLocation) -> [Decision] {
    let contents = LedgerFile(workspace: Workspace(root: workspace), mandateID: mandateID).read()
    for diagnostic in contents.diagnostics {
      Issue.record("ledger: \(diagnostic)", sourceLocation: sourceLocation)
    }
    return contents.decisions
  }

  /// The mandates load without diagnostics.
  static func checkPriorities(_ workspace: URL, sourceLocation: SourceLocation = #_sourceLocation) {
    let catalog = MandateCatalog.load(Workspace(root: workspace))
    #expect(catalog.diagnostics.isEmpty, "\(catalog.diagnostics)", sourceLocation: sourceLocation)
    #expect(catalog.mandates.map(\.id) == [mandateID], sourceLocation: sourceLocation)
  }

  /// Files of the workspace left by writers that were killed (`.name.tmp-…`), by relative path.
  static func strayTemporaries(_ workspace: URL) -> [String] {
    var found: [String] = []
    for folder in ["Events", "Tags", "Tags/\(mandateID)", "Priorities"] {
      let names =
        (try? FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent(folder).path)) ?? []
      found += names.filter { $0.hasPrefix(".") && $0.contains(".tmp-") }.map { "\(folder)/\($0)" }
    }
    return found
  }

  /// The ledger file of the analyst the children decide as (`MANDATE_USER`).
  static var ledgerPath: String { "Tags/\(mandateID)/fault-test.yaml" }

  /// The item ids of the shipped mandate.
  static func itemIDs() throws -> [String] {
    let workspace = Workspace(root: CLI.repositoryRoot)
    let catalog = MandateCatalog.load(files: [workspace.prioritiesDirectory.appendingPathComponent("\(mandateID).yaml")]
    )
    return try #require(catalog.mandates.first).items.map(\.id)
  }

  /// Ids of the events `mandate events` lists in `workspace`.
  static func eventIDs(in workspace: URL) throws -> [String] {
    let listed = try Child.run(["events", "--format", "json"], in: workspace)
    try #require(listed.status == 0, "\(listed.summary)")
    let array = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    return array.compactMap { $0["id"] as? String }
  }

  /// A standing tag of `event` for `item` in `decisions`.
  static func hasTag(_ decisions: [Decision], event: String, item: String) -> Bool {
    decisions.contains { $0.kind == .tag && $0.event == event && $0.item == item }
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  /// An integer from the environment, or `fallback`.
  static func environment(_ name: String, default fallback: Int) -> Int {
    ProcessInfo.processInfo.environment[name].flatMap { Int($0) } ?? fallback
  }
}
