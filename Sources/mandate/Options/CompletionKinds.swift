import ArgumentParser
import Foundation
import MandateKit

/// Shell completion for arguments that name something in the workspace (`Completions`).
extension CompletionKind {
  private static func completions(_ words: [String]) -> Completions {
    Completions(
      words: words, currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
  }

  /// Event ids, abbreviated as `mandate events` prints them.
  static var eventIDs: CompletionKind {
    .custom { words, _, prefix in completions(words).eventIDs(prefix: prefix) }
  }

  /// The mandate's item ids.
  static var itemIDs: CompletionKind {
    .custom { words, _, prefix in completions(words).itemIDs(prefix: prefix) }
  }

  /// Item and priority ids.
  static var itemOrPriorityIDs: CompletionKind {
    .custom { words, _, prefix in completions(words).itemAndPriorityIDs(prefix: prefix) }
  }

  /// The term's quarters.
  static var quarters: CompletionKind {
    .custom { words, _, prefix in completions(words).quarters(prefix: prefix) }
  }

  /// The workspace's mandates.
  static var mandateIDs: CompletionKind {
    .custom { words, _, prefix in completions(words).mandateIDs(prefix: prefix) }
  }
}
