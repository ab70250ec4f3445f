import Foundation
import Testing

/// The README's "News in Russian": a Russian item goes from import to a report in the tour workspace,
/// each command doing what its comment says.
@Suite struct RussianTourTests {
  @Test func aRussianItemGoesFromImportToAReport() throws {
    let readme = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.range(of: "### News in Russian"))
    let line = try #require(
      readme[section.upperBound...].split(separator: "\n").first { $0.hasPrefix("{\"title\": \"Учение") })
    let commands = try ReadmeTests.commands(inSection: "### News in Russian").filter { $0.hasPrefix("mandate ") }
    #expect(commands.count == 6)

    let base = FileManager.default.temporaryDirectory.appendingPathComponent("mandate-ru-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: base) }
    let environment = InitWorkspaceTests.environment
    #expect(try CLI.run(["init", "--example", "tour"], in: base, environment: environment).status == 0)
    let tour = base.appendingPathComponent("tour")
    try (String(line) + "\n").write(to: tour.appendingPathComponent("ru.jsonl"), atomically: true, encoding: .utf8)
    var outputs: [String] = []
    for command in commands {
      let result = try CLI.run(
        Array(InitWorkspaceTests.words(command).dropFirst()), in: tour,
        environment: environment.merging(["MANDATE_USER": "sample analyst", "COLUMNS": "100"]) { $1 })
      #expect(result.status == 0, "\(command): \(result.stderr)")
      outputs.append(result.stdout + result.stderr)
    }
    #expect(outputs[0].contains("1 new event"))
    #expect(
      outputs[1].contains("date: 2024-09-02…06 (day precision, stated in the text: \"С 2 по 6 сентября 2024 года\")"))
    #expect(outputs[1].contains("language: ru\n"))
    #expect(outputs[2].contains("**миротворческих**") && outputs[2].contains("**Миротворческими**"))
    #expect(outputs[3].contains("1. P2.3 Peacekeeping potential  1.00"))
    #expect(outputs[3].contains("keyword “миротворческие\n     силы” as “миротворческих сил” ×2 in title"))
    #expect(outputs[5].contains("newly covered: P2.3 Peacekeeping potential"))
    #expect(outputs[5].contains("7bdb4ab2 Учение миротворческих сил ОДКБ"))
  }
}
