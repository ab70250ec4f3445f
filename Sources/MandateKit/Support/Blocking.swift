import Dispatch

/// Runs async work to completion from synchronous code (the command line is synchronous): the
/// work runs on the concurrency pool while the calling thread waits.
///
/// Call it only from a thread of one's own (a command's main thread): called from a task, it
/// blocks one of the pool's few threads, and with all of them blocked the work never runs.
public enum Blocking {
  private final class Box<T>: @unchecked Sendable {
    var value: Result<T, any Error>?
  }

  public static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = Box<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
      do {
        box.value = .success(try await body())
      } catch {
        box.value = .failure(error)
      }
      done.signal()
    }
    done.wait()
    return try box.value!.get()
  }
}
