import Foundation

/// The name of an analyst's ledger file (`Tags/<mandate>/<slug>.yaml`), made from the name the
/// analyst signs decisions with.
///
/// The slug is readable (`Алия Сейткали` gives `алия-сейткали`, `J. R. Smith` gives `j-r-smith`)
/// and a safe file name on every system git runs on, whatever the name holds:
///
/// - the name is put in Unicode's composed form (NFC) and lower case, so that one name typed
///   composed or decomposed, or in another case, gives one file, and no two files differ only in
///   case (which macOS and Windows cannot check out side by side);
/// - letters, combining marks and digits of every script are kept; every other character (spaces,
///   dots, slashes, backslashes, colons, quotes, controls, invisible formatting) becomes a dash,
///   runs of dashes become one, and dashes at either end are dropped: no slug holds `/`, `\`,
///   `.` or `..`, so none can name a file outside the mandate's folder or a hidden one;
/// - at most 64 characters and 120 bytes of UTF-8 are kept, well within every file system's limit;
/// - a name left with nothing (only punctuation or emoji) gives `unnamed`, and a name Windows
///   reserves for devices (`con`, `nul`, `com1`, …) gets a `_` after it.
///
/// Names that give the same slug share a file safely: every line says who decided it.
public enum AnalystSlug {
  /// The slug of a name with no letter or digit.
  public static let unnamed = "unnamed"
  static let maximumCharacters = 64
  static let maximumBytes = 120

  /// The slug of `name`.
  public static func of(_ name: String) -> String {
    let lowered = name.precomposedStringWithCanonicalMapping.lowercased().precomposedStringWithCanonicalMapping
    var slug = ""
    var pendingDash = false
    for scalar in lowered.unicodeScalars {
      if isKept(scalar) {
        if pendingDash && !slug.isEmpty { slug.unicodeScalars.append("-") }
        pendingDash = false
        slug.unicodeScalars.append(scalar)
      } else {
        pendingDash = true
      }
    }
    slug = shortened(slug)
    if slug.isEmpty { return unnamed }
    if reservedOnWindows.contains(slug) { return slug + "_" }
    return slug
  }

  /// Letters, marks and digits of any script.
  private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
      .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
      return true
    default:
      return false
    }
  }

  /// The longest prefix of whole characters within both limits, without a dash at its end.
  private static func shortened(_ slug: String) -> String {
    var result = ""
    var characters = 0
    var bytes = 0
    for character in slug {
      let size = character.utf8.count
      guard characters < maximumCharacters, bytes + size <= maximumBytes else { break }
      result.append(character)
      characters += 1
      bytes += size
    }
    while result.hasSuffix("-") { result.removeLast() }
    return result
  }

  /// Device names Windows refuses as file names, even with an extension.
  private static let reservedOnWindows: Set<String> = {
    var names: Set<String> = ["con", "prn", "aux", "nul"]
    for digit in 1...9 {
      names.insert("com\(digit)")
      names.insert("lpt\(digit)")
    }
    return names
  }()
}
