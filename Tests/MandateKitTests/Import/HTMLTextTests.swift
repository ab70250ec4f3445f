import Testing

@testable import MandateKit

@Suite("HTMLText")
struct HTMLTextTests {
  @Test func textWithoutMarkupIsOnlyTrimmed() {
    #expect(HTMLText.plainText("  Hello   CSTO\u{A0} world \n") == "Hello   CSTO\u{A0} world")
    #expect(HTMLText.plainText("line one\n\n\nline two") == "line one\n\n\nline two")
    #expect(HTMLText.plainText("") == "")
  }

  @Test(arguments: [
    ("<p>One</p><p>Two</p>", "One\n\nTwo"),
    ("a<br>b<br/>c<BR />d", "a\n\nb\n\nc\n\nd"),
    ("<div>x</div><div><div>y</div></div>", "x\n\ny"),
    ("<ul><li>Armenia</li><li>Belarus</li></ul>", "Armenia\n\nBelarus"),
    ("<h1>Title</h1>Body text", "Title\n\nBody text"),
    ("<h6>Small</h6><blockquote>Quote</blockquote>", "Small\n\nQuote"),
    ("<P CLASS=\"lead\">Upper</P>case", "Upper\n\ncase"),
    ("<p></p><p>  </p><p>Only</p><p>\n</p>", "Only"),
  ])
  func blockElementsSeparateParagraphs(html: String, expected: String) {
    #expect(HTMLText.plainText(html) == expected)
  }

  @Test(arguments: [
    ("amp", "&"), ("lt", "<"), ("gt", ">"), ("quot", "\""), ("apos", "'"), ("mdash", "\u{2014}"),
    ("ndash", "\u{2013}"), ("hellip", "\u{2026}"), ("laquo", "\u{AB}"), ("raquo", "\u{BB}"), ("rsquo", "\u{2019}"),
    ("lsquo", "\u{2018}"), ("rdquo", "\u{201D}"), ("ldquo", "\u{201C}"), ("copy", "\u{A9}"), ("reg", "\u{AE}"),
  ])
  func namedEntitiesAreDecoded(name: String, expected: String) {
    #expect(HTMLText.plainText("x&\(name);y") == "x\(expected)y")
  }

  @Test func nonBreakingSpacesCollapseLikeSpaces() {
    #expect(HTMLText.plainText("10&nbsp;April") == "10 April")
    #expect(HTMLText.plainText("<p>&nbsp;&nbsp;a &nbsp; b&nbsp;</p>") == "a b")
  }

  @Test(arguments: [
    ("&#8217;", "\u{2019}"), ("&#x2014;", "\u{2014}"), ("&#X41;", "A"), ("&#65;&#66;", "AB"),
    ("&#1054;&#1044;&#1050;&#1041;", "ОДКБ"), ("&#146;", "\u{2019}"), ("&#150;", "\u{2013}"),
    ("&#0;", "\u{FFFD}"), ("&#xD800;", "\u{FFFD}"), ("&#x110000;", "\u{FFFD}"), ("a&#1;b", "ab"),
    ("&#x1F600;", "\u{1F600}"),
  ])
  func numericReferencesAreDecoded(html: String, expected: String) {
    #expect(HTMLText.plainText(html) == expected)
  }

  @Test(arguments: [
    ("AT&T", "AT&T"), ("&foo;", "&foo;"), ("Tom & Jerry", "Tom & Jerry"), ("&amp;lt;", "&lt;"), ("&#;", "&#;"),
    ("&#xZZ;", "&#xZZ;"), ("&copy", "&copy"), ("&#999999999999;", "&#999999999999;"),
  ])
  func unknownOrMalformedEntitiesStayLiteral(html: String, expected: String) {
    #expect(HTMLText.plainText(html) == expected)
  }

  @Test(arguments: [
    ("before<script>alert(1)</script>after", "beforeafter"),
    ("<p>a</p><SCRIPT type=\"text/javascript\">document.cookie</SCRIPT ><p>b</p>", "a\n\nb"),
    ("x<script>var s = '</scriptx>'; alert(1)</script>y", "xy"),
    ("<style>p { color: red }</style>Styled", "Styled"),
    ("text<script>alert(1)", "text"),
    ("<script src=\"https://evil.example/x.js\"/>kept", "kept"),
    ("<p onclick=\"alert(1)\">Click</p>", "Click"),
  ])
  func scriptsAndStylesAreRemovedWithTheirContent(html: String, expected: String) {
    #expect(HTMLText.plainText(html) == expected)
  }

  @Test func decodedMarkupIsTextNotTags() {
    #expect(
      HTMLText.plainText("&lt;script&gt;alert(1)&lt;/script&gt;") == "<script>alert(1)</script>")
    #expect(HTMLText.plainText("&lt;p&gt;one&lt;/p&gt;") == "<p>one</p>")
  }

  @Test(arguments: [
    ("a<!-- hidden <p> -->b", "ab"),
    ("a<!-- never closed", "a"),
    ("<![CDATA[<b>raw</b> & more]]>", "<b>raw</b> & more"),
    ("<!DOCTYPE html><?php echo 1 ?>Text", "Text"),
    ("<a title=\"a > b\" href='x>y'>the site</a>", "the site"),
    ("con<b>cat</b>en<i>ate</i>", "concatenate"),
    ("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>", "a b\n\nc"),
    ("text <b unfinished", "text"),
    ("<img src=\"/i.jpg\" alt=\"photo\">", ""),
  ])
  func markupIsStripped(html: String, expected: String) {
    #expect(HTMLText.plainText(html) == expected)
  }

  @Test(arguments: [("a < b", "a < b"), ("5<6 & 7>3", "5<6 & 7>3"), ("<3 CSTO", "<3 CSTO"), ("x <", "x <")])
  func lessThanThatStartsNoTagIsText(html: String, expected: String) {
    #expect(HTMLText.plainText(html) == expected)
  }

  @Test func whitespaceCollapsesWithinParagraphs() {
    #expect(
      HTMLText.plainText("<p>  Leaders\n\tmet   in\r\n Astana </p>\n\n<p>\n Next </p>")
        == "Leaders met in Astana\n\nNext")
  }

  @Test func invisibleFormattingCharactersAreKept() {
    #expect(HTMLText.plainText("<p>\u{200F}ОДКБ\u{200B}CSTO</p>") == "\u{200F}ОДКБ\u{200B}CSTO")
  }

  @Test func longInputIsLinear() {
    let html = String(repeating: "<p>word &amp; &unknownentity <i>x</i></p>", count: 20_000)
    // Its speed is `mandate-bench linear`'s figure; here, that every paragraph comes out.
    let text = HTMLText.plainText(html)
    #expect(text.components(separatedBy: "\n\n").count == 20_000)
  }
}
