import Foundation
import Testing

@testable import MandateKit

/// The shipped KZ 2024 mandate is the project's showcase: it must load without a single
/// diagnostic and quote the CSTO's page word for word.
@Suite struct ShippedMandateTests {
  static let file = TestPaths.repositoryRoot.appendingPathComponent("Priorities/kz-csto-2024.yaml")
  static let seed = TestPaths.repositoryRoot.appendingPathComponent("Samples/csto-pages/003_d6cbff984afcdd90.txt")

  func load() throws -> Mandate {
    let result = MandateLoader().load(url: Self.file, displayPath: "Priorities/kz-csto-2024.yaml")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.summary))")
    return try #require(result.mandate)
  }

  /// The seed page's list of priorities: titles end with a colon, items start with "- ".
  func seedPriorities() throws -> [(title: String, items: [String])] {
    let page = try String(contentsOf: Self.seed, encoding: .utf8)
    let lines = page.split(separator: "\n").map(String.init)
    var result: [(String, [String])] = []
    for line in lines {
      if line.hasPrefix("- "), !result.isEmpty {
        var text = String(line.dropFirst(2))
        if text.hasSuffix(";") || text.hasSuffix(".") { text.removeLast() }
        result[result.count - 1].1.append(text)
      } else if line.hasSuffix(":"), !line.hasPrefix("The first"),
        lines.contains(where: { $0.hasPrefix("Priorities of the Republic") })
      {
        result.append((String(line.dropLast()), []))
      }
    }
    return result
  }

  @Test func hasSevenPrioritiesAndSixteenItemsInTheSeedsWording() throws {
    let mandate = try load()
    let seed = try seedPriorities()
    #expect(seed.count == 7)
    #expect(mandate.priorities.count == 7)
    #expect(mandate.items.count == 16)
    // The page has a no-break space in P4.2; any run of white space counts as one space.
    func folded(_ text: String) -> String {
      text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
    for (priority, expected) in zip(mandate.priorities, seed) {
      #expect(priority.title == folded(expected.title))
      #expect(priority.items.map(\.text) == expected.items.map(folded))
    }
    #expect(mandate.priorities.map(\.id) == ["P1", "P2", "P3", "P4", "P5", "P6", "P7"])
    #expect(
      mandate.items.map(\.id) == [
        "P1.1", "P1.2", "P2.1", "P2.2", "P2.3", "P3.1", "P3.2", "P4.1", "P4.2", "P5.1", "P5.2", "P6.1", "P6.2", "P6.3",
        "P7.1", "P7.2",
      ])
  }

  @Test func headerMatchesTheChairmanship() throws {
    let mandate = try load()
    #expect(mandate.id == "kz-csto-2024")
    #expect(
      mandate.title
        == "Priorities of the Republic of Kazakhstan Chairmanship in the Collective Security Treaty Organization in 2024"
    )
    #expect(mandate.holder == "Republic of Kazakhstan")
    #expect(mandate.term == DayRange(start: Day(iso: "2024-01-01")!, end: Day(iso: "2024-12-31")!))
  }

  /// Every item has several keywords, at least one of them naming a body, an operation or an
  /// acronym that stands in the item's text or its aliases.
  @Test func everyItemHasSeveralKeywords() throws {
    let mandate = try load()
    for item in mandate.items {
      #expect(item.keywords.count >= 4, "\(item.id) has \(item.keywords.count) keywords")
      #expect(item.indicator != nil, "\(item.id) has no indicator")
    }
  }

  /// The bodies and operations the items name have aliases, including their acronyms.
  @Test(arguments: [
    ("CIS ATC", "Anti-Terrorism Center of the CIS"), ("SCO RATS", "Regional Anti-Terrorist Structure of the SCO"),
    ("Operation PROXY", "PROXY"), ("CSSC", "Committee of Secretaries of Security Councils"),
    ("CCES", "Coordination Council for Emergency Situations"), ("Collective Forces", "CSTO Troops"),
  ])
  func aliasesJoinTheNamesOfBodies(_ name: String, _ variant: String) throws {
    let mandate = try load()
    #expect(mandate.spellings(of: variant).contains(name))
    #expect(mandate.spellings(of: name).contains(variant))
  }

  /// The spelling table gives what a plain scan of every alias gives (the first alias with a
  /// spelling equal to the name, case aside and «ё» as «е»), for every keyword and spelling of the
  /// shipped mandate, in other cases, and with a decomposed «ё».
  @Test func theSpellingTableAgreesWithAScanOfEveryAlias() throws {
    let mandate = try load()
    let table = SpellingTable(mandate)
    let names =
      mandate.items.flatMap(\.keywords) + mandate.aliases.flatMap { [$0.name] + $0.variants }
      + ["Объединённых", "объедин\u{0435}\u{0308}нных", "ОБЪЕДИНЕННЫХ", "not a name"]
    var checked = 0
    func scanned(_ name: String) -> [String] {
      let key = Mandate.spellingKey(name)
      for alias in mandate.aliases
      where ([alias.name] + alias.variants).contains(where: { Mandate.spellingKey($0) == key }) {
        return [alias.name] + alias.variants
      }
      return [name]
    }
    for name in names + names.map { $0.uppercased() } + names.map { $0.lowercased() } {
      #expect(table.spellings(of: name) == scanned(name), "\(name)")
      #expect(mandate.spellings(of: name) == scanned(name), "\(name)")
      checked += 1
    }
    #expect(checked > 300)
    #expect(table.spellings(of: "cis atc").contains("Anti-Terrorism Center of the CIS"))
  }
}
