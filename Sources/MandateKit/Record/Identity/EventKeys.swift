/// The de-duplication keys of a recorded event that the index stores.
struct EventKeys: Sendable {
  var leadKey: UInt64?
  var urlKey: UInt64?

  init(leadKey: UInt64?, urlKey: UInt64?) {
    self.leadKey = leadKey
    self.urlKey = urlKey
  }

  init(_ identity: EventIdentity) {
    self.init(leadKey: identity.leadKey, urlKey: identity.urlKey)
  }

  /// The keys of a recorded event's representative text and its first URL (without hashing the
  /// whole text, which only the id needs).
  init(_ event: Event) {
    var opening: [UInt8] = []
    let words = TextNormalizer.append(event.text, to: &opening, maxWords: EventIdentity.leadWords)
    self.init(
      leadKey: words >= EventIdentity.leadWords ? EventIdentity.leadKey(of: opening) : nil,
      urlKey: event.sources.compactMap(\.url).first.flatMap(EventIdentity.urlKey))
  }
}
