import MandateKit

extension WebSite {
  /// Why decisions cannot be recorded now (the ledger is not readable), kept per state of the
  /// files; nil when they can.
  func ledgerProblem() async throws -> String? {
    try await cached("ledger-problem") { view in
      LedgerFile(workspace: view.workspace, mandateID: view.mandate.id).writeProblem()
    }
  }

  /// A banner for every page when the ledger cannot take decisions.
  func ledgerBanners() async throws -> [String] {
    guard let problem = try await ledgerProblem() else { return [] }
    return ["Decisions cannot be recorded: \(problem). `mandate check` shows where."]
  }
}
