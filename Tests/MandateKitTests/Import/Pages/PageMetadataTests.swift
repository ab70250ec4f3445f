import Foundation
import Testing

@testable import MandateKit

@Suite struct PageMetadataTests {
  static func metadata(_ html: String) -> PageMetadata {
    PageMetadata(HTMLDocument(utf8: Array(html.utf8))!)
  }

  @Test func jsonLDIsReadInsideCDATAAndGraphs() {
    let metadata = Self.metadata(
      """
      <html><head><script type="application/ld+json">
      //<![CDATA[
      {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Herald"},
       {"@type":["NewsArticle"],"headline":"Ministers met","datePublished":"2024-05-23T10:00:00+05:00",
        "publisher":{"@type":"Organization","name":"Steppe Herald"},"inLanguage":"en"}]}
      //]]>
      </script></head><body><p>x</p></body></html>
      """)
    #expect(metadata.jsonLD.count == 2)
    #expect(metadata.article?.headline == "Ministers met")
    #expect(metadata.article?.datePublished == "2024-05-23T10:00:00+05:00")
    #expect(metadata.siteNames == ["Steppe Herald", "Herald"])
  }

  @Test func brokenJSONLDIsSkipped() {
    let metadata = Self.metadata(
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": </script><p>x</p>")
    #expect(metadata.jsonLD.isEmpty)
  }

  @Test func jsonLDWithRawLineBreaksInStringsIsRead() {
    let metadata = Self.metadata(
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Two\nlines\"}</script>")
    #expect(metadata.article?.headline == "Two lines")
  }

  @Test func metaPropertiesMayHoldSeveralNames() {
    let metadata = Self.metadata("<meta property=\"og:title twitter:title\" content=\"Shared\"><p>x</p>")
    #expect(metadata.meta("og:title") == "Shared")
    #expect(metadata.meta("twitter:title") == "Shared")
  }

  @Test func canonicalAddressesAreMadeAbsoluteAndOnlyWebAddressesCount() {
    let relative = Self.metadata("<link rel=\"canonical\" href=\"/a/b\"><p>x</p>")
    #expect(relative.canonicalURL(fetchedFrom: "https://x.example/c?d") == "https://x.example/a/b")
    #expect(relative.canonicalURL(fetchedFrom: nil) == nil)
    let script = Self.metadata(
      "<link rel=\"canonical\" href=\"javascript:alert(1)\"><meta property=\"og:url\" content=\"https://x.example/og\">"
    )
    #expect(script.canonicalURL(fetchedFrom: nil) == "https://x.example/og")
  }
}
