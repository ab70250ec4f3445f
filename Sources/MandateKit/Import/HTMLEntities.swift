/// HTML's named character references beyond the handful XML knows: the ISO Latin-1 set of HTML 4
/// (`&eacute;`, `&nbsp;`, `&copy;`…), which feeds write in escaped HTML and which Netscape's RSS 0.91 DTD
/// declares.
enum HTMLEntities {
  /// Latin-1 entity names in the order of their code points, from U+00A0 (nbsp) to U+00FF (yuml).
  static let latin1: [String] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not",
    "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1",
    "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring",
    "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde",
    "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute",
    "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde",
    "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
  ]

  /// Code points by name.
  static let latin1Codes: [String: Int] = Dictionary(
    uniqueKeysWithValues: latin1.enumerated().map { ($0.element, 0xA0 + $0.offset) })
}
