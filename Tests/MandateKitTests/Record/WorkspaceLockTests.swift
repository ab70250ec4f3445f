import Foundation
import Testing

@testable import MandateKit

@Suite struct WorkspaceLockTests {
  @Test func sharedLocksInOneProcessCoexist() throws {
    let folder = try TemporaryDirectory()
    let state = folder.url.appendingPathComponent(".mandate")
    let first = try WorkspaceLock(stateDirectory: state, mode: .shared)
    let second = try WorkspaceLock(stateDirectory: state, mode: .shared)
    #expect(first.mode == .shared && second.mode == .shared)
  }

  /// Two locks of one process would wait for each other forever: refused at once, with a reason.
  @Test func aSecondLockThatWouldWaitForeverIsRefused() throws {
    let folder = try TemporaryDirectory()
    let state = folder.url.appendingPathComponent(".mandate")
    var reader: WorkspaceLock? = try WorkspaceLock(stateDirectory: state, mode: .shared)
    #expect(throws: RecordError.self) { try WorkspaceLock(stateDirectory: state, mode: .exclusive) }
    let other = try WorkspaceLock(stateDirectory: state, mode: .shared)
    #expect(throws: RecordError.self) { try other.change(to: .exclusive) }
    #expect(other.mode == .shared)
    reader = nil
    // Alone now: the upgrade goes through, and a shared lock must wait its turn (refused).
    try other.change(to: .exclusive)
    #expect(throws: RecordError.self) { try WorkspaceLock(stateDirectory: state, mode: .shared) }
    try other.change(to: .shared)
    let again = try WorkspaceLock(stateDirectory: state, mode: .shared)
    #expect(again.mode == .shared)
    _ = reader
  }

  @Test func theRefusalNamesTheLockAndWhatToDo() throws {
    let folder = try TemporaryDirectory()
    let state = folder.url.appendingPathComponent(".mandate")
    let held = try WorkspaceLock(stateDirectory: state, mode: .exclusive)
    do {
      _ = try WorkspaceLock(stateDirectory: state, mode: .shared)
      Issue.record("a second lock was granted")
    } catch {
      #expect(error.errorDescription?.contains(".mandate/lock") == true)
      #expect(error.errorDescription?.contains("share that one") == true)
    }
    #expect(held.mode == .exclusive)
  }
}
