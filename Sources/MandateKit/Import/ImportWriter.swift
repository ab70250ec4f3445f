import Foundation
import GRDB

/// Decides, draft by draft, whether an occurrence is a new event, the same as one already seen in
/// this import, or the same as a recorded event, and writes the outcome to the index (inside the
/// import's one transaction) and to the new record lines.
///
/// Every event the import creates or changes is a "slot": its row, its current id and record
/// line. Keys of slots live in memory, keys of recorded events in `KnownKeys`; only a draft whose
/// key matches something costs a query.
final class ImportWriter {
  /// Kept small (24 bytes): an import of a million items holds a million of them.
  struct Slot {
    var rowid: Int64
    /// Index into `partitionNames`.
    var partition: UInt16
    /// The slot's current line in the spill, or -1.
    var line: Int32
    /// The slot this one was merged into, or -1.
    var mergedInto: Int32
    /// Whether the event was recorded before this import (see `recorded`).
    var wasRecorded: Bool
  }

  private var partitionNames: [String] = []
  private var partitionNumbers: [String: UInt16] = [:]
  /// For slots of recorded events: their id and partition before this import touched them.
  private var recorded: [Int32: (id: String, partition: String)] = [:]

  let db: Database
  let session: EventIndexWriter.Session
  let spill: PartitionSpill
  private let known: KnownKeys
  private var slots: [Slot] = []
  private var slotKeys = SlotKeys()
  /// Record lines to drop, by partition: recorded events that this import replaced.
  private(set) var removals: [String: Set<String>] = [:]
  private(set) var alreadyRecorded = 0
  private var touchedRecorded = Set<String>()
  /// `newEvents`, kept when the slots are released.
  private var releasedCounts: (count: Int, undated: Int)?
  private let fetchByRowid: Statement
  private let fetchByID: Statement
  private let fetchAlias: Statement

  init(db: Database, session: EventIndexWriter.Session, spill: PartitionSpill, known: KnownKeys) throws {
    self.db = db
    self.session = session
    self.spill = spill
    self.known = known
    fetchByRowid = try db.makeStatement(sql: "SELECT \(EventIndex.eventColumns) FROM event WHERE rowid = ?")
    fetchByID = try db.makeStatement(sql: "SELECT rowid, \(EventIndex.eventColumns) FROM event WHERE id = ?")
    fetchAlias = try db.makeStatement(sql: "SELECT event_id FROM event_alias WHERE alias = ?")
  }

  /// Events this import created (still standing after merges), and how many of them are undated.
  var newEvents: (count: Int, undated: Int) {
    if let releasedCounts { return releasedCounts }
    let undated = partitionNumbers[EventRecord.undatedPartition]
    let fresh = slots.filter { $0.mergedInto < 0 && !$0.wasRecorded }
    return (fresh.count, fresh.filter { $0.partition == undated }.count)
  }

