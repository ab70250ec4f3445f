import Foundation
import GRDB

/// How `mandate import` should run.
public struct ImportOptions: Sendable {
  /// nil: detect each file's format.
  public var format: ImportFormat?
  /// A name recorded with every source, such as "csto.int".
  public var sourceName: String?
  /// Read, match and count, but write nothing.
  public var dryRun: Bool
  /// Any rejected record makes the import write nothing.
  public var strict: Bool
  /// The day recorded as `first_seen` for new sources.
  public var today: Day
  /// An input that cannot be read at all (its format unknown, a broken feed) is reported in
  /// `ImportReport.failed` and the others are imported; otherwise it stops the import. Fetching
  /// sets it: one failing source must not stop the others.
  public var continueAfterFailedInputs: Bool

  public init(
    format: ImportFormat? = nil, sourceName: String? = nil, dryRun: Bool = false, strict: Bool = false, today: Day,
    continueAfterFailedInputs: Bool = false
  ) {
    self.format = format
    self.sourceName = sourceName
    self.dryRun = dryRun
    self.strict = strict
    self.today = today
    self.continueAfterFailedInputs = continueAfterFailedInputs
  }
}

/// What an import read and changed.
public struct ImportReport: Sendable, Equatable {
  public struct FileSummary: Sendable, Equatable {
    public var path: String
    public var format: ImportFormat
    public var items: Int
    public var rejected: Int
  }

  /// An event an import adds, as a dry run lists it.
  public struct NewEvent: Sendable, Equatable {
    public var id: String
    public var date: Day?
    public var dateEnd: Day?
    public var precision: DatePrecision
    /// The title, or the first words of the text.
    public var headline: String
  }

  /// An input that could not be read at all, and why.
  public struct FailedInput: Sendable, Equatable {
    /// The file, or the address a fetched input came from.
    public var path: String
    public var reason: String
  }

  public var files: [FileSummary] = []
  /// Inputs skipped whole (only with `ImportOptions.continueAfterFailedInputs`).
  public var failed: [FailedInput] = []
  /// Items (occurrences) read from all files.
  public var items = 0
  /// Events that were not in the record before.
  public var newEvents = 0
  /// New events without a date.
  public var newUndated = 0
  /// Recorded events that gained a source, or were merged with another.
  public var mergedIntoExisting = 0
  /// Items that were already recorded, source and all: a second import of a file counts here.
  public var alreadyRecorded = 0
  public var rejected: [RejectedRecord] = []
  /// What readers noticed without rejecting anything (a page cut short, an empty feed item).
  public var warnings: [ImportWarning] = []
  /// Record files written (or that would be, in a dry run).
  public var changedFiles: [String] = []
  public var dryRun = false
  /// In a dry run, the events the import would add, by date then id.
  public var wouldAdd: [NewEvent] = []
  /// Set when the record was written but the index could not follow (a full disk, say): the
  /// next command brings the index up to date from the record.
  public var indexNotUpdated: String?
}

/// Imports news files into the `Events/` record and the index.
///
/// A producer thread reads the files and turns items into drafts on all cores (dates read,
/// identities computed, lines encoded); this thread takes them in order and, inside one index
/// transaction, decides for each whether it is new or the same as an event already seen
/// (`ImportWriter`). Only then is the record written: every changed partition to a temporary file
/// first, then all renamed, a partition that gains events before one that loses them, so that a
/// crash or a full disk never loses an event. The index commits last; if anything stops half-way,
/// it sees the record changed and refreshes itself.
public final class Importer {
  public let workspace: Workspace

  public init(workspace: Workspace) { self.workspace = workspace }

  /// Inputs larger than this switch the index to a rollback journal for the transaction.
  static let bulkBytes = 4 << 20
  /// Drafts prepared at a time; two batches wait for the writer. Smaller batches keep less in
  /// flight (at 2,048 and four waiting, 40-50 MB of a million-item import's peak).
  static let batchSize = 512

  public func run(
    _ urls: [URL], options: ImportOptions, progress: (@Sendable (ImportProgress) -> Void)? = nil
  ) throws -> ImportReport {
    try run(inputs: urls.map { ImportInput(file: $0) }, options: options, progress: progress)
  }

  /// Imports `inputs`, files that may carry where they were fetched from.
  public func run(
    inputs: [ImportInput], options: ImportOptions, progress: (@Sendable (ImportProgress) -> Void)? = nil
  ) throws -> ImportReport {
    guard !inputs.isEmpty else { throw ImportError.noInput }
    let timer = PhaseTimer("import")
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .exclusive)
    let (index, _) = try EventIndex.open(workspace, lock: lock)
    AtomicFile.removeStrayTemporaries(in: workspace.eventsDirectory)
    let inputBytes = inputs.reduce(0) { $0 + (FileStamp(url: $1.file).map { Int($0.size) } ?? 0) }
    let emptyIndex = try index.counts().total == 0
    let known = try KnownKeys.load(index)
    timer.mark("open")

