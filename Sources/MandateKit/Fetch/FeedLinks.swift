import Foundation

/// The pages a fetched feed's items link to, for `fetch --follow`.
enum FeedLinks {
  /// The links to follow, in the feed's order: each item's link once, except links that were
  /// fetched before (their page is in the record already), that are fetched anyway (`skip`), or
  /// that several items share (a section's address, not an article's: following it would make
  /// one event of them all), which are returned apart.
  static func read(_ feed: FetchRun.Prepared, state: FetchState, skip: Set<String>) -> (
    links: [String], ambiguous: [String]
  ) {
    guard let format = feed.format else { return ([], []) }
    var links: [String] = []
    let reader = NewsReaders.reader(for: format)
    try? reader.read(
      ReaderInput(url: feed.file, file: feed.body.url, origin: feed.origin),
      item: { raw in
        guard let link = raw.url?.trimmingCharacters(in: .whitespaces), !link.isEmpty,
          let url = URL(string: link, relativeTo: URL(string: feed.body.url))?.absoluteURL,
          let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return }
        links.append(link)
      }, reject: { _ in }, warn: { _ in })
    var counts: [String: Int] = [:]
    for link in links { counts[link, default: 0] += 1 }
    var seen = Set<String>()
    var follow: [String] = []
    var ambiguous: [String] = []
    for link in links where seen.insert(link).inserted {
      if counts[link]! > 1 {
        ambiguous.append(link)
      } else if state.entries[link] == nil && !skip.contains(link) {
        follow.append(link)
      }
    }
    return (follow, ambiguous)
  }
}
