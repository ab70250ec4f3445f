/// Links the reports of one real-world event in two languages: an English and a Russian text about
/// the same meeting, exercise or visit.
///
/// Two events are linked when all of this holds:
/// - their languages differ (both known, compared by the language alone: "ru" and "ru-RU" are one);
/// - they are dated to the same day, or to the same range of days, each from a day-precise date;
/// - they share at least `minimumShared` anchors, and the shared anchors are at least a third of the
///   anchors of the event that has fewer.
///
/// Anchors are what stays the same across languages: the mandate's aliases (one feature for «ООН»
/// and "UN"), numbers other than the parts of the event's own date ("39th" and «39-е»), and proper
/// names, written mid-sentence with a capital and compared by their consonants (`AnchorScanner`:
/// «Тасмагамбетова» and "Tasmagambetov" are both `tsmg`). A run of names is one anchor: "Imangali
/// Tasmagambetov" is one person, so one shared person is one shared anchor, and two events about
/// one official on one day are not linked for that alone. The organisation's own name, its member
/// states and their capitals, and the English months are in nearly every report, so they are not
/// anchors. Each event links to one other at most: the best scoring, and only when it is also that
/// one's best. Being on the same day is never enough.
public struct CrossLanguageLinker: Sendable {
  /// The fewest shared anchors that link two events.
  public static let minimumShared = 2

  let features: FeatureSet?
  /// The features that name one of the mandate's aliases (a body, operation or exercise).
  let aliasFeatures: Set<Int>
  let organisationFeatures: Set<Int>

  /// A linker that also uses `mandate`'s aliases as anchors, when given.
  public init(mandate: Mandate?) {
    let set = mandate.map { FeatureSet(mandate: $0) }
    features = set
    let names = Set(mandate?.aliases.map(\.name) ?? [])
    aliasFeatures = Set(set.map { set in set.features.indices.filter { names.contains(set.features[$0].term) } } ?? [])
    if let mandate, let features = set {
      let own = FeatureMatches(title: mandate.title, text: mandate.organisation, features: features)
      organisationFeatures = Set(own.features)
    } else {
      organisationFeatures = []
    }
  }

  /// For every linked event, the id of the other language's report of it.
  public func links(_ events: [Event]) -> [String: String] {
    let candidates = events.filter { $0.datePrecision == .day && LanguageTag.primary($0.language) != nil }
    guard candidates.count > 1 else { return [:] }
    let byDay = Dictionary(grouping: candidates.indices) { "\(candidates[$0].date!) \(candidates[$0].lastDay!)" }
    var result: [String: String] = [:]
    for group in byDay.values where group.count > 1 {
      let languages = Set(group.map { LanguageTag.primary(candidates[$0].language)! })
      guard languages.count > 1 else { continue }
      let anchors = Dictionary(uniqueKeysWithValues: group.map { ($0, self.anchors(candidates[$0])) })
      // Each event's best partner in another language, with its score.
      var best: [Int: (other: Int, score: Double)] = [:]
      for left in group {
        for right in group where right != left {
          guard LanguageTag.primary(candidates[left].language) != LanguageTag.primary(candidates[right].language),
            let score = Self.score(anchors[left]!, anchors[right]!)
          else { continue }
          let current = best[left]
          if current == nil || score > current!.score
            || (score == current!.score && candidates[right].id < candidates[current!.other].id)
          {
            best[left] = (right, score)
          }
        }
      }
      for (left, pick) in best where best[pick.other]?.other == left {
        result[candidates[left].id] = candidates[pick.other].id
      }
    }
    return result
  }

  /// What an event says that reads the same in both languages.
  struct Anchors: Sendable {
    /// Aliases (`a:` and the alias's name) and numbers (`#` and the number).
    var exact: Set<String> = []
    /// Runs of name skeletons; two runs are the same name when they share a skeleton.
    var names: [Set<String>] = []

    var count: Int { exact.count + names.count }

    /// How many anchors the two share: exact ones, and names paired one to one.
    func shared(with other: Anchors) -> Int {
      var used = Set<Int>()
      var names = 0
      for run in self.names {
        if let match = other.names.indices.first(where: { !used.contains($0) && !other.names[$0].isDisjoint(with: run) }
        ) {
          used.insert(match)
          names += 1
        }
      }
      return exact.intersection(other.exact).count + names
    }
  }

  /// The share of the larger anchor set that the two events share; nil when they are not linked.
  static func score(_ left: Anchors, _ right: Anchors) -> Double? {
    let shared = left.shared(with: right)
    let smaller = min(left.count, right.count)
    guard shared >= minimumShared, shared * 3 >= smaller else { return nil }
    return Double(shared) / Double(max(left.count, right.count))
  }

  /// The event's anchors.
  func anchors(_ event: Event) -> Anchors {
    var result = Anchors()
    if let features {
      let matches = FeatureMatches(title: event.title, text: event.text, features: features)
      for feature in matches.features
      where aliasFeatures.contains(feature) && !organisationFeatures.contains(feature) {
        result.exact.insert("a:" + features.features[feature].term)
      }
    }
    let dateParts = Self.dateParts(event)
    for text in [event.title ?? "", event.text] {
      AnchorScanner.scan(text) { anchor in
        switch anchor {
        case .number(let value):
          if !dateParts.contains(value) { result.exact.insert("#\(value)") }
        case .names(let run):
          if let index = result.names.firstIndex(where: { !$0.isDisjoint(with: run) }) {
            result.names[index].formUnion(run)
          } else {
            result.names.append(run)
          }
        }
      }
    }
    return result
  }

  /// The numbers of the event's own date (day, month, year, last day), which every report of it writes.
  static func dateParts(_ event: Event) -> Set<Int> {
    var parts = Set<Int>()
    for day in [event.date, event.lastDay].compactMap({ $0 }) {
      parts.formUnion([day.year, day.month, day.day])
    }
    return parts
  }
}

extension CrossLanguageLinker {
  /// The other language's report of `event`, among the events of its day in `index`; nil when there
  /// is none.
  public func linked(to event: Event, in index: EventIndex) throws -> Event? {
    guard event.datePrecision == .day, let date = event.date else { return nil }
    let sameDay = try index.events(EventQuery(range: DayRange(start: date, end: date)))
    guard let other = links(sameDay)[event.id] else { return nil }
    return sameDay.first { $0.id == other }
  }
}
