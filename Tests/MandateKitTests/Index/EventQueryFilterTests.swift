import Foundation
import Testing

@testable import MandateKit

@Suite struct EventQueryFilterTests {
  @Test func onlyExcludedAndPagesNarrowListsAndSearches() throws {
    let directory = try TemporaryDirectory()
    try FileManager.default.copyItem(
      at: TestPaths.repositoryRoot.appendingPathComponent("Events"), to: directory.url.appendingPathComponent("Events"))
    try FileManager.default.createDirectory(
      at: directory.url.appendingPathComponent("Priorities"), withIntermediateDirectories: true)
    let workspace = Workspace(root: directory.url)
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
    let (index, _) = try EventIndex.open(workspace, lock: lock)
    let all = try index.events(EventQuery()).map(\.id)
    #expect(all.count == 12)
    var query = EventQuery()
    query.onlyEvents = Set(all.prefix(3))
    #expect(try index.events(query).map(\.id) == Array(all.prefix(3)))
    query = EventQuery()
    query.excludedEvents = Set(all.prefix(10))
    #expect(try index.events(query).map(\.id) == Array(all.suffix(2)))
    query = EventQuery(limit: 4)
    query.offset = 4
    #expect(try index.events(query).map(\.id) == Array(all[4..<8]))
    query = EventQuery()
    query.offset = 11
    #expect(try index.events(query).map(\.id) == [all[11]])
    let hits = try index.search(EventQuery(search: "CSTO"))
    var narrowed = EventQuery(search: "CSTO")
    narrowed.excludedEvents = [hits[0].event.id]
    #expect(try index.search(narrowed).map(\.event.id) == Array(hits.dropFirst()).map(\.event.id))
    let found = try index.events(ids: Set(all.prefix(2)).union(["ffffffffffffffff"]))
    #expect(Set(found.keys) == Set(all.prefix(2)))
    let latest = try index.latest(among: Set(all), limit: 2)
    #expect(latest.count == 2)
    #expect(latest[0].date! >= latest[1].date!)
    // Anything that is not an event id never reaches the SQL.
    #expect(EventQuery.jsonArray(["\"); DROP TABLE event; --", all[0]]) == "[\"\(all[0])\"]")
  }
}
