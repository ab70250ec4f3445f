import Foundation

/// Names files in messages the way git does: relative to the current directory, with `../`
/// when the file lies elsewhere in the same tree.
public struct PathDisplay: Sendable {
  public let base: URL

  public init(base: URL) { self.base = base.standardizedFileURL }

  public static var currentDirectory: PathDisplay {
    PathDisplay(base: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
  }

  public func path(_ url: URL) -> String {
    let target = url.standardizedFileURL.pathComponents
    let from = base.pathComponents
    var common = 0
    while common < target.count, common < from.count, target[common] == from[common] { common += 1 }
    // Only the root in common: an absolute path reads better than a ladder of `../`.
    if common <= 1 { return url.standardizedFileURL.path }
    let ups = Array(repeating: "..", count: from.count - common)
    let parts = ups + target[common...]
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }
}
