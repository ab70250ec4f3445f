import Foundation
import MandateKit
import Testing

/// Processes killed in the middle of writing, and many processes writing at once, through the
/// `mandate` binary. `MANDATE_FAULT_KILLS` sets how many kills (CI: the default, a short run);
/// `MANDATE_FAULT_SEED` replays a run. See docs/reliability.md.
@Suite(.serialized) struct FaultTests {
  /// A folder outside any workspace for generated inputs, removed at the end.
  final class Inputs {
    let url: URL

    init() throws {
      url = FileManager.default.temporaryDirectory.appendingPathComponent("mandate-inputs-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ name: String, _ text: String) throws -> String {
      let file = url.appendingPathComponent(name)
      try Data(text.utf8).write(to: file)
      return file.path
    }
  }

  /// A workspace with the shipped mandate and the first `seedLines` items of the corpus imported.
  static func seededTemplate(inputs: Inputs, seedLines: Int) throws -> ScratchWorkspace {
    let template = try ScratchWorkspace()
    let seed = try inputs.write("seed.jsonl", FaultKit.corpus(lines: seedLines))
    let imported = try Child.run(["import", seed], in: template.url)
    try #require(imported.status == 0, "\(imported.summary)")
    return template
  }

  static func copy(_ template: ScratchWorkspace, to name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mandate-\(name)-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: template.url, to: url)
    return url
  }

  /// What a `mandate tag` run said it wrote: exit 0 and "tagged …" on standard output.
  struct TagAttempt {
    var event: String
    var item: String
    var child: Child

    func reportedWritten(_ finished: Child.Finished) -> Bool {
      finished.status == 0 && finished.stdout.hasPrefix("tagged \(event.prefix(8)) ")
    }
  }

  static func startTag(_ event: String, _ item: String, in workspace: URL, strength: String = "declaratory") throws
    -> TagAttempt
  {
    let child = try Child(
      ["tag", event, item, "--strength", strength, "--note", "fault test: \(item) ∙ \"quoted\""], in: workspace)
    return TagAttempt(event: event, item: item, child: child)
  }

  @Test func sigkillDuringImportAndTaggingLosesNothing() throws {
    let kills = FaultKit.environment("MANDATE_FAULT_KILLS", default: 10)
    let seed = SeededRandom.seed(from: "MANDATE_FAULT_SEED", test: "SIGKILL test")
    var random = SeededRandom(seed: seed)
    let inputs = try Inputs()
    let corpus = try inputs.write("corpus.jsonl", FaultKit.corpus(lines: 3000))
    let template = try Self.seededTemplate(inputs: inputs, seedLines: 300)
    let seededEvents = try FaultKit.eventIDs(in: template.url)
    let items = try FaultKit.itemIDs()
    try #require(seededEvents.count >= 200 && items.count == 16)

    // The uninterrupted import: what every interrupted one must end as, and how long it takes.
    let reference = try Self.copy(template, to: "fault-reference")
    defer { try? FileManager.default.removeItem(at: reference) }
    let full = try Child.run(["import", corpus], in: reference)
    try #require(full.status == 0, "\(full.summary)")
    let expected = Set(FaultKit.loadEvents(reference).map(\.id))
    // The mirrored copies merge into their events: one event per numbered item.
    try #require(expected.count == 3000)
    let window = FaultKit.seconds(full.elapsed)
    // Tag commands wait while an import holds the lock: every other round runs tags alone, killed
    // at a random moment of a short loop of them.
    let tagProbe = try Self.startTag(seededEvents[0], items[0], in: reference).child.wait()
    try #require(tagProbe.status == 0, "\(tagProbe.summary)")
    let tagWindow = FaultKit.seconds(tagProbe.elapsed) * 6

    var importsKilled = 0
    var tagsKilled = 0
    var tagsReported = 0
    let clock = ContinuousClock()
    let start = clock.now
    for round in 0..<kills {
      let workspace = try Self.copy(template, to: "fault-round")
      defer { try? FileManager.default.removeItem(at: workspace) }
      let withImport = round % 2 == 0
      let killAt =
        clock.now
        + .milliseconds(Int(Double.random(in: 0...(withImport ? window : tagWindow), using: &random) * 1000))
      let importer = try Child(withImport ? ["import", corpus] : ["index"], in: workspace)
      var reported: [(event: String, item: String)] = []
      var tag = try Self.startTag(
        seededEvents.randomElement(using: &random)!, items.randomElement(using: &random)!, in: workspace)
      while clock.now < killAt {
        if let done = tag.child.poll() {
          if tag.reportedWritten(done) {
            reported.append((tag.event, tag.item))
          } else if done.status != 0 {
            Issue.record("round \(round): tag failed: \(done.summary)")
          }
          tag = try Self.startTag(
            seededEvents.randomElement(using: &random)!, items.randomElement(using: &random)!, in: workspace,
            strength: Bool.random(using: &random) ? "material" : "declaratory")
        }
        if let done = importer.poll(), done.status != 0 {
          Issue.record("round \(round): import failed: \(done.summary)")
        }
        if importer.poll() != nil && tag.child.poll() != nil { break }
        usleep(2000)
      }
      if withImport && importer.poll() == nil { importsKilled += 1 }
      importer.kill()
      if tag.child.poll() == nil {
        tagsKilled += 1
      } else if tag.reportedWritten(tag.child.wait()) {
        reported.append((tag.event, tag.item))
      }
      tag.child.kill()
      tagsReported += reported.count

      try Self.checkAfterKill(workspace, round: round, reported: reported, corpus: corpus, expected: expected)
    }
    let elapsed = FaultKit.seconds(clock.now - start)
    print(
      "SIGKILL test: \(kills) rounds in \(String(format: "%.1f", elapsed)) s; imports killed mid-run \(importsKilled), tag commands killed mid-run \(tagsKilled), tags reported written and found \(tagsReported)"
    )
    // The window covers the whole import, so most rounds kill it mid-run.
    #expect(kills < 4 || importsKilled > 0)
  }

