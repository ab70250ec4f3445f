import Foundation
import Testing

@testable import MandateKit

@Suite struct TerminalSafetyTests {
  @Test func controlCharactersBecomeTheirSymbols() {
    #expect(TerminalSafety.neutralize("Esc \u{1B}]0;pwned\u{07} NUL\u{0} DEL\u{7F}") == "Esc ␛]0;pwned␇ NUL␀ DEL␡")
    // Tab, newline and carriage return are layout; text without controls is returned as is.
    #expect(TerminalSafety.neutralize("a\tb\r\nc") == "a\tb\r\nc")
    let plain = "Invoice \u{202E}gnp.exe zero\u{200B}width ОДКБ"
    #expect(TerminalSafety.neutralize(plain) == plain)
  }

  @Test func ownColourSequencesStayOnlyWhenStyling() {
    let styled = "\u{1B}[1;33mmatch\u{1B}[0m then \u{1B}[2J"
    #expect(TerminalSafety.neutralize(styled, keepingStyle: true) == "\u{1B}[1;33mmatch\u{1B}[0m then ␛[2J")
    #expect(TerminalSafety.neutralize(styled) == "␛[1;33mmatch␛[0m then ␛[2J")
    // A sequence cut short at the end of the text is not a colour.
    #expect(TerminalSafety.neutralize("x\u{1B}[1", keepingStyle: true) == "x␛[1")
  }

  /// The byte search behind the check, on small (inline) and large strings, and on a bridged one.
  @Test func controlBytesAreFoundInStringsOfEveryKind() {
    let long = String(repeating: "ОДКБ exercise ", count: 10_000)
    for text in [
      "a\u{1}", long + "\u{1B}", String(Substring(long + "\u{7F}").dropFirst()), NSString(string: "x\u{0}y") as String,
    ] {
      #expect(text.containsUTF8Byte(where: { $0 < 0x20 || $0 == 0x7F }), "\(text.suffix(3).debugDescription)")
      #expect(TerminalSafety.neutralize(text) != text)
    }
    for text in ["short", long, NSString(string: "plain") as String] {
      #expect(!text.containsUTF8Byte(where: { $0 < 0x20 || $0 == 0x7F }))
      #expect(TerminalSafety.neutralize(text) == text)
    }
  }

  /// Bytes (the streamed `suggest --format json`) are made safe exactly as strings are.
  @Test func bytesAreNeutralizedAsStringsAre() {
    for text in ["plain ОДКБ", "Esc \u{1B}]0;x\u{07} DEL\u{7F}", "\u{1B}[1;33mmatch\u{1B}[0m \u{1B}[2J"] {
      for keepingStyle in [false, true] {
        let bytes = TerminalSafety.neutralize(bytes: Array(text.utf8), keepingStyle: keepingStyle)
        #expect(String(decoding: bytes, as: UTF8.self) == TerminalSafety.neutralize(text, keepingStyle: keepingStyle))
      }
    }
  }
}
