import Foundation

/// A bounded queue between two threads: `send` waits while it is full, `receive` while it is
/// empty, and returns nil once the channel is closed and drained. Bounding it bounds the memory
/// a fast producer can fill.
final class BlockingChannel<Element>: @unchecked Sendable {
  private let condition = NSCondition()
  private var items: [Element] = []
  private var closed = false
  private let capacity: Int

  init(capacity: Int) { self.capacity = max(1, capacity) }

  /// Adds an item; returns false (dropping it) when the receiver has closed the channel.
  @discardableResult
  func send(_ item: Element) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while items.count >= capacity && !closed { condition.wait() }
    guard !closed else { return false }
    items.append(item)
    condition.broadcast()
    return true
  }

  func receive() -> Element? {
    condition.lock()
    defer { condition.unlock() }
    while items.isEmpty && !closed { condition.wait() }
    guard !items.isEmpty else { return nil }
    let item = items.removeFirst()
    condition.broadcast()
    return item
  }

  /// No more items will be sent (or, from the receiver, none will be taken).
  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }
}

/// A thread that runs one closure and can be waited for, with the closure's error.
final class WorkerThread: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var failure: Error?
  private var thread: Thread?

  init(name: String, _ body: @escaping @Sendable () throws -> Void) {
    let thread = Thread { [unowned self] in
      do { try body() } catch { self.failure = error }
      self.done.signal()
    }
    thread.name = name
    thread.stackSize = 8 << 20
    self.thread = thread
    thread.start()
  }

  /// Waits for the closure to end and rethrows its error.
  func join() throws {
    done.wait()
    done.signal()
    if let failure { throw failure }
  }
}
