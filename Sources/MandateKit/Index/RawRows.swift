import GRDB
import GRDBSQLite

/// Steps through a query's rows on SQLite's own buffers.
///
/// For the scans over every event that a report makes: GRDB's rows make a `String` (a heap copy,
/// event ids being 16 bytes) per column and row, which costs more than SQLite's own work there.
/// Everything else goes through GRDB.
struct RawRows {
  /// One row, valid only inside the `scan` callback.
  struct Row {
    fileprivate let handle: OpaquePointer

    /// The column as a string; nil when it is NULL.
    func string(_ column: Int32) -> String? {
      guard let text = sqlite3_column_text(handle, column) else { return nil }
      let count = Int(sqlite3_column_bytes(handle, column))
      return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// Calls `body` with the column's UTF-8 bytes (empty when NULL), valid only during the call.
    func withBytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
      guard let text = sqlite3_column_text(handle, column) else {
        return body(UnsafeBufferPointer(start: nil, count: 0))
      }
      return body(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))))
    }

    /// Calls `body` with the column's bytes as a blob (empty when NULL), valid only during the call.
    func withBlob<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) -> T) -> T {
      let bytes = sqlite3_column_blob(handle, column)
      return body(
        UnsafeRawBufferPointer(start: bytes, count: bytes == nil ? 0 : Int(sqlite3_column_bytes(handle, column))))
    }

    func int(_ column: Int32) -> Int? {
      sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, column))
    }

    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    /// The column read as an ISO day (`YYYY-MM-DD`) without making a string; nil when it is NULL
    /// or not a day.
    func day(_ column: Int32) -> Day? {
      withBytes(column) { Day(isoBytes: $0) }
    }

    /// The column read as an event id's key (`EventKey`), without making a string; nil when it
    /// is not 16 lowercase hex digits.
    func eventKey(_ column: Int32) -> UInt64? {
      withBytes(column) { EventKey.parse($0) }
    }
  }

  /// Runs `sql` with text `arguments` and calls `body` for each row.
  static func scan(_ db: Database, sql: String, arguments: [String] = [], _ body: (Row) throws -> Void) throws {
    let statement = try db.makeStatement(sql: sql)
    let handle = statement.sqliteStatement
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    defer { sqlite3_reset(handle) }
    let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    for (offset, argument) in arguments.enumerated() {
      let code = sqlite3_bind_text(handle, Int32(offset + 1), argument, -1, transient)
      guard code == SQLITE_OK else { throw error(code, db) }
    }
    while true {
      let code = sqlite3_step(handle)
      if code == SQLITE_DONE { return }
      guard code == SQLITE_ROW else { throw error(code, db) }
      try body(Row(handle: handle))
    }
  }

  private static func error(_ code: Int32, _ db: Database) -> DatabaseError {
    DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
  }
}
