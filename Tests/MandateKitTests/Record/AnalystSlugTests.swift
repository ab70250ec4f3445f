import Foundation
import Testing

@testable import MandateKit

@Suite struct AnalystSlugTests {
  @Test(arguments: [
    ("sample analyst", "sample-analyst"),
    ("Alice", "alice"),
    ("ALICE", "alice"),
    ("J. R. Smith", "j-r-smith"),
    ("  spaced   out  ", "spaced-out"),
    ("O'Brien-Smith", "o-brien-smith"),
    ("Алия Сейткали", "алия-сейткали"),
    ("«Алия Сейткали»", "алия-сейткали"),
    ("Nazarbayev_University", "nazarbayev-university"),
    ("名前 テスト", "名前-テスト"),
    ("दिनेश कुमार", "दिनेश-कुमार"),
    ("analyst 2", "analyst-2"),
    ("../../etc/passwd", "etc-passwd"),
    ("C:\\Users\\dana", "c-users-dana"),
    ("a/b", "a-b"),
    (".hidden", "hidden"),
    ("..", "unnamed"),
    ("/", "unnamed"),
    ("", "unnamed"),
    ("🙂", "unnamed"),
    ("x\u{202E}gpj.exe", "x-gpj-exe"),
    ("tab\there\nnewline", "tab-here-newline"),
    ("con", "con_"),
    ("COM1", "com1_"),
    ("Nul", "nul_"),
    ("console", "console"),
  ])
  func namesGiveReadableSafeSlugs(name: String, slug: String) {
    #expect(AnalystSlug.of(name) == slug)
  }

  /// One name typed composed or decomposed is one file, written composed.
  @Test func aNameIsTheSameFileInAnyUnicodeForm() {
    let composed = "Zoë Алия Сейткали"
    let decomposed = composed.decomposedStringWithCanonicalMapping
    #expect(Array(composed.unicodeScalars) != Array(decomposed.unicodeScalars))
    #expect(AnalystSlug.of(decomposed) == AnalystSlug.of(composed))
    let slug = AnalystSlug.of(decomposed)
    #expect(Array(slug.unicodeScalars) == Array(slug.precomposedStringWithCanonicalMapping.unicodeScalars))
    #expect(slug == "zoë-алия-сейткали")
  }

  @Test func longNamesAreCutWithinFileNameLimits() {
    #expect(AnalystSlug.of(String(repeating: "abc ", count: 100)).count == 63)
    let wide = AnalystSlug.of(String(repeating: "𝒜", count: 100))
    #expect(wide.utf8.count <= 120)
    #expect(!wide.isEmpty)
  }

  /// Whatever the name, its file stays a plain file in the mandate's folder.
  @Test(arguments: [
    "../x", "../../..", "/etc/passwd", "a/../../b", "~/x", "\u{0}", ".", "...", "-", "--x--", " / ", "a\\..\\..\\b",
    "\u{FF0F}fullwidth\u{2215}slashes", "NUL.txt", String(repeating: "/..", count: 50),
  ])
  func noNameEscapesTheFolder(name: String) throws {
    let slug = AnalystSlug.of(name)
    #expect(!slug.isEmpty)
    #expect(!slug.contains("/") && !slug.contains("\\") && !slug.contains("."))
    #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-"))
    let folder = URL(fileURLWithPath: "/workspace/Tags/m", isDirectory: true)
    let file = folder.appendingPathComponent("\(slug).yaml").standardizedFileURL
    #expect(file.deletingLastPathComponent().path == folder.path)
    let ledger = LedgerFile(workspace: Workspace(root: URL(fileURLWithPath: "/workspace")), mandateID: "m")
    #expect(ledger.file(for: name) == "Tags/m/\(slug).yaml")
  }
}
