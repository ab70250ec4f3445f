import Foundation
import MandateKit

/// One event in full, with its decisions and the forms to make more.
struct EventView {
  var csrf: String
  var id: String
  var headline: String
  var dateLabel: String
  var dateExplain: String
  var hasLanguage: Bool
  var language: String
  var hasAliases: Bool
  var aliases: [String]
  var paragraphs: [String]
  var sourceCount: Int
  var sources: [Source]
  var hasTags: Bool
  var tags: [Tag]
  var hasRejections: Bool
  var rejections: [Rejection]
  var hasDisputes: Bool
  var disputes: [Dispute]
  var decideAction: String
  var untagAction: String
  var choices: [ItemChoices]
  var hasDecisions: Bool
  var decisions: [DecisionRow]

  struct Source {
    var role: String
    var place: String
    var hasLink: Bool
    var href: String
    var hasName: Bool
    var name: String
    var hasPublished: Bool
    var published: String
    var firstSeen: String
    var hasFetched: Bool
    var fetched: String
  }

  struct Tag {
    var item: String
    var itemHref: String
    var itemText: String
    var strength: String
    var stance: String
    var hasNote: Bool
    var note: String
    var by: String
    var at: String
    var untagAction: String
  }

  /// A pair analysts disagree on, with each one's position.
  struct Dispute {
    var item: String
    var href: String
    var positions: String
    /// Each analyst's verdict, offered as the resolution.
    var choices: [Option]
    var resolveAction: String
  }

  struct Rejection {
    var item: String
    var href: String
  }

  struct DecisionRow {
    var at: String
    var by: String
    var kind: String
    var item: String
    var itemHref: String
    var detail: String
  }

  init(event: Event, mandate: Mandate, lookup: LedgerLookup, csrf: String) {
    self.csrf = csrf
    id = event.id
    headline = event.headline
    dateLabel = EventSummary(event).dateLabel
    switch event.dateBasis {
    case .text: dateExplain = "stated in the text: “\(event.dateEvidence ?? "")”"
    case .title: dateExplain = "stated in the title: “\(event.dateEvidence ?? "")”"
    case .published: dateExplain = "the day its source published it"
    case .none: dateExplain = "no date found in the text and none given by the source"
    }
    if event.datePrecision != .none { dateExplain += " (\(event.datePrecision.rawValue) precision)" }
    hasLanguage = event.language != nil
    language = event.language ?? ""
    hasAliases = !event.aliases.isEmpty
    aliases = event.aliases
    var paragraphs = event.text.components(separatedBy: "\n\n").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
    if let title = event.title, !title.isEmpty, paragraphs.first == title { paragraphs.removeFirst() }
    self.paragraphs = paragraphs
    sourceCount = event.sources.count
    sources = event.sources.map { source in
      var place = source.file.map { "\($0)\(source.position.map { ":\($0)" } ?? "")" } ?? ""
      let link = source.url.flatMap(Format.webURL)
      if let url = source.url { place = place.isEmpty ? url : "\(place) \(url)" }
      return Source(
        role: source.role.rawValue, place: place, hasLink: link != nil, href: link ?? "", hasName: source.name != nil,
        name: source.name ?? "", hasPublished: source.published != nil, published: source.published?.description ?? "",
        firstSeen: source.firstSeen.description, hasFetched: source.fetched != nil,
        fetched: source.fetched.map { fetched in
          "fetched \(fetched.at) from \(fetched.from)"
            + (fetched.snapshot.map { ", kept as Snapshots/\($0.prefix(2))/\($0).gz" } ?? "")
        } ?? "")
    }
    let standing = lookup.tagsByEvent[event.id] ?? []
    let untag = "/events/\(event.id)/untag"
    tags = standing.map { tag in
      Tag(
        item: tag.item, itemHref: Format.itemHref(tag.item), itemText: mandate.item(id: tag.item)?.shortLabel ?? "",
        strength: tag.strength.rawValue, stance: tag.stance.rawValue, hasNote: tag.note != nil, note: tag.note ?? "",
        by: tag.by, at: Format.instant(tag.at), untagAction: untag)
    }
    hasTags = !tags.isEmpty
    rejections = (lookup.rejectionsByEvent[event.id] ?? []).map { Rejection(item: $0, href: Format.itemHref($0)) }
    hasRejections = !rejections.isEmpty
    disputes = (lookup.disputesByEvent[event.id] ?? []).map { dispute in
      Dispute(
        item: dispute.pair.item, href: Format.itemHref(dispute.pair.item),
        positions: dispute.positions.map { "\($0.decision.by): \($0.verdict.description)" }.joined(separator: "; "),
        choices: Array(Set(dispute.positions.map(\.verdict))).map {
          Option(value: Verdicts.name($0), label: $0.description, selected: false)
        }.sorted { $0.value < $1.value }, resolveAction: "/events/\(event.id)/resolve")
    }
    hasDisputes = !disputes.isEmpty
    decideAction = "/events/\(event.id)/decide"
    untagAction = untag
    choices = ItemChoices.all(mandate, checked: [])
    self.decisions = lookup.decisions(of: event).reversed().map { decision in
      var detail: [String] = []
      if let strength = decision.strength { detail.append(strength.rawValue) }
      if decision.stance == .contradicts { detail.append("contradicts") }
      if let note = decision.note { detail.append("“\(note)”") }
      return DecisionRow(
        at: Format.instant(decision.at), by: decision.by, kind: decision.kind.rawValue, item: decision.item,
        itemHref: Format.itemHref(decision.item), detail: detail.joined(separator: ", "))
    }
    hasDecisions = !self.decisions.isEmpty
  }
}

/// The items of a mandate as checkboxes, by priority.
struct ItemChoices {
  var id: String
  var title: String
  var items: [Choice]

  struct Choice {
    var id: String
    var label: String
    var text: String
    var checked: Bool
  }

  static func all(_ mandate: Mandate, checked: Set<String>) -> [ItemChoices] {
    mandate.priorities.map { priority in
      ItemChoices(
        id: priority.id, title: priority.title,
        items: priority.items.map {
          Choice(id: $0.id, label: $0.shortLabel, text: $0.text, checked: checked.contains($0.id))
        })
    }
  }
}
