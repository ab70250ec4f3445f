import Foundation
import Testing

@testable import MandateKit

@Suite struct LedgerWriteProblemTests {
  @Test func anUnreadableLedgerSaysWhyInTheWordsTagUses() throws {
    let directory = try TemporaryDirectory()
    let workspace = Workspace(root: directory.url)
    let ledger = LedgerFile(workspace: workspace, mandateID: "m")
    #expect(ledger.writeProblem() == nil, "a missing ledger takes decisions")
    _ = try directory.file("Tags/m.yaml", "schema: 1\nmandate: m\ndecisions:\n  - kind: [\n")
    let problem = try #require(ledger.writeProblem())
    #expect(problem.hasPrefix("cannot write Tags/m.yaml: the file cannot be read (Tags/m.yaml:"))
    #expect(problem.hasSuffix("; fix it first; the record was left as it was"))
    #expect(throws: RecordError.self) {
      try ledger.append([Decision(kind: .reject, event: "0123456789abcdef", item: "P1.1", by: "a", at: Date())])
    }
  }
}
