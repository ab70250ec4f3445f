/// What the suggestion engine looks for in news, built from the mandate: every keyword (with the
/// spellings its aliases give), the telling words of each item's text and of its priority's
/// title, and what the ledger taught.
///
/// A feature is a phrase (one or more words); several items may share one (a body named by two
/// items), each with its own weight.
struct FeatureSet: Sendable {
  struct Feature: Sendable {
    var kind: Reason.Kind
    var term: String
    /// Word-hash sequences (stems) of each spelling, with the spelling as written.
    var spellings: [(hashes: [UInt64], text: String)]
    /// The folded words of `term` as written (not stemmed): a match whose words differ is an
    /// inflected form or another spelling, which its reason names.
    var forms: [UInt64]
  }

  /// Base weights: a keyword says much more than a word of the item's text.
  static let keywordWeight = 3.0
  static let itemWordWeight = 0.7
  static let priorityWordWeight = 0.3

  private(set) var features: [Feature] = []
  /// Per item (in mandate order): feature number and weight.
  private(set) var weights: [(item: String, features: [(feature: Int, weight: Double)])] = []
  private var numbers: [String: Int] = [:]
  /// Spelling starts: first word hash → (feature, spelling) pairs.
  private(set) var starts: [UInt64: [(feature: Int, spelling: Int)]] = [:]
  /// The same, compiled for scanning without reference counting: first word hash → a run of
  /// `candidates` (start, count), each candidate a feature and its spelling's words in `pool`.
  private(set) var startTable = UInt64Table(capacity: 0)
  private(set) var startRuns: [(start: Int32, count: Int32)] = []
  private(set) var candidates: [(feature: Int32, offset: Int32, length: Int32)] = []
  private(set) var pool: [UInt64] = []
  /// Per feature: the items using it (index into `weights`) and the weight.
  private(set) var users: [[(item: Int, weight: Double)]] = []

  init(mandate: Mandate) {
    let common = Self.commonWords(mandate)
    let aliases = SpellingTable(mandate)
    for priority in mandate.priorities {
      // The title's words, and those of its translations (for news in their languages).
      let priorityWords = Self.telling(
        ([priority.title] + priority.translations.sorted { $0.key < $1.key }.map(\.value)).flatMap(Tokens.tokens),
        common: common)
      for item in priority.items {
        var itemFeatures: [(Int, Double)] = []
        var taken = Set<String>()
        func add(_ kind: Reason.Kind, _ term: String, key: String, spellings: [String], weight: Double) {
          guard !taken.contains(key) else { return }
          taken.insert(key)
          itemFeatures.append((feature(kind, term, key: key, spellings: spellings), weight))
        }
        // A keyword that is an alias spelling is that alias, in whichever language it is listed:
        // "UN" and «ООН» in one item are one feature, not two counts of the same words.
        for keyword in item.keywords {
          let spellings = aliases.spellings(of: keyword)
          let key = spellings.count > 1 ? "alias|\(spellings[0].lowercased())" : Self.stemKey(keyword)
          add(.keyword, keyword, key: "keyword|" + key, spellings: spellings, weight: Self.keywordWeight)
        }
        // A word that is a keyword on its own is not counted again as an item word; words of
        // longer keywords still count alone ("deployment" from "operational deployment").
        let singleKeywords = Set(
          item.keywords.flatMap { aliases.spellings(of: $0) }.map(Tokens.words).filter { $0.count == 1 }
            .map { String($0[0]) })
        let texts = [item.text] + item.translations.sorted { $0.key < $1.key }.map(\.value)
        let itemWords = Self.telling(texts.flatMap(Tokens.tokens), common: common)
        let itemStems = Set(itemWords.map(\.stem))
        for word in itemWords where !singleKeywords.contains(word.stem) {
          add(.itemWord, word.form, key: "item|" + word.stem, spellings: [word.form], weight: Self.itemWordWeight)
        }
        for word in priorityWords where !singleKeywords.contains(word.stem) && !itemStems.contains(word.stem) {
          add(
            .priorityWord, word.form, key: "priority|" + word.stem, spellings: [word.form],
            weight: Self.priorityWordWeight)
        }
        weights.append((item.id, itemFeatures))
      }
    }
    compile()
  }

