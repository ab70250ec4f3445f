import CStemmer
import Foundation

/// Snowball stems of folded words (`WordScanner`), remembered: "миротворческих",
/// "миротворческие" and "миротворческого" all become "миротворческ", "peacekeepers" and
/// "peacekeeping" become "peacekeep".
///
/// Latin words go to Snowball's English stemmer and Cyrillic words to its Russian one; words with
/// digits and words of other scripts are kept as they are. Stemming a word costs about 150 ns,
/// while news repeats a few thousand words over and over, so each stem is kept in a table keyed by
/// the folded word's hash, with its bytes in one pool: a repeated word costs one lookup and no
/// allocation. The table starts again when it fills, which bounds its memory (about 3 MB).
///
/// Not thread-safe: the stemmers keep state between calls. Each thread uses its own
/// (`WordStems.current`), and each search-index connection its tokenizer's.
final class WordStems {
  private let english: OpaquePointer?
  private let russian: OpaquePointer?

  /// Open addressing: the folded word's hash (0 marks an empty slot), the stem's hash, and where
  /// its bytes are in `pool`. Plain memory rather than arrays: every word of every event is looked
  /// up here, and a class's arrays are checked for exclusive access on each use.
  private let keys: UnsafeMutableBufferPointer<UInt64>
  private let stemHashes: UnsafeMutableBufferPointer<UInt64>
  private let places: UnsafeMutableBufferPointer<(offset: Int32, length: Int32)>
  private var pool: [UInt8] = []
  private var count = 0
  private let mask: Int
  /// The table is emptied when it holds this many words.
  let limit: Int

  init(capacity: Int = 1 << 16) {
    english = sb_stemmer_new("english", nil)
    russian = sb_stemmer_new("russian", nil)
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    keys = .allocate(capacity: size)
    keys.initialize(repeating: 0)
    stemHashes = .allocate(capacity: size)
    stemHashes.initialize(repeating: 0)
    places = .allocate(capacity: size)
    places.initialize(repeating: (0, 0))
    mask = size - 1
    limit = size / 2
    pool.reserveCapacity(limit * 8)
  }

  deinit {
    sb_stemmer_delete(english)
    sb_stemmer_delete(russian)
    keys.deallocate()
    stemHashes.deallocate()
    places.deallocate()
  }

  /// FNV-1a of a folded word or a stem.
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash = FNV1a.offsetBasis
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* FNV1a.prime }
    return hash == 0 ? 1 : hash
  }

  /// Whether words of `script` with `length` bytes are stemmed: letters of Latin or Cyrillic
  /// script, three bytes or more (shorter words are abbreviations or function words).
  @inline(__always)
  static func stems(_ script: WordScript, length: Int) -> Bool {
    (script == .latin || script == .cyrillic) && length >= 3
  }

  /// The hash of the stem of `word` (folded), whose own hash is `surface`.
  @inline(__always)
  func stemHash(_ word: UnsafeBufferPointer<UInt8>, surface: UInt64, script: WordScript) -> UInt64 {
    guard Self.stems(script, length: word.count) else { return surface }
    return stemHashes[slot(word, surface: surface, script: script)]
  }

  /// Calls `body` with the stem of `word` (folded), whose own hash is `surface`; the bytes are
  /// valid only during the call.
  @inline(__always)
  func withStem<R>(
    _ word: UnsafeBufferPointer<UInt8>, surface: UInt64, script: WordScript, _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R {
    guard Self.stems(script, length: word.count) else { return body(word) }
    let place = places[slot(word, surface: surface, script: script)]
    return pool.withUnsafeBufferPointer {
      body(UnsafeBufferPointer(rebasing: $0[Int(place.offset)..<Int(place.offset + place.length)]))
    }
  }

  /// The stem of a folded word as a string (building features, tests).
  func stem(_ word: String, script: WordScript) -> String {
    var word = word
    return word.withUTF8 { bytes in
      withStem(bytes, surface: Self.hash(bytes), script: script) { String(decoding: $0, as: UTF8.self) }
    }
  }

  /// The slot holding `word`, stemming it and storing the stem when it is not there yet.
  @inline(__always)
  private func slot(_ word: UnsafeBufferPointer<UInt8>, surface: UInt64, script: WordScript) -> Int {
    var slot = Int(truncatingIfNeeded: surface ^ (surface >> 29)) & mask
    while true {
      let stored = keys[slot]
      if stored == surface { return slot }
      if stored == 0 { break }
      slot = (slot + 1) & mask
    }
    if count >= limit {
      clear()
      return self.slot(word, surface: surface, script: script)
    }
    let offset = pool.count
    let stemmer = script == .cyrillic ? russian : english
    if let stemmer, word.count < Int(Int32.max),
      let stem = sb_stemmer_stem(stemmer, word.baseAddress, Int32(word.count))
    {
      pool.append(contentsOf: UnsafeBufferPointer(start: stem, count: Int(sb_stemmer_length(stemmer))))
    } else {
      pool.append(contentsOf: word)
    }
    keys[slot] = surface
    stemHashes[slot] = pool.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[offset...])) }
    places[slot] = (Int32(offset), Int32(pool.count - offset))
    count += 1
    return slot
  }

  private func clear() {
    keys.update(repeating: 0)
    pool.removeAll(keepingCapacity: true)
    count = 0
  }
}

extension WordStems {
  /// The calling thread's own stems: stemmers keep state, and each thread of a parallel scan
  /// reuses its table across events.
  static var current: WordStems {
    if let stored = pthread_getspecific(threadKey) {
      return Unmanaged<WordStems>.fromOpaque(stored).takeUnretainedValue()
    }
    let stems = WordStems()
    pthread_setspecific(threadKey, Unmanaged.passRetained(stems).toOpaque())
    return stems
  }

  private static let threadKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key) { stored in
      guard let stored else { return }
      Unmanaged<WordStems>.fromOpaque(stored).release()
    }
    return key
  }()
}
