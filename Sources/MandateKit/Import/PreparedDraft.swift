/// A draft with what it becomes when it matches nothing recorded: its event, record line and
/// keys, computed on the worker threads so that the writer only decides and writes.
struct PreparedDraft: Sendable {
  var draft: EventDraft
  var event: Event
  var line: [UInt8]
  var lineHash: UInt64
  var sortKey: String
  var partition: String
  /// The sources as the index stores them (JSON).
  var sources: [UInt8]

  init(_ draft: EventDraft) {
    self.draft = draft
    event = EventMerger.single(draft)
    line = event.recordLine()
    lineHash = EventIndexWriter.hash(line)
    sortKey = event.sortKey
    partition = EventRecord.partition(of: event)
    var encoded: [UInt8] = []
    EventLineEncoder.appendSources(event.sources, to: &encoded)
    sources = encoded
  }
}
