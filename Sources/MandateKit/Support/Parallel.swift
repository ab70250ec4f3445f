import Dispatch
import Foundation

/// Maps a batch on all cores, keeping the order; used where an import does the same independent
/// work for every item (decoding JSON, normalizing text, hashing, reading dates).
public enum Parallel {
  /// The number of worker threads: the cores, or `MANDATE_THREADS` when set.
  public static let width: Int = {
    if let text = ProcessInfo.processInfo.environment["MANDATE_THREADS"], let value = Int(text), value >= 1 {
      return min(value, 64)
    }
    return max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
  }()

  public static func map<T, U>(_ items: [T], _ transform: (T) -> U) -> [U] {
    guard items.count >= 64, width > 1 else { return items.map(transform) }
    return withoutActuallyEscaping(transform) { transform in
      let results = UnsafeMutableBufferPointer<U?>.allocate(capacity: items.count)
      results.initialize(repeating: nil)
      defer {
        _ = results.deinitialize()
        results.deallocate()
      }
      let chunks = width * 4
      let chunkSize = (items.count + chunks - 1) / chunks
      items.withUnsafeBufferPointer { input in
        let box = UnsafeSendable(transform: transform, input: input, output: results)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
          let start = chunk * chunkSize
          let end = min(start + chunkSize, box.input.count)
          guard start < end else { return }
          for index in start..<end { box.output[index] = box.transform(box.input[index]) }
        }
      }
      return results.map { $0! }
    }
  }

  /// Hands non-Sendable pointers to the worker threads; each writes only its own slice.
  private struct UnsafeSendable<T, U>: @unchecked Sendable {
    let transform: (T) -> U
    let input: UnsafeBufferPointer<T>
    let output: UnsafeMutableBufferPointer<U?>
  }
}
