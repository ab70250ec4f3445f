import Dispatch

/// Runs async work to completion from synchronous code (the command line is synchronous): the
/// work runs on the concurrency pool while the calling thread waits.
enum Blocking {
  private final class Box<T>: @unchecked Sendable {
    var value: T?
  }

  static func wait<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let box = Box<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
      box.value = await body()
      done.signal()
    }
    done.wait()
    return box.value!
  }
}
