import Testing

@testable import MandateKit

@Suite struct RobotsTxtTests {
  static let text = """
    # comments and blank lines are ignored
    User-agent: *
    Disallow: /

    User-agent: Googlebot
    User-agent: MANDATE
    Disallow: /private/
    Allow: /private/open
    Disallow: /*.pdf$
    Disallow: /search?q=
    Crawl-delay: 5

    User-agent: mandate
    Disallow: /drafts
    """

  /// (path, allowed) for the crawler called mandate: its groups (by any case, merged) apply and
  /// `*`'s do not; the longest rule wins, `allow` on a tie; `*` and a final `$` are wildcards.
  @Test(arguments: [
    ("/", true), ("/news/1.html", true), ("/private/", false), ("/private/page", false),
    ("/private/open", true), ("/private/opening", true), ("/files/report.pdf", false),
    ("/files/report.pdf?x=1", true), ("/search?q=csto", false), ("/search", true), ("/drafts/2024", false),
  ])
  func pathsForMandate(path: String, allowed: Bool) {
    #expect(RobotsTxt(Self.text, agent: "mandate").allows(path) == allowed)
  }

  @Test func otherCrawlersGetTheStarGroup() {
    let robots = RobotsTxt(Self.text, agent: "somebot")
    #expect(!robots.allows("/news/1.html"))
    #expect(robots.crawlDelay == nil)
  }

  @Test func readsTheCrawlDelay() {
    #expect(RobotsTxt(Self.text, agent: "mandate").crawlDelay == 5)
  }

  @Test func anEmptyDisallowAllowsEverythingAndNoFileAllowsAll() {
    #expect(RobotsTxt("User-agent: *\nDisallow:\n", agent: "mandate").allows("/anything"))
    #expect(RobotsTxt("", agent: "mandate").allows("/anything"))
    #expect(RobotsTxt.allowAll.allows("/x"))
    #expect(!RobotsTxt.disallowAll.allows("/x"))
  }

  @Test func allowWinsATieOfEqualLength() {
    let robots = RobotsTxt("User-agent: *\nDisallow: /page\nAllow: /page\n", agent: "mandate")
    #expect(robots.allows("/page"))
  }
}
