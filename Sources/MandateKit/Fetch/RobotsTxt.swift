/// The rules of a robots.txt for one crawler, read as RFC 9309 says.
///
/// The groups naming the crawler's product token (case-insensitively) apply, all of them
/// together; without one, the `*` groups. The longest matching rule decides, an `allow` winning a
/// tie; `*` matches any run of characters and a final `$` the end of the path. `Crawl-delay`, not
/// in the RFC but widely used, is read from the same groups.
public struct RobotsTxt: Sendable, Equatable {
  struct Rule: Sendable, Equatable {
    var allow: Bool
    var pattern: String
  }

  var rules: [Rule]
  /// Seconds between requests that the site asks for, when it does.
  public var crawlDelay: Double?

  /// A robots.txt that allows everything (none found: 4xx).
  public static let allowAll = RobotsTxt(rules: [], crawlDelay: nil)
  /// Allows nothing (the file could not be read: 5xx or no answer).
  static let disallowAll = RobotsTxt(rules: [Rule(allow: false, pattern: "/")], crawlDelay: nil)

  init(rules: [Rule], crawlDelay: Double?) {
    self.rules = rules
    self.crawlDelay = crawlDelay
  }

  /// The rules of `text` for the crawler called `agent` ("mandate").
  public init(_ text: String, agent: String) {
    struct Group {
      var agents: [String] = []
      var rules: [Rule] = []
      var crawlDelay: Double?
    }
    var groups: [Group] = []
    var current = Group()
    var inRules = false
    for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      switch key {
      case "user-agent":
        // A user-agent line after rules starts a new group.
        if inRules {
          groups.append(current)
          current = Group()
          inRules = false
        }
        current.agents.append(value.lowercased())
      case "allow", "disallow":
        inRules = true
        // An empty disallow allows everything: it adds no rule.
        if !value.isEmpty { current.rules.append(Rule(allow: key == "allow", pattern: value)) }
      case "crawl-delay":
        inRules = true
        if let seconds = Double(value), seconds >= 0, seconds.isFinite { current.crawlDelay = seconds }
      default:
        continue
      }
    }
    groups.append(current)
    let token = agent.lowercased()
    var chosen = groups.filter { $0.agents.contains(token) }
    if chosen.isEmpty { chosen = groups.filter { $0.agents.contains("*") } }
    rules = chosen.flatMap(\.rules)
    crawlDelay = chosen.compactMap(\.crawlDelay).max()
  }

  /// Whether `path` (with its query, starting with `/`) may be fetched.
  public func allows(_ path: String) -> Bool {
    var best: Rule?
    for rule in rules where Self.matches(rule.pattern, path) {
      guard let current = best else {
        best = rule
        continue
      }
      if rule.pattern.count > current.pattern.count || (rule.pattern.count == current.pattern.count && rule.allow) {
        best = rule
      }
    }
    return best?.allow ?? true
  }

  /// Whether `pattern` matches the start of `path` (all of it, with a final `$`).
  static func matches(_ pattern: String, _ path: String) -> Bool {
    var pattern = Array(pattern.unicodeScalars)
    let anchored = pattern.last == "$"
    if anchored { pattern.removeLast() }
    let path = Array(path.unicodeScalars)
    // Positions in `path` the pattern so far can end at; `*` widens them.
    var positions: Set<Int> = [0]
    for scalar in pattern {
      if scalar == "*" {
        guard let lowest = positions.min() else { return false }
        positions = Set(lowest...path.count)
        continue
      }
      positions = Set(positions.compactMap { $0 < path.count && path[$0] == scalar ? $0 + 1 : nil })
      if positions.isEmpty { return false }
    }
    return anchored ? positions.contains(path.count) : !positions.isEmpty
  }
}
