import Foundation

/// The words a feed's XML errors are reported in.
extension FeedParser {
  /// Turns the first libxml2 error into a message; the codes are libxml2's `xmlParserErrors`.
  static func error(for problem: XMLProblem, reader: FeedXMLDelegate) -> FeedParseError {
    let line = problem.line
    let column = problem.column
    func xml(_ text: String) -> FeedParseError {
      FeedParseError(message: "XML error at line \(line): \(text)", line: line, column: column)
    }
    if reader.isTruncation(problem) {
      return FeedParseError(message: truncationMessage(reader.openElements), line: line, column: column)
    }
    switch problem.code {
    case 89:
      return FeedParseError(message: "entity expansion refused (possible entity bomb)", line: line, column: column)
    case 4:
      return FeedParseError(message: "not XML: no start tag found", line: line, column: column)
    case 5:
      // XML_ERR_DOCUMENT_END also means "goes on after the root", or "there is no root at all".
      if reader.dialect == nil { return FeedParseError(message: "no root element", line: line, column: column) }
      return xml("content after the end of the root element")
    case 26, 27:
      // Without a name the reference was a parameter entity in the DTD, where the HTML hint would mislead.
      guard let name = problem.entityName else { return xml("undeclared entity") }
      let hint =
        problem.code == 27
        ? "external DTDs are not read" : "XML only knows &amp; &lt; &gt; &quot; &apos;; HTML entities need CDATA"
      return xml("undeclared entity &\(name); (\(hint))")
    case 76:
      let expected = problem.openElement.map { " (expected </\($0)>)" } ?? ""
      return xml("mismatched closing tag\(expected)")
    default:
      return xml(describe(code: problem.code))
    }
  }

  /// Short descriptions of the libxml2 errors that broken feeds actually produce.
  static func describe(code: Int) -> String {
    switch code {
    case 2: return "out of memory"
    case 6, 7, 8: return "invalid character reference"
    case 9: return "invalid character (the file is not valid UTF-8, or contains a control character)"
    case 10...17: return "misplaced character or entity reference"
    case 22, 68: return "name expected (a bare '&' or '<' must be written &amp; or &lt;)"
    case 23: return "entity reference without ';'"
    case 31, 32, 79: return "unsupported or unknown encoding"
    case 38: return "'<' inside an attribute value"
    case 39, 40, 41, 65: return "malformed attribute"
    case 42: return "duplicate attribute"
    case 45: return "unfinished comment"
    case 57: return "malformed XML declaration"
    case 61: return "malformed DOCTYPE"
    case 62: return "']]>' in text"
    case 63: return "unfinished CDATA section"
    case 73: return "'>' expected"
    case 77: return "unfinished tag"
    case 80: return "'--' inside a comment"
    case 81: return "text does not match the declared encoding"
    case 85, 86: return "not well-formed"
    case 201: return "undeclared namespace prefix"
    default: return "malformed XML (libxml2 error \(code))"
    }
  }
}
