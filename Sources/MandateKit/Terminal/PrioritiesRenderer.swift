import Foundation

/// Renders a mandate's priority tree for `mandate priorities`.
public enum PrioritiesRenderer {
  public enum Format: String, CaseIterable, Sendable {
    case text, json, markdown
  }

  public static func render(_ mandate: Mandate, format: Format, width: Int = 80, style: TerminalStyle = .plain) throws
    -> String
  {
    switch format {
    case .text: return text(mandate, width: width, style: style)
    case .json: return try JSON.encode(mandate) + "\n"
    case .markdown: return markdown(mandate)
    }
  }

  static func text(_ mandate: Mandate, width: Int, style: TerminalStyle) -> String {
    var out = ""
    let keywordCount = mandate.items.reduce(0) { $0 + $1.keywords.count }
    for (index, line) in TextWrap.lines(mandate.title, width: width - 2).enumerated() {
      out += (index == 0 ? "" : "  ") + style.apply(.bold, line) + "\n"
    }
    out +=
      TextWrap.block(
        "mandate \(mandate.id) · holder \(mandate.holder) · term \(mandate.term.start) to \(mandate.term.end)",
        width: width, firstPrefix: "", indent: "  ") + "\n"
    out += TextWrap.block(mandate.organisation, width: width, firstPrefix: "", indent: "  ") + "\n"
    out +=
      "\(plural(mandate.priorities.count, "priority", "priorities")), \(plural(mandate.items.count, "item", "items")), \(plural(keywordCount, "keyword", "keywords")), \(plural(mandate.aliases.count, "alias", "aliases"))\n"
    for priority in mandate.priorities {
      out += "\n"
      let head = priority.id.padding(toLength: max(priority.id.count + 2, 4), withPad: " ", startingAt: 0)
      out +=
        TextWrap.block(
          priority.title, width: width, firstPrefix: style.apply(.bold, head),
          indent: String(repeating: " ", count: head.count)) + "\n"
      for item in priority.items {
        let indent = String(repeating: " ", count: head.count)
        let label = item.id.padding(toLength: max(item.id.count + 2, 6), withPad: " ", startingAt: 0)
        let hanging = indent + String(repeating: " ", count: label.count)
        out +=
          TextWrap.block(item.text, width: width, firstPrefix: indent + style.apply(.cyan, label), indent: hanging)
          + "\n"
        var facts = item.label.map { ["label “\($0)”"] } ?? []
        facts.append(plural(item.keywords.count, "keyword", "keywords") + languageCounts(item.keywordsByLanguage))
        if !item.translations.isEmpty {
          facts.append("translated: " + item.translations.keys.sorted().joined(separator: ", "))
        }
        if let due = item.due { facts.append("due \(due)") }
        if item.weight != 1 { facts.append("weight \(formatNumber(item.weight))") }
        for line in TextWrap.lines(facts.joined(separator: " · "), width: width - hanging.count) {
          out += hanging + style.apply(.dim, line) + "\n"
        }
      }
    }
    return out
  }

  static func markdown(_ mandate: Mandate) -> String {
    var out = "# \(Markdown.escape(mandate.title))\n\n"
    out += "| | |\n|---|---|\n"
    out += "| Mandate | `\(mandate.id)` |\n"
    out += "| Organisation | \(Markdown.escapeCell(mandate.organisation)) |\n"
    out += "| Holder | \(Markdown.escapeCell(mandate.holder)) |\n"
    out += "| Term | \(mandate.term.start) to \(mandate.term.end) |\n"
    if let url = mandate.source.url {
      out += "| Source | \(Markdown.link(mandate.source.title ?? url, url: url)) |\n"
    } else if let title = mandate.source.title {
      out += "| Source | \(Markdown.escapeCell(title)) |\n"
    }
    for priority in mandate.priorities {
      out += "\n## \(priority.id). \(Markdown.escape(priority.title))\n\n"
      if let description = priority.description { out += Markdown.escape(description) + "\n\n" }
      for item in priority.items {
        out += "- **\(item.id)**\(item.label.map { " (\(Markdown.escape($0)))" } ?? "") \(Markdown.escape(item.text))"
        if item.due != nil || !item.keywords.isEmpty {
          var facts: [String] = []
          if let due = item.due { facts.append("due \(due)") }
          for list in item.keywordsByLanguage where !list.terms.isEmpty {
            let name = list.language.map { "keywords (\($0))" } ?? "keywords"
            facts.append("\(name): " + list.terms.map { Markdown.escape($0) }.joined(separator: ", "))
          }
          out += "  \n  _\(facts.joined(separator: "; "))_"
        }
        for (language, text) in item.translations.sorted(by: { $0.key < $1.key }) {
          out += "  \n  translation (\(language), the analyst's): \(Markdown.escape(text))"
        }
        out += "\n"
      }
    }
    return out
  }

  static func plural(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }

  /// " (en 10, ru 11)" when the lists name their languages, else nothing.
  static func languageCounts(_ lists: [LanguageTerms]) -> String {
    guard lists.namesLanguages else { return "" }
    return " (" + lists.map { "\($0.language ?? "?") \($0.terms.count)" }.joined(separator: ", ") + ")"
  }

  static func formatNumber(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}
