/// The shapes of ids.
public enum Slug {
  /// `kz-csto-2024`: lower-case letters and digits in dash-separated runs.
  public static func isValid(_ text: String) -> Bool {
    guard !text.isEmpty, text.count <= 64 else { return false }
    return text.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
      !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }
  }

  /// `P2`: a letter, then letters, digits, `_` or `-`; no dots, since dots separate item levels.
  public static func isPriorityID(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII, text.count <= 32 else {
      return false
    }
    return text.unicodeScalars.allSatisfy {
      $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
    }
  }

  /// `P2.3`: a priority id, then one or more dot-separated parts of letters and digits.
  public static func isItemID(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count >= 2, isPriorityID(String(parts[0])) else { return false }
    return parts.dropFirst().allSatisfy { part in
      !part.isEmpty
        && part.unicodeScalars.allSatisfy {
          $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
        }
    }
  }

  /// `en`, `ru`, `kk-Cyrl`: a BCP 47 language tag, loosely.
  public static func isLanguageTag(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
      return false
    }
    return parts.dropFirst().allSatisfy {
      (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }
}