  /// A phrase's stems, which decide whether two phrases are one feature.
  static func stemKey(_ phrase: String) -> String { Tokens.words(phrase).joined(separator: " ") }

  /// Builds the scanning table and the feature → items lists; called after every change.
  mutating func compile() {
    var table = UInt64Table(capacity: starts.count)
    var runs: [(start: Int32, count: Int32)] = []
    var candidates: [(feature: Int32, offset: Int32, length: Int32)] = []
    var pool: [UInt64] = []
    for (key, list) in starts.sorted(by: { $0.key < $1.key }) where key != 0 {
      table.set(Int32(runs.count), for: key)
      runs.append((Int32(candidates.count), Int32(list.count)))
      for (feature, spelling) in list {
        let hashes = features[feature].spellings[spelling].hashes
        candidates.append((Int32(feature), Int32(pool.count), Int32(hashes.count)))
        pool.append(contentsOf: hashes)
      }
    }
    startTable = table
    startRuns = runs
    self.candidates = candidates
    self.pool = pool
    var users = Array(repeating: [(item: Int, weight: Double)](), count: features.count)
    for (number, item) in weights.enumerated() {
      for (feature, weight) in item.features { users[feature].append((number, weight)) }
    }
    self.users = users
  }

  /// Multiplies an item's weight for a feature (rejections lower it).
  mutating func scale(item: String, feature: Int, by factor: Double) {
    guard let index = weights.firstIndex(where: { $0.item == item }),
      let position = weights[index].features.firstIndex(where: { $0.feature == feature })
    else { return }
    weights[index].features[position].weight *= factor
    compile()
  }

  private mutating func feature(_ kind: Reason.Kind, _ term: String, key: String, spellings: [String]) -> Int {
    if let number = numbers[key] { return number }
    let encoded = spellings.map { (hashes: Tokens.hashes($0), text: $0) }.filter { !$0.hashes.isEmpty }
    features.append(Feature(kind: kind, term: term, spellings: encoded, forms: Tokens.surfaceHashes(term)))
    let number = features.count - 1
    numbers[key] = number
    for (index, spelling) in encoded.enumerated() { starts[spelling.hashes[0], default: []].append((number, index)) }
    return number
  }

  /// Words that say something: not function words, not numbers, not single letters, and not
  /// words most of the mandate's items share ("CSTO", "member", "states"); each stem once, with
  /// the first form it is written in.
  static func telling(_ words: [Tokens.Token], common: Set<String>) -> [Tokens.Token] {
    var seen = Set<String>()
    return words.filter { word in
      guard word.stem.count > 2, !Tokens.stopwords.contains(word.stem), !common.contains(word.stem),
        !word.stem.allSatisfy(\.isNumber), !seen.contains(word.stem)
      else { return false }
      seen.insert(word.stem)
      return true
    }
  }

  /// Words that every news item about this mandate carries: the words of the organisation's and
  /// the holder's names ("Collective Security Treaty Organization", "CSTO"), and words used by
  /// at least a quarter of the items, in their text or its translations (and by more than two). Stems.
  static func commonWords(_ mandate: Mandate) -> Set<String> {
    var counts: [String: Int] = [:]
    for item in mandate.items {
      let texts = [item.text] + item.translations.values
      for word in Set(texts.flatMap(Tokens.words)) { counts[String(word), default: 0] += 1 }
    }
    let threshold = max(3, mandate.items.count / 4)
    let names = (Tokens.words(mandate.organisation) + Tokens.words(mandate.holder)).map(String.init)
    return Set(counts.filter { $0.value >= threshold }.keys).union(names)
  }
}
