/// Finds which of many words occur as substrings of a text in one pass (an Aho–Corasick automaton
/// over bytes), and reports the sets they belong to as bits.
///
/// Every element of a page has its class and id checked against a hundred words; searching for each
/// word in turn cost a third of the time to read a page.
struct WordSetMatcher: Sendable {
  /// transitions[state * 256 + byte] = next state.
  private let transitions: [Int32]
  /// The sets of the words that end at each state (its own and those of its suffixes).
  private let output: [UInt32]

  /// `sets[i]` holds the words of bit `i`; words are matched as lowercase ASCII bytes.
  init(_ sets: [[String]]) {
    var goto: [[UInt8: Int32]] = [[:]]
    var output: [UInt32] = [0]
    for (bit, words) in sets.enumerated() {
      for word in words {
        var state: Int32 = 0
        for byte in word.utf8 {
          if let next = goto[Int(state)][byte] {
            state = next
          } else {
            goto.append([:])
            output.append(0)
            let next = Int32(goto.count - 1)
            goto[Int(state)][byte] = next
            state = next
          }
        }
        output[Int(state)] |= 1 << UInt32(bit)
      }
    }
    // Breadth-first: each state's failure link is the longest proper suffix that is also a state.
    var transitions = [Int32](repeating: 0, count: goto.count * 256)
    var failure = [Int32](repeating: 0, count: goto.count)
    var queue: [Int32] = []
    for (byte, next) in goto[0] {
      transitions[Int(byte)] = next
      queue.append(next)
    }
    var head = 0
    while head < queue.count {
      let state = Int(queue[head])
      head += 1
      output[state] |= output[Int(failure[state])]
      for byte in 0..<256 {
        let fallback = transitions[Int(failure[state]) * 256 + byte]
        if let next = goto[state][UInt8(byte)] {
          transitions[state * 256 + byte] = next
          failure[Int(next)] = fallback
          queue.append(next)
        } else {
          transitions[state * 256 + byte] = fallback
        }
      }
    }
    self.transitions = transitions
    self.output = output
  }

  /// The bits of every set with a word in `text`.
  func sets(in text: String) -> UInt32 {
    var text = text
    return text.withUTF8 { sets(in: $0) }
  }

  func sets(in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var state = 0
    var found: UInt32 = 0
    for byte in bytes {
      let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
      state = Int(transitions[state &* 256 &+ Int(lower)])
      found |= output[state]
    }
    return found
  }
}
