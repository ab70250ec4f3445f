import Foundation
import Testing

@testable import MandateKit

/// Charsets: a page decodes right whether its encoding is given by a byte-order mark, `<meta charset>`,
/// `http-equiv`, the HTTP header or nothing, and a declaration the bytes contradict does not garble it.
@Suite struct PageCharsetTests {
  static let russian = [
    "Совет министров иностранных дел Организации Договора о коллективной безопасности провёл заседание в Алматы под председательством министра иностранных дел Казахстана Мурата Нуртлеу.",
    "Министры обсудили ситуацию в Афганистане, безопасность внешних границ Организации и подготовку сессии Совета коллективной безопасности, которая пройдёт в Астане осенью.",
  ]

  static func article(_ file: String, origin: InputOrigin? = nil) throws -> PageArticle? {
    guard case .article(let article) = try HTMLPageTests.read(file, origin: origin) else { return nil }
    return article
  }

  @Test(arguments: [
    ("charset-windows-1251.html", "WINDOWS-1251 (<meta> declaration)"),
    ("charset-koi8-r.html", "KOI8-R (<meta> declaration)"),
    ("charset-wrong-declaration.html", "UTF-8 (the bytes (valid UTF-8))"),
  ])
  func cyrillicPages(_ file: String, _ charset: String) throws {
    let article = try #require(try Self.article(file))
    #expect(article.charset == charset)
    #expect(article.headline == "Совет министров иностранных дел ОДКБ собрался в Алматы")
    #expect(article.paragraphs == Self.russian)
    #expect(article.language == "ru")
  }

  @Test func theHTTPHeaderGivesTheCharsetOfAnUndeclaredPage() throws {
    let origin = InputOrigin(
      url: "https://steppe-herald.example/ru/sovet", contentType: "text/html; charset=KOI8-R",
      fetchedAt: Date(timeIntervalSince1970: 0))
    let article = try #require(try Self.article("charset-http-header-koi8-r.html", origin: origin))
    #expect(article.charset == "KOI8-R (HTTP header)")
    #expect(article.paragraphs == Self.russian)
    #expect(article.url == "https://steppe-herald.example/ru/sovet")
    // Without the header, the bytes are guessed to be KOI8-R all the same.
    let guessed = try #require(try Self.article("charset-http-header-koi8-r.html"))
    #expect(guessed.charset == "KOI8-R (a guess from the bytes)")
    #expect(guessed.paragraphs == Self.russian)
  }

  @Test func isoLatinPages() throws {
    let article = try #require(try Self.article("charset-iso-8859-2.html"))
    #expect(article.charset == "ISO-8859-2 (<meta> declaration)")
    #expect(article.headline == "Ministrowie spraw zagranicznych OUBZ spotkali się w Ałmaty")
    #expect(article.paragraphs.first?.hasSuffix("Żadne państwo członkowskie nie zgłosiło sprzeciwu.") == true)
    #expect(article.language == "pl")
  }

  @Test(arguments: [
    ("charset-utf-16le-bom.html", "UTF-16LE (byte-order mark)"), ("charset-utf-8-bom.html", "UTF-8 (byte-order mark)"),
  ])
  func byteOrderMarks(_ file: String, _ charset: String) throws {
    let article = try #require(try Self.article(file))
    #expect(article.charset == charset)
    #expect(article.headline == "Foreign ministers of the CSTO met in Almaty")
    #expect(article.paragraphs == HTMLPageTests.almaty)
  }

  @Test func theOrderOfTrust() {
    let koi8 = Array("<html><head><meta charset=\"koi8-r\"></head><body>Привет</body></html>".utf8)
    // Valid UTF-8 with non-ASCII text is UTF-8 whatever is declared.
    #expect(PageCharset.detect(koi8, contentType: "text/html; charset=windows-1251").name == "UTF-8")
    let ascii = Array("<html><head><meta charset=\"koi8-r\"></head><body>Hello</body></html>".utf8)
    #expect(PageCharset.detect(ascii, contentType: "text/html; charset=windows-1251").source == "HTTP header")
    #expect(PageCharset.detect(ascii, contentType: "text/html").name == "KOI8-R")
    #expect(PageCharset.detect([0xFE, 0xFF, 0, 0x3C], contentType: "text/html; charset=utf-8").name == "UTF-16BE")
  }

  @Test(arguments: [
    ("latin1", "WINDOWS-1252"), ("ISO-8859-1", "WINDOWS-1252"), ("cp1251", "WINDOWS-1251"),
    ("x-cp1251", "WINDOWS-1251"),
    ("KOI8-R", "KOI8-R"), ("iso8859-5", "ISO-8859-5"), ("ISO_8859-2", "ISO-8859-2"), ("utf8", "UTF-8"),
    ("utf-16", "UTF-8"), ("Shift_JIS", "CP932"), ("gb2312", "GB18030"), (" windows-1250 ", "WINDOWS-1250"),
  ])
  func labels(_ label: String, _ name: String) {
    #expect(PageCharset.canonicalName(label) == name)
  }

  @Test func unknownLabelsAreIgnored() {
    #expect(PageCharset.canonicalName("x-unknown-charset") == nil)
    let page = Array("<meta charset=\"x-unknown\"><p>Hello</p>".utf8)
    #expect(PageCharset.detect(page, contentType: nil).name == "UTF-8")
  }

  @Test func badBytesBecomeReplacementCharacters() {
    let bytes: [UInt8] = Array("<p>Caf".utf8) + [0xE9] + Array(" and ".utf8) + [0] + Array(" ok é</p>".utf8)
    let decoded = String(decoding: PageDecoder.repairedUTF8(bytes[...]), as: UTF8.self)
    #expect(decoded == "<p>Caf\u{FFFD} and \u{FFFD} ok é</p>")
    let cyrillic = PageDecoder.converted([0xCF, 0xF0, 0xE8, 0x98][...], from: "WINDOWS-1251")
    #expect(cyrillic.map { String(decoding: $0, as: UTF8.self) } == "При\u{FFFD}")
  }
}