  /// After a kill: the record parses, `check` passes with whatever the killed writers left, the
  /// index rebuilds, every reported tag is there, and importing again ends with exactly the full set.
  static func checkAfterKill(
    _ workspace: URL, round: Int, reported: [(event: String, item: String)], corpus: String, expected: Set<String>
  ) throws {
    let r = "round \(round):"
    FaultKit.checkPriorities(workspace)
    let events = FaultKit.loadEvents(workspace)
    #expect(Set(events.map(\.id)).count == events.count, "\(r) an event is recorded twice")
    let ledger = FaultKit.loadLedger(workspace)
    for (event, item) in reported {
      #expect(FaultKit.hasTag(ledger, event: event, item: item), "\(r) reported tag \(event) \(item) is missing")
    }
    let check = try Child.run(["check"], in: workspace)
    #expect(check.status == 0, "\(r) check after the kill: \(check.summary)")
    let rebuilt = try Child.run(["index", "--rebuild"], in: workspace)
    #expect(rebuilt.status == 0, "\(r) \(rebuilt.summary)")
    #expect(rebuilt.stdout.contains(": \(events.count) events,"), "\(r) \(rebuilt.stdout)")

    let again = try Child.run(["import", corpus], in: workspace)
    #expect(again.status == 0, "\(r) import again: \(again.summary)")
    let after = FaultKit.loadEvents(workspace)
    #expect(after.count == expected.count, "\(r) after importing again: \(after.count) events")
    #expect(Set(after.map(\.id)) == expected, "\(r) not the full set")
    #expect(
      FaultKit.strayTemporaries(workspace).filter { $0.hasPrefix("Events/") }.isEmpty, "\(r) stray temporary files")
    let index = try Child.run(["index"], in: workspace)
    #expect(index.stdout.contains(": \(expected.count) events,"), "\(r) \(index.summary)")
    let finalCheck = try Child.run(["check"], in: workspace)
    #expect(finalCheck.status == 0, "\(r) \(finalCheck.summary)")
    // One more decision clears what killed ledger writers left behind.
    let status = try Child.run(["status", "P1.1", "in-progress", "--note", "after round \(round)"], in: workspace)
    #expect(status.status == 0, "\(r) \(status.summary)")
    #expect(FaultKit.strayTemporaries(workspace).isEmpty, "\(r) stray temporary files")
    let finalLedger = FaultKit.loadLedger(workspace)
    for (event, item) in reported {
      #expect(FaultKit.hasTag(finalLedger, event: event, item: item), "\(r) \(event) \(item)")
    }
  }

  @Test func eightProcessesImportingAndTaggingAtOnce() throws {
    let inputs = try Inputs()
    let a = try inputs.write("a.jsonl", FaultKit.corpus(lines: 1500))
    let b = try inputs.write("b.jsonl", FaultKit.corpus(lines: 1500, first: 1000))
    let c = try inputs.write("c.jsonl", FaultKit.corpus(lines: 600, first: 2500))
    let template = try Self.seededTemplate(inputs: inputs, seedLines: 300)
    let seededEvents = try FaultKit.eventIDs(in: template.url)
    let items = try FaultKit.itemIDs()

    let reference = try Self.copy(template, to: "concurrency-reference")
    defer { try? FileManager.default.removeItem(at: reference) }
    for file in [a, b, c] {
      let imported = try Child.run(["import", file], in: reference)
      try #require(imported.status == 0, "\(imported.summary)")
    }
    let expected = Set(FaultKit.loadEvents(reference).map(\.id))

    let workspace = try Self.copy(template, to: "concurrency")
    defer { try? FileManager.default.removeItem(at: workspace) }
    // Four lanes import (different and overlapping files), four tag: eight processes at once.
    var importLanes: [[[String]]] = [[[a], [c]], [[b], [a]], [[c], [b]], [[a, b]]]
    let tagsPerLane = FaultKit.environment("MANDATE_CONCURRENCY_TAGS", default: 8)
    var tagLanes: [[(event: String, item: String)]] = (0..<4).map { lane in
      (0..<tagsPerLane).map { number in
        // Disjoint pairs per lane: each command has something new to record.
        (seededEvents[(lane * tagsPerLane + number) % seededEvents.count], items[(lane * 4 + number) % items.count])
      }
    }
    var finished: [(child: Child, finished: Child.Finished, tag: (event: String, item: String)?)] = []
    func next(lane: Int) throws -> (Child, (event: String, item: String)?)? {
      if lane < 4 {
        guard !importLanes[lane].isEmpty else { return nil }
        return (try Child(["import"] + importLanes[lane].removeFirst(), in: workspace), nil)
      }
      guard !tagLanes[lane - 4].isEmpty else { return nil }
      let pair = tagLanes[lane - 4].removeFirst()
      return (try Self.startTag(pair.event, pair.item, in: workspace).child, pair)
    }
    var lanes: [Int: (child: Child, tag: (event: String, item: String)?)] = [:]
    for lane in 0..<8 { if let started = try next(lane: lane) { lanes[lane] = started } }
    var peakConcurrent = lanes.count
    while !lanes.isEmpty {
      for (lane, entry) in lanes {
        guard let done = entry.child.poll() else { continue }
        finished.append((entry.child, done, entry.tag))
        lanes[lane] = try next(lane: lane)
      }
      peakConcurrent = max(peakConcurrent, lanes.count)
      usleep(2000)
    }

    #expect(peakConcurrent == 8)
    var reported: [(event: String, item: String)] = []
    for entry in finished {
      let command = entry.child.arguments.joined(separator: " ")
      #expect(entry.finished.status == 0, "\(command): \(entry.finished.summary)")
      for word in ["locked", "busy", "SQLite", "database"] {
        #expect(!entry.finished.stderr.lowercased().contains(word.lowercased()), "\(command): \(entry.finished.stderr)")
      }
      if let tag = entry.tag {
        #expect(entry.finished.stdout.hasPrefix("tagged "), "\(command): \(entry.finished.summary)")
        if entry.finished.status == 0 { reported.append(tag) }
      }
    }
    #expect(reported.count == 4 * tagsPerLane)
    FaultKit.checkPriorities(workspace)
    let events = FaultKit.loadEvents(workspace)
    #expect(events.count == expected.count)
    #expect(Set(events.map(\.id)) == expected)
    let ledger = FaultKit.loadLedger(workspace)
    for (event, item) in reported { #expect(FaultKit.hasTag(ledger, event: event, item: item), "\(event) \(item)") }
    #expect(ledger.filter { $0.kind == .tag }.count == reported.count)
    let check = try Child.run(["check"], in: workspace)
    #expect(check.status == 0, "\(check.summary)")
    let index = try Child.run(["index"], in: workspace)
    #expect(index.stdout.contains(": \(expected.count) events,"), "\(index.summary)")
    #expect(FaultKit.strayTemporaries(workspace).isEmpty)
  }
}
