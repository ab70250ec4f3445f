import Testing

@testable import MandateKit

@Suite struct DiagnosticFormatterTests {
  @Test func printsPositionMessageSourceLineAndCaret() {
    var formatter = DiagnosticFormatter()
    formatter.register(text: "schema: 1\nid: x\n  keyword: [a]\n", for: "m.yaml")
    let diagnostic = Diagnostic.error(
      "unknown-key", "unknown key `keyword`; did you mean `keywords`?",
      at: FileLocation(file: "m.yaml", line: 3, column: 3))
    #expect(
      formatter.format(diagnostic) == """
        m.yaml:3:3: error: unknown key `keyword`; did you mean `keywords`?
          keyword: [a]
          ^

        """)
  }

  @Test func printsNotesWithTheirOwnExcerpt() {
    var formatter = DiagnosticFormatter()
    formatter.register(text: "a: 1\nb: 2\na: 3\n", for: "d.yaml")
    let diagnostic = Diagnostic.error(
      "duplicate-key", "key `a` appears twice", at: FileLocation(file: "d.yaml", line: 3, column: 1),
      notes: [.init("first written here", at: FileLocation(file: "d.yaml", line: 1, column: 1))])
    #expect(
      formatter.format(diagnostic)
        == "d.yaml:3:1: error: key `a` appears twice\na: 3\n^\nd.yaml:1:1: note: first written here\na: 1\n^\n")
  }

  @Test func keepsTabsSoTheCaretLinesUp() {
    var formatter = DiagnosticFormatter()
    formatter.register(text: "\tkey: value\n", for: "t.yaml")
    let text = formatter.format(.warning("w", "look here", at: FileLocation(file: "t.yaml", line: 1, column: 6)))
    #expect(text == "t.yaml:1:6: warning: look here\n\tkey: value\n\t    ^\n")
  }

  @Test func colourIsOnlyUsedWhenAsked() {
    var plain = DiagnosticFormatter(style: .plain)
    var coloured = DiagnosticFormatter(style: TerminalStyle(enabled: true))
    let diagnostic = Diagnostic.error("x", "message", at: nil)
    #expect(!plain.format(diagnostic).contains("\u{1B}["))
    #expect(coloured.format(diagnostic).contains("\u{1B}[1;31merror:"))
  }

  @Test func colourHonoursNoColorAndDumbTerminals() {
    #expect(TerminalStyle.forDescriptor(1, environment: ["NO_COLOR": "1"]).enabled == false)
    #expect(TerminalStyle.forDescriptor(1, environment: ["TERM": "dumb"]).enabled == false)
  }

  @Test func summarisesCounts() {
    let diagnostics: [Diagnostic] = [.error("a", "x", at: nil), .error("b", "y", at: nil), .warning("c", "z", at: nil)]
    #expect(DiagnosticFormatter.summary(diagnostics, files: 3) == "2 errors and 1 warning in 3 files")
    #expect(DiagnosticFormatter.summary([], files: 1) == "1 file checked: no problems")
  }

  @Test func jsonFormHasTheEditorFields() throws {
    let diagnostic = Diagnostic.error(
      "duplicate-id", "id `P1` is already used", at: FileLocation(file: "m.yaml", line: 4, column: 9),
      notes: [.init("first defined here", at: FileLocation(file: "m.yaml", line: 2, column: 9))])
    let json = try JSON.encode([diagnostic.jsonForm], pretty: false)
    #expect(
      json
        == #"[{"code":"duplicate-id","column":9,"file":"m.yaml","line":4,"message":"id `P1` is already used","notes":[{"column":9,"file":"m.yaml","line":2,"message":"first defined here"}],"severity":"error"}]"#
    )
  }
}