    let channel = BlockingChannel<[PreparedDraft]>(capacity: 2)
    let producer = DraftProducer(workspace: workspace, options: options, progress: progress)
    let producing = WorkerThread(name: "mandate-import-read") {
      defer { channel.close() }
      try producer.produce(inputs) { batch in
        if !channel.send(batch) { throw CancellationError() }
      }
    }
    var report = ImportReport()
    report.dryRun = options.dryRun
    let spill = try PartitionSpill(directory: workspace.stateDirectory.appendingPathComponent("tmp"))
    let record = index.record
    var recordWritten = false
    do {
      try index.write(bulkJournal: inputBytes >= Self.bulkBytes) { db in
        let session = try EventIndexWriter.Session(db, bulk: emptyIndex && inputBytes >= Self.bulkBytes)
        let writer = try ImportWriter(db: db, session: session, spill: spill, known: known)
        var processed = 0
        var waiting = Duration.zero
        let clock = ContinuousClock()
        while true {
          let start = clock.now
          guard let batch = channel.receive() else { break }
          waiting += clock.now - start
          for prepared in batch { try writer.process(prepared) }
          processed += batch.count
          progress?(.indexing(done: processed, total: 0))
        }
        timer.note("writer waited for drafts", waiting)
        do {
          try producing.join()
        } catch {
          channel.close()
          throw error
        }
        timer.mark("read and match")
        report.files = producer.files
        report.rejected = producer.rejected
        report.warnings = producer.warnings
        report.failed = producer.failed
        report.items = producer.files.reduce(0) { $0 + $1.items }
        (report.newEvents, report.newUndated) = writer.newEvents
        report.mergedIntoExisting = writer.mergedIntoRecorded
        report.alreadyRecorded = writer.alreadyRecorded
        let partitions = writer.partitionsToWrite
        report.changedFiles = partitions.map { "Events/\($0).jsonl" }
        if options.strict && !report.rejected.isEmpty { throw ImportRollback.strict(report.rejected.count) }
        if options.dryRun {
          report.wouldAdd = try writer.newEventSummaries()
          throw ImportRollback.dryRun
        }
        if partitions.isEmpty { throw ImportRollback.dryRun }
        progress?(.writing(files: partitions.count))
        writer.releaseMatchingState()
        // The record files are written while SQLite builds its indexes.
        let removals = writer.removals
        let writing = WorkerThread(name: "mandate-import-write") {
          try Self.writePartitions(partitions, record: record, spill: spill, removals: removals)
        }
        let finishing = Result { try session.finish() }
        try writing.join()
        recordWritten = true
        try finishing.get()
        timer.mark("write record and build indexes")
        for partition in partitions {
          if let stamp = FileStamp(url: record.url(partition: partition)) {
            try EventIndexWriter.storeStamp(db, partition: partition, stamp: stamp)
          } else {
            try db.execute(sql: "DELETE FROM record_file WHERE name = ?", arguments: [partition])
          }
        }
      }
    } catch ImportRollback.dryRun {
      return report
    } catch ImportRollback.strict(let count) {
      throw ImportError.strictRejections(count: count)
    } catch {
      channel.close()
      try? producing.join()
      // The record is complete; only the derived index is behind, and it sees the record changed.
      if recordWritten, let reason = StorageFailure.reason(error, stateDirectory: workspace.stateDirectory) {
        report.indexNotUpdated = reason
        return report
      }
      throw error
    }
    timer.mark("commit")
    return report
  }

  /// Rewrites `partitions`: recorded lines minus those replaced, plus the new ones, sorted. All
  /// files are written to temporary files first and renamed only when all are complete.
  static func writePartitions(
    _ partitions: [String], record: EventRecord, spill: PartitionSpill, removals: [String: Set<String>]
  ) throws {
    var prepared: [(partition: String, file: PreparedFile?)] = []
    defer { for item in prepared { item.file?.discard() } }
    for partition in partitions {
      let removed = removals[partition] ?? []
      // Recorded lines (by index) and spilled ones (by range in one buffer), sorted by key.
      var recorded: [[UInt8]] = []
      var keyed: [(key: String, recorded: Int, range: Range<Int>)] = []
      for line in try record.lines(partition: partition) {
        if let id = line.peek("id"), removed.contains(id) { continue }
        keyed.append((line.sortKey, recorded.count, 0..<0))
        recorded.append(line.bytes)
      }
      let (data, spilled) = try spill.entries(partition: partition)
      for entry in spilled { keyed.append((entry.key, -1, entry.range)) }
      keyed.sort { $0.key < $1.key }
      let file =
        keyed.isEmpty
        ? nil
        : try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
          try record.prepare(partition: partition, count: keyed.count) { index, buffer in
            let entry = keyed[index]
            if entry.recorded >= 0 {
              buffer.append(contentsOf: recorded[entry.recorded])
            } else {
              buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[entry.range]))
            }
          }
        }
      prepared.append((partition, file))
    }
    // Partitions that gain events are renamed before those that only lose some, so that an event
    // moving between files is never missing from both.
    let gaining = Set(spill.partitions)
    for item in prepared.sorted(by: { gaining.contains($0.partition) && !gaining.contains($1.partition) }) {
      if let file = item.file {
        try file.commit(to: record.url(partition: item.partition))
      } else {
        try record.write(partition: item.partition, lines: [])
      }
    }
    prepared.removeAll()
  }
}

/// Why an import's transaction is rolled back on purpose.
enum ImportRollback: Error {
  case dryRun
  case strict(Int)
}

/// Progress of a long import, for a progress bar on a terminal.
public enum ImportProgress: Sendable {
  case reading(file: String, number: Int, of: Int, items: Int)
  case indexing(done: Int, total: Int)
  case writing(files: Int)
}