  /// The events this import created, as a dry run lists them, by date (undated last) then id.
  func newEventSummaries() throws -> [ImportReport.NewEvent] {
    let statement = try db.makeStatement(
      sql: "SELECT id, date, date_end, precision, title, body FROM event WHERE rowid = ?")
    var result: [ImportReport.NewEvent] = []
    for slot in slots where slot.mergedInto < 0 && !slot.wasRecorded {
      guard let row = try Row.fetchOne(statement, arguments: [slot.rowid]) else { continue }
      let title: String? = row["title"]
      result.append(
        ImportReport.NewEvent(
          id: row["id"], date: (row["date"] as String?).flatMap(Day.init(iso:)),
          dateEnd: (row["date_end"] as String?).flatMap(Day.init(iso:)),
          precision: DatePrecision(rawValue: row["precision"]) ?? .none,
          headline: title.flatMap { $0.isEmpty ? nil : $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
            ?? Event.firstWords(of: row["body"], limit: 100)))
    }
    func key(_ event: ImportReport.NewEvent) -> (Int, String, String) {
      (event.date == nil ? 1 : 0, event.date?.description ?? "", event.id)
    }
    return result.sorted { key($0) < key($1) }
  }

  /// Recorded events that gained a source or were merged.
  var mergedIntoRecorded: Int { touchedRecorded.count }

  /// Frees the keys and slots of every event once matching is over, before the record is written:
  /// at a million events they weigh more than the largest partition. Only `removals`,
  /// `partitionsToWrite` and the counts stay usable.
  func releaseMatchingState() {
    let counts = newEvents
    releasedCounts = counts
    slots = []
    slotKeys = SlotKeys()
    recorded = [:]
  }

  /// Partitions whose file must be rewritten.
  var partitionsToWrite: [String] { Array(Set(spill.partitions).union(removals.keys)).sorted() }

  func process(_ prepared: PreparedDraft) throws {
    let draft = prepared.draft
    let matches = try findMatches(for: draft)
    guard !matches.isEmpty else {
      let rowid = try session.insert(
        prepared.event, keys: EventKeys(draft.identity), lineHash: prepared.lineHash, sources: prepared.sources)
      let line = try spill.append(prepared.line, sortKey: prepared.sortKey, partition: prepared.partition)
      slots.append(
        Slot(
          rowid: rowid, partition: number(of: prepared.partition), line: Int32(line), mergedInto: -1, wasRecorded: false
        ))
      register(draft.identity, slot: Int32(slots.count - 1))
      return
    }
    let events = matches.map(\.event)
    let merged = EventMerger.merge([draft], into: EventMerger.combine(events))
    if matches.count == 1, merged == events[0] {
      alreadyRecorded += 1
      return
    }
    // The row whose id the merged event keeps is rewritten; the others are deleted.
    let targetIndex = matches.firstIndex { $0.event.id == merged.id } ?? 0
    let keys = draft.identity.id == merged.id ? EventKeys(draft.identity) : EventKeys(merged)
    let line = merged.recordLine()
    let target = slot(for: matches[targetIndex])
    try session.update(rowid: slots[Int(target)].rowid, with: merged, keys: keys, lineHash: EventIndexWriter.hash(line))
    for (index, match) in matches.enumerated() {
      let number = index == targetIndex ? target : slot(for: match)
      if index != targetIndex {
        try session.delete(rowid: slots[Int(number)].rowid)
        slots[Int(number)].mergedInto = target
      }
      if slots[Int(number)].line >= 0 { spill.supersede(Int(slots[Int(number)].line)) }
      if let recorded = recorded[number] {
        removals[recorded.partition, default: []].insert(recorded.id)
        touchedRecorded.insert(recorded.id)
      }
    }
    let partition = EventRecord.partition(of: merged)
    slots[Int(target)].partition = self.number(of: partition)
    slots[Int(target)].line = Int32(try spill.append(line, sortKey: merged.sortKey, partition: partition))
    register(draft.identity, slot: target)
    if let key = EventKey.of(merged.id) { slotKeys.set(.id, key, target) }
  }

  private func number(of partition: String) -> UInt16 {
    if let number = partitionNumbers[partition] { return number }
    let number = UInt16(partitionNames.count)
    partitionNames.append(partition)
    partitionNumbers[partition] = number
    return number
  }

  /// The slot that now stands for `slot`, following merges.
  private func current(_ slot: Int32) -> Int32 {
    var slot = slot
    while slots[Int(slot)].mergedInto >= 0 { slot = slots[Int(slot)].mergedInto }
    return slot
  }

  struct Match {
    var event: Event
    var rowid: Int64
    var slot: Int32?
  }

  /// The slot of a match, creating one for a recorded event touched for the first time.
  private func slot(for match: Match) -> Int32 {
    if let slot = match.slot { return slot }
    if let key = EventKey.of(match.event.id), let slot = slotKeys.first(.id, key) { return current(slot) }
    let partition = EventRecord.partition(of: match.event)
    slots.append(
      Slot(rowid: match.rowid, partition: self.number(of: partition), line: -1, mergedInto: -1, wasRecorded: true))
    let number = Int32(slots.count - 1)
    recorded[number] = (match.event.id, partition)
    if let key = EventKey.of(match.event.id) { slotKeys.set(.id, key, number) }
    return number
  }

  private func findMatches(for draft: EventDraft) throws -> [Match] {
    let identity = draft.identity
    // The same text as an event of this import, or as a recorded one: whatever else matched it
    // was merged when it was.
    if let slot = slotKeys.first(.id, identity.idKey) { return [try slotMatch(current(slot))] }
    if known.ids.contains(identity.idKey), let match = try recorded(id: draft.id) { return [match] }
    var found: [Match] = []
    func add(_ match: Match) {
      if !found.contains(where: { $0.event.id == match.event.id }) { found.append(match) }
    }
    func check(
      _ kind: SlotKeys.Kind, _ key: UInt64?, column: String, knownKeys: Set<UInt64>, _ same: (Event) -> Bool
    ) throws {
      guard let key else { return }
      for slot in Set(slotKeys.slots(kind, key).map(current)) {
        let match = try slotMatch(slot)
        if same(match.event) { add(match) }
      }
      if knownKeys.contains(key) {
        for match in try recorded(column: column, key: key) where same(match.event) { add(match) }
      }
    }
    try check(.lead, identity.leadKey, column: "lead_key", knownKeys: known.leads) {
      EventMatching.sameOpening(draft, $0)
    }
    try check(.url, identity.urlKey, column: "url_key", knownKeys: known.urls) {
      EventMatching.sameURLNews(draft, $0)
    }
    // A followed page and the feed item linking to it are one piece of news.
    try check(.url, draft.linkKey, column: "url_key", knownKeys: known.urls) { _ in true }
    return found
  }

  private func slotMatch(_ slot: Int32) throws -> Match {
    let rowid = slots[Int(slot)].rowid
    guard let row = try Row.fetchOne(fetchByRowid, arguments: [rowid]) else {
      throw IndexError.rebuildFailed(reason: "row \(rowid) vanished during the import")
    }
    return Match(event: try EventIndex.event(from: row), rowid: rowid, slot: slot)
  }

  /// A recorded event by id or alias, or the slot it already is.
  private func recorded(id: String) throws -> Match? {
    if let row = try Row.fetchOne(fetchByID, arguments: [id]) { return try match(row) }
    guard let target = try String.fetchOne(fetchAlias, arguments: [id]),
      let row = try Row.fetchOne(fetchByID, arguments: [target])
    else { return nil }
    return try match(row)
  }

  private func recorded(column: String, key: UInt64) throws -> [Match] {
    try Row.fetchAll(
      db, sql: "SELECT rowid, \(EventIndex.eventColumns) FROM event WHERE \(column) = ?",
      arguments: [Int64(bitPattern: key)]
    ).map(match)
  }

  private func match(_ row: Row) throws -> Match {
    let event = try EventIndex.event(from: row)
    let slot = EventKey.of(event.id).flatMap { slotKeys.first(.id, $0) }.map(current)
    return Match(event: event, rowid: row["rowid"], slot: slot)
  }

  private func register(_ identity: EventIdentity, slot: Int32) {
    slotKeys.set(.id, identity.idKey, slot)
    if let key = identity.leadKey { slotKeys.add(.lead, key, slot) }
    if let key = identity.urlKey { slotKeys.add(.url, key, slot) }
  }
}
