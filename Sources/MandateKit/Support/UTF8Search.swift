extension String {
  /// Whether any of the string's UTF-8 bytes satisfies `predicate`. Native strings are searched on
  /// their own buffer, a tight loop; the generic `utf8.contains` showed in profiles of a 100k import
  /// (2.5%) and of a 120 MB `suggest --format json` (5%).
  func containsUTF8Byte(where predicate: (UInt8) -> Bool) -> Bool {
    utf8.withContiguousStorageIfAvailable { $0.contains(where: predicate) } ?? utf8.contains(where: predicate)
  }
}
