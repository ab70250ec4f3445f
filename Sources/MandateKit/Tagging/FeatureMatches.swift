/// The matches of features in one event: how often each feature occurs in the title and the
/// text, the event's length in words, and where in the text (byte ranges) the matches are.
struct FeatureMatches: Sendable {
  /// Matched features with their counts in the title and the text, in order of first match.
  var counts: [(feature: Int32, title: Int32, text: Int32)] = []
  var length = 0
  /// Matches in the text, in order: feature and byte range.
  var spans: [(feature: Int, range: Range<Int>)] = []
  /// For features found only in words other than their term's ("миротворческих сил" for
  /// «миротворческие силы», an alias's other spelling), the first of them as the news wrote them.
  var forms: [(feature: Int32, form: String)] = []
  /// Features found at least once as their term is written: they name no other form.
  private var literal: [Int32] = []

  var features: [Int] { counts.map { Int($0.feature) } }

  /// The words the news used for `feature`, when it never wrote the term itself.
  func form(of feature: Int) -> String? { forms.first { $0.feature == Int32(feature) }?.form }

  /// No matches (filled in by `StoredMatches`).
  init() {}

  /// Finds every spelling of every feature in `title` and `text`.
  init(title: String?, text: String, features: FeatureSet) {
    self.init(title: title, text: text, features: features, scratch: Scratch())
  }

  /// The same, with buffers reused from event to event (one `Scratch` per thread).
  init(title: String?, text: String, features: FeatureSet, scratch: Scratch) {
    var text = text
    if var title {
      self = title.withUTF8 { title in
        text.withUTF8 { FeatureMatches(title: title, text: $0, features: features, scratch: scratch) }
      }
    } else {
      self = text.withUTF8 { FeatureMatches(title: nil, text: $0, features: features, scratch: scratch) }
    }
  }

  /// The same on the UTF-8 bytes of the title and the text (NFC, as events' texts are), as the
  /// scan reads them from the index without making strings.
  init(
    title: UnsafeBufferPointer<UInt8>?, text: UnsafeBufferPointer<UInt8>, features: FeatureSet, scratch: Scratch
  ) {
    if let title {
      let (words, surfaces, ranges) = scratch.tokenize(title)
      length += words.count
      Self.scan(words, features) { feature, start, count in
        self.add(feature, title: true)
        self.noteForm(feature, words: start..<(start + count), surfaces, ranges, in: title, features)
      }
    }
    let (words, surfaces, ranges) = scratch.tokenize(text)
    length += words.count
    Self.scan(words, features) { feature, start, count in
      self.add(feature, title: false)
      self.spans.append((feature, Int(ranges[start].lower)..<Int(ranges[start + count - 1].upper)))
      self.noteForm(feature, words: start..<(start + count), surfaces, ranges, in: text, features)
    }
  }

  /// The words of one text at a time: stem hashes, hashes as written, byte ranges, in memory
  /// kept from text to text. (Plain memory: every word of every event is stored here, and a
  /// class's arrays would be checked for exclusive access, and for room, on each word.)
  final class Scratch {
    private var capacity = 0
    private var words = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
    private var surfaces = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
    private var ranges = UnsafeMutablePointer<(lower: Int32, upper: Int32)>.allocate(capacity: 1)

    init() {}

    deinit {
      words.deallocate()
      surfaces.deallocate()
      ranges.deallocate()
    }

