import Testing

@testable import MandateKit

/// Every import format has exactly one reader in the registry, so `--format` and detection can
/// never name a format nobody reads.
@Suite struct NewsReaderRegistryTests {
  @Test(arguments: ImportFormat.allCases)
  func everyFormatHasOneReader(_ format: ImportFormat) {
    #expect(NewsReaders.all.filter { $0.formats.contains(format) }.count == 1)
  }
}
