import Foundation
import Testing

@testable import MandateKit

@Suite struct LanguageDetectorTests {
  @Test(arguments: [
    ("ru", "Генеральный секретарь ОДКБ провел встречу с делегацией Казахстана в Москве."),
    ("en", "The CSTO Secretary General held a meeting with the delegation of Kazakhstan in Moscow."),
    ("kk", "ҰҚШҰ Бас хатшысы Қазақстан делегациясымен кездесу өткізді, тараптар әскери ынтымақтастықты талқылады."),
    ("ru", "Президент Қасым-Жомарт Тоқаев провел совещание по вопросам безопасности с руководством министерств."),
  ])
  func tellsTheLanguage(_ expected: String, _ text: String) {
    #expect(LanguageDetector.detect(title: nil, text: text) == expected)
  }

  @Test(arguments: [
    "Генеральний секретар ОДКБ провів зустріч із делегацією; сторони обговорили співпрацю та її розвиток.",
    "Le secrétaire général a rencontré la délégation du Kazakhstan à Moscou pour discuter de sécurité.",
    "ОДКБ CSTO",
    "CSTO ОДКБ meeting встреча delegation делегация Moscow Москва talks переговоры",
    "",
  ])
  func leavesTheRestUndetermined(_ text: String) {
    #expect(LanguageDetector.detect(title: nil, text: text) == nil)
  }

  /// The title counts too: a short teaser under a Russian headline is Russian.
  @Test func theTitleHelps() {
    #expect(LanguageDetector.detect(title: nil, text: "Итоги недели.") == nil)
    #expect(LanguageDetector.detect(title: "Генеральный секретарь ОДКБ посетил Астану", text: "Итоги недели.") == "ru")
  }

  /// Every text of the labelled news sets is told right, headline and text together.
  @Test(arguments: ["ru", "en"])
  func tellsTheLabelledNews(_ language: String) throws {
    let lines = try String(contentsOf: TestPaths.fixture("quality/\(language)-news.jsonl"), encoding: .utf8)
      .split(separator: "\n")
    #expect(lines.count == 48)
    for line in lines {
      let item = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      let title = item?["title"] as? String
      let body = item?["body"] as? String ?? ""
      #expect(LanguageDetector.detect(title: title, text: body) == language, "\(title ?? body)")
    }
  }

  /// Each event records its language: the source's when it names one (in its usual case), else
  /// the text's; the index tells the language of events recorded without one.
  @Test func importsRecordTheLanguage() throws {
    let scratch = try ScratchWorkspace()
    let file = try scratch.folder.file(
      "news.jsonl",
      """
      {"title": "Учение миротворческих сил ОДКБ", "body": "Учение миротворческих сил ОДКБ завершилось в Казахстане."}
      {"title": "Peacekeeping exercise ends", "body": "The CSTO peacekeeping exercise ended in Kazakhstan on Friday."}
      {"title": "Учения", "body": "Учения прошли на полигоне под Алматы.", "language": "RU-ru"}
      {"title": "ОДКБ", "body": "CSTO"}

      """)
    try scratch.importFiles([file])
    let events = try scratch.index().events(EventQuery())
    #expect(
      Set(events.map { "\($0.title ?? "") \($0.language ?? "unknown")" }) == [
        "Учение миротворческих сил ОДКБ ru", "Peacekeeping exercise ends en", "Учения ru-RU", "ОДКБ unknown",
      ])
    let record = try String(
      contentsOf: scratch.workspace.eventsDirectory.appendingPathComponent("undated.jsonl"), encoding: .utf8)
    #expect(record.contains(#""language":"ru""#) && record.contains(#""language":"en""#))
  }
}