    /// The words of `bytes`, valid until the next call.
    func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> (
      words: UnsafeBufferPointer<UInt64>, surfaces: UnsafeBufferPointer<UInt64>,
      ranges: UnsafeBufferPointer<(lower: Int32, upper: Int32)>
    ) {
      // Words are separated by at least one byte: a text of n bytes has at most (n + 1) / 2.
      let most = (bytes.count + 1) / 2
      if most > capacity {
        capacity = max(most, capacity * 2, 1024)
        words.deallocate()
        surfaces.deallocate()
        ranges.deallocate()
        words = .allocate(capacity: capacity)
        surfaces = .allocate(capacity: capacity)
        ranges = .allocate(capacity: capacity)
      }
      let (words, surfaces, ranges) = (self.words, self.surfaces, self.ranges)
      var count = 0
      Tokens.scan(bytes: bytes) { hash, surface, range in
        words[count] = hash
        surfaces[count] = surface
        ranges[count] = (Int32(truncatingIfNeeded: range.lowerBound), Int32(truncatingIfNeeded: range.upperBound))
        count += 1
      }
      return (
        UnsafeBufferPointer(start: words, count: count), UnsafeBufferPointer(start: surfaces, count: count),
        UnsafeBufferPointer(start: ranges, count: count)
      )
    }
  }

  private mutating func add(_ feature: Int, title: Bool) {
    if let index = counts.firstIndex(where: { $0.feature == Int32(feature) }) {
      if title { counts[index].title += 1 } else { counts[index].text += 1 }
    } else {
      counts.append((Int32(feature), title ? 1 : 0, title ? 0 : 1))
    }
  }

  /// Keeps the words of a match when they are not the feature's term as written (the first such
  /// match of each feature, the title's before the text's), unless the term itself is found too.
  private mutating func noteForm(
    _ feature: Int, words: Range<Int>, _ surfaces: UnsafeBufferPointer<UInt64>,
    _ ranges: UnsafeBufferPointer<(lower: Int32, upper: Int32)>, in text: UnsafeBufferPointer<UInt8>, _ set: FeatureSet
  ) {
    let number = Int32(feature)
    guard !literal.contains(number) else { return }
    if surfaces[words].elementsEqual(set.features[feature].forms) {
      literal.append(number)
      forms.removeAll { $0.feature == number }
      return
    }
    guard !forms.contains(where: { $0.feature == number }) else { return }
    let range = Int(ranges[words.lowerBound].lower)..<Int(ranges[words.upperBound - 1].upper)
    forms.append((number, Self.collapsed(text, range)))
  }

  /// The bytes `range` of `text` with each run of spaces, line breaks and no-break spaces read as
  /// one space. On bytes, because every event notes the forms of its matches, and Unicode's
  /// whitespace test per character showed in profiles of `suggest`.
  static func collapsed(_ text: String, _ range: Range<Int>) -> String {
    var text = text
    return text.withUTF8 { collapsed($0, range) }
  }

  /// `collapsed` on the UTF-8 bytes of a text.
  static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(range.count)
    var gap = false
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      let width = byte == 0xC2 && index + 1 < range.upperBound && bytes[index + 1] == 0xA0 ? 2 : 1
      if width == 2 || byte == 0x20 || (0x09...0x0D).contains(byte) {
        gap = true
      } else {
        if gap, !out.isEmpty { out.append(0x20) }
        gap = false
        out.append(byte)
      }
      index += width
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Calls `found` with each feature whose spelling starts at a word, with that word's index and
  /// the spelling's length in words.
  private static func scan(_ words: UnsafeBufferPointer<UInt64>, _ set: FeatureSet, _ found: (Int, Int, Int) -> Void) {
    guard !words.isEmpty else { return }
    set.candidates.withUnsafeBufferPointer { candidates in
      set.pool.withUnsafeBufferPointer { pool in
        var matched: [Int32] = []
        for start in 0..<words.count {
          guard let run = set.startTable.value(for: words[start]) else { continue }
          let (first, count) = set.startRuns[Int(run)]
          matched.removeAll(keepingCapacity: true)
          for index in Int(first)..<Int(first + count) {
            let candidate = candidates[index]
            guard !matched.contains(candidate.feature) else { continue }
            let length = Int(candidate.length)
            guard start + length <= words.count else { continue }
            var same = true
            var offset = 1
            while offset < length {
              if words[start + offset] != pool[Int(candidate.offset) + offset] {
                same = false
                break
              }
              offset += 1
            }
            if same {
              matched.append(candidate.feature)
              found(Int(candidate.feature), start, length)
            }
          }
        }
      }
    }
  }
}
