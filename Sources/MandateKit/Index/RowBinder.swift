import GRDB
import GRDBSQLite

/// Binds values straight to a prepared statement's SQLite handle and runs it.
///
/// Used only for the two statements an import runs once per new event (the row and its
/// full-text entry): GRDB's `StatementArguments` box every value, which cost more than SQLite's
/// own work there. Everything else goes through GRDB.
struct RowBinder {
  let statement: Statement
  let db: Database
  private var index: Int32 = 1
  /// The first failed bind, reported by `run` (binding fails on a statement left un-reset).
  private var failure: Int32 = SQLITE_OK

  /// Resets the statement first: GRDB leaves a statement un-reset after executing it, and binding
  /// to it then fails, which would run it again with the previous values.
  init(_ statement: Statement, db: Database) {
    self.statement = statement
    self.db = db
    sqlite3_reset(statement.sqliteStatement)
    sqlite3_clear_bindings(statement.sqliteStatement)
  }

  private mutating func check(_ code: Int32) {
    if code != SQLITE_OK && failure == SQLITE_OK { failure = code }
  }

  private var handle: OpaquePointer { statement.sqliteStatement }

  /// SQLite copies the bytes before `bind` returns.
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  mutating func bind(_ text: String?) {
    defer { index += 1 }
    guard var text else {
      check(sqlite3_bind_null(handle, index))
      return
    }
    let handle = self.handle
    let index = self.index
    check(text.withUTF8 { bytes in Self.bindText(handle, index, UnsafeRawBufferPointer(bytes)) })
  }

  private static func bindText(_ handle: OpaquePointer, _ index: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    if let base = bytes.baseAddress, bytes.count > 0 {
      return sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
    }
    return sqlite3_bind_text(handle, index, "", 0, transient)
  }

  mutating func bind(_ bytes: [UInt8]) {
    defer { index += 1 }
    let handle = self.handle
    let index = self.index
    check(bytes.withUnsafeBytes { Self.bindText(handle, index, $0) })
  }

  mutating func bind(_ value: Int64?) {
    defer { index += 1 }
    check(value.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
  }

  /// Runs the statement once and resets it for the next row.
  mutating func run() throws {
    guard failure == SQLITE_OK else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: failure),
        message: "binding failed: " + String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
    let code = sqlite3_step(handle)
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    index = 1
    guard code == SQLITE_DONE else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
  }
}
