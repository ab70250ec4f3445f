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
      scratch.tokenize(title)
      length += scratch.words.count
      Self.scan(scratch.words, features) { feature, start, count in
        self.add(feature, title: true)
        self.noteForm(feature, words: start..<(start + count), scratch, in: title, features)
      }
    }
    scratch.tokenize(text)
    length += scratch.words.count
    Self.scan(scratch.words, features) { feature, start, count in
      self.add(feature, title: false)
      self.spans.append(
        (feature, Int(scratch.ranges[start].lower)..<Int(scratch.ranges[start + count - 1].upper)))
      self.noteForm(feature, words: start..<(start + count), scratch, in: text, features)
    }
  }

  /// The words of one text at a time: stem hashes, hashes as written, byte ranges.
  final class Scratch {
    var words: [UInt64] = []
    var surfaces: [UInt64] = []
    var ranges: [(lower: Int32, upper: Int32)] = []

    init() {}

    func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) {
      words.removeAll(keepingCapacity: true)
      surfaces.removeAll(keepingCapacity: true)
      ranges.removeAll(keepingCapacity: true)
      Tokens.scan(bytes: bytes) { hash, surface, range in
        words.append(hash)
        surfaces.append(surface)
        ranges.append((Int32(truncatingIfNeeded: range.lowerBound), Int32(truncatingIfNeeded: range.upperBound)))
      }
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
    _ feature: Int, words: Range<Int>, _ scratch: Scratch, in text: UnsafeBufferPointer<UInt8>, _ set: FeatureSet
  ) {
    let number = Int32(feature)
    guard !literal.contains(number) else { return }
    if scratch.surfaces[words].elementsEqual(set.features[feature].forms) {
      literal.append(number)
      forms.removeAll { $0.feature == number }
      return
    }
    guard !forms.contains(where: { $0.feature == number }) else { return }
    let range = Int(scratch.ranges[words.lowerBound].lower)..<Int(scratch.ranges[words.upperBound - 1].upper)
    forms.append((number, Self.collapsed(text, range)))
  }

  /// The bytes `range` of `text` with each run of spaces, line breaks and no-break spaces read as
  /// one space. On bytes, because every event notes the forms of its matches, and Unicode's
  /// whitespace test per character showed in profiles of `suggest`.
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
  private static func scan(_ words: [UInt64], _ set: FeatureSet, _ found: (Int, Int, Int) -> Void) {
    guard !words.isEmpty else { return }
    words.withUnsafeBufferPointer { words in
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

  /// About `width` bytes of `text` showing the first of `features` (strongest first, each with
  /// what it added to the score) that the text has, whole words, with every match of `features`
  /// in it marked; the opening of the text when none matched.
  ///
  /// The passage is the window, among those starting a little before a match, whose distinct
  /// features add up to the most: the strongest reason and as many of the next ones as fit.
  func snippet(of text: String, features wanted: [(feature: Int, weight: Double)], width: Int = 220) -> String {
    let weights = Dictionary(wanted.map { ($0.feature, $0.weight) }, uniquingKeysWith: max)
    var text = text
    return text.withUTF8 { utf8 in
      // At one place, the longest match is marked ("UN Security Council" rather than "UN").
      let marked = spans.filter { weights[$0.feature] != nil }
        .sorted { ($0.range.lowerBound, $1.range.count) < ($1.range.lowerBound, $0.range.count) }
      // The strongest feature that the text shows must be in the passage; among the windows that
      // show it, the one whose distinct features add up to the most.
      let strongest = wanted.lazy.map(\.feature).first { feature in marked.contains { $0.feature == feature } }
      var anchor: (feature: Int, range: Range<Int>)?
      var best = -1.0
      // Windows start a third of the width before a match; the matches are in text order, so
      // the first one inside a window only moves forward.
      var first = 0
      var seen: [Int] = []
      for (position, candidate) in marked.enumerated() {
        if position > 0 && marked[position - 1].range.lowerBound == candidate.range.lowerBound { continue }
        let low = max(0, candidate.range.lowerBound - width / 3)
        let high = low + width
        while first < marked.count && marked[first].range.lowerBound < low { first += 1 }
        seen.removeAll(keepingCapacity: true)
        var total = 0.0
        var index = first
        while index < marked.count && marked[index].range.lowerBound < high {
          let span = marked[index]
          if span.range.upperBound <= high && !seen.contains(span.feature) {
            seen.append(span.feature)
            total += weights[span.feature] ?? 0
          }
          index += 1
        }
        guard strongest.map(seen.contains) ?? true else { continue }
        if total > best + 1e-9 {
          best = total
          anchor = candidate
        }
      }
      let anchorRange = anchor?.range ?? 0..<0
      var start = anchor == nil ? 0 : max(0, anchorRange.lowerBound - width / 3)
      var end = min(utf8.count, start + width)
      // Cut at spaces, and never inside a UTF-8 sequence.
      if start > 0 {
        while start < anchorRange.lowerBound, utf8[start - 1] != 0x20 { start += 1 }
      }
      if end < utf8.count {
        while end > anchorRange.upperBound, utf8[end] != 0x20 { end -= 1 }
        while end > start, utf8[end] & 0xC0 == 0x80 { end -= 1 }
      }
      var out: [UInt8] = []
      out.reserveCapacity(end - start + 32)
      if start > 0 { out.append(contentsOf: "…".utf8) }
      func copy(_ range: Range<Int>) {
        for index in range {
          let byte = utf8[index]
          out.append(byte == 0x0A || byte == 0x0D || byte == 0x09 ? 0x20 : byte)
        }
      }
      var position = start
      for span in marked where span.range.lowerBound >= position && span.range.upperBound <= end {
        copy(position..<span.range.lowerBound)
        out.append(contentsOf: Highlight.start.utf8)
        copy(span.range)
        out.append(contentsOf: Highlight.end.utf8)
        position = span.range.upperBound
      }
      copy(position..<end)
      if end < utf8.count { out.append(contentsOf: "…".utf8) }
      return String(decoding: out, as: UTF8.self)
    }
  }

}
