import Foundation
import MandateKit

extension WebSite {
  /// Why decisions cannot be recorded now (the ledger is not readable), kept per state of the
  /// files; nil when they can.
  func ledgerProblem() async throws -> String? {
    let written = ledgerWritten.value
    return try await cached("ledger-problem") { view in
      // A ledger this server has just appended to is readable: the append checked it first, and
      // its entries are YAML. Reading 20,000 entries again after every keystroke is not needed.
      if let written, written == view.stamp.decisions { return nil }
      return LedgerFile(workspace: view.workspace, mandateID: view.mandate.id).writeProblem()
    }
  }

  /// A banner for every page when the ledger cannot take decisions.
  func ledgerBanners() async throws -> [String] {
    guard let problem = try await ledgerProblem() else { return [] }
    return ["Decisions cannot be recorded: \(problem). `mandate check` shows where."]
  }
}

/// The ledger arranged by event, computed once per state of the files: pages look up one
/// event's tags and decisions among tens of thousands.
struct LedgerLookup: Sendable {
  var tagsByEvent: [String: [LedgerState.Tag]] = [:]
  var rejectionsByEvent: [String: [String]] = [:]
  /// Every entry naming the event, by the id it names (a merged event's alias included).
  var decisionsByEvent: [String: [Decision]] = [:]

  func decisions(of event: Event) -> [Decision] {
    // In the ledger's order (its lines), whichever id each entry names.
    ([event.id] + event.aliases).flatMap { decisionsByEvent[$0] ?? [] }
      .sorted { ($0.line ?? 0, $0.at) < ($1.line ?? 0, $1.at) }
  }
}

extension LiveWorkspace.View {
  func lookup() throws -> LedgerLookup {
    let state = try ledgerState()
    return try memo("ledger-lookup:\(mandate.id)") {
      var lookup = LedgerLookup()
      for tag in state.tags.values { lookup.tagsByEvent[tag.event, default: []].append(tag) }
      for key in lookup.tagsByEvent.keys { lookup.tagsByEvent[key]?.sort { $0.item < $1.item } }
      for pair in state.rejections.keys { lookup.rejectionsByEvent[pair.event, default: []].append(pair.item) }
      for key in lookup.rejectionsByEvent.keys { lookup.rejectionsByEvent[key]?.sort() }
      for decision in try index.decisions(mandate: mandate.id) {
        if let event = decision.event { lookup.decisionsByEvent[event, default: []].append(decision) }
      }
      return lookup
    }
  }
}

/// A value shared between requests, behind a lock.
final class Shared<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value

  init(_ value: Value) { stored = value }

  var value: Value {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}
