import Foundation
import Testing

@testable import MandateKit

@Suite struct WorkspaceTests {
  let validMandate: String = try! String(contentsOf: TestPaths.fixture("priorities/valid.yaml"), encoding: .utf8)

  @Test func discoversTheWorkspaceFromASubfolder() throws {
    let folder = try TemporaryDirectory()
    _ = try folder.file("Priorities/valid.yaml", validMandate)
    let deep = folder.url.appendingPathComponent("Reports/2024/notes")
    try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
    let workspace = try Workspace.discover(from: deep)
    #expect(workspace.root.path == folder.url.standardizedFileURL.path)
    #expect(workspace.mandateFiles().map(\.lastPathComponent) == ["valid.yaml"])
  }

  @Test func anExplicitWorkspaceMustHoldPriorities() throws {
    let folder = try TemporaryDirectory()
    #expect(throws: WorkspaceError.noPriorities(folder.url.standardizedFileURL.path)) {
      try Workspace.discover(from: URL(fileURLWithPath: "/"), explicit: folder.url.path)
    }
    #expect(throws: WorkspaceError.notADirectory("/nonexistent-mandate-folder")) {
      try Workspace.discover(from: URL(fileURLWithPath: "/"), explicit: "/nonexistent-mandate-folder")
    }
  }

  @Test func reportsWhenNoWorkspaceIsAbove() throws {
    let folder = try TemporaryDirectory()
    #expect(throws: WorkspaceError.notFound(folder.url.standardizedFileURL.path)) {
      try Workspace.discover(from: folder.url)
    }
    #expect(
      WorkspaceError.notFound("/x").errorDescription
        == "no mandate workspace at /x or any folder above it (a workspace holds a Priorities/ folder); use --workspace DIR"
    )
  }

  @Test func selectsTheOnlyMandateOrTheNamedOne() throws {
    let folder = try TemporaryDirectory()
    _ = try folder.file("Priorities/valid.yaml", validMandate)
    let workspace = Workspace(root: folder.url)
    #expect(try MandateCatalog.load(workspace).select(nil, workspace: workspace).id == "valid")

    _ = try folder.file(
      "Priorities/second.yaml", validMandate.replacingOccurrences(of: "id: valid", with: "id: second"))
    let catalog = MandateCatalog.load(workspace)
    #expect(throws: WorkspaceError.ambiguousMandate(["second", "valid"])) {
      try catalog.select(nil, workspace: workspace)
    }
    #expect(try catalog.select("second", workspace: workspace).id == "second")
    #expect(throws: WorkspaceError.unknownMandate("secnd", available: ["second", "valid"])) {
      try catalog.select("secnd", workspace: workspace)
    }
    #expect(
      WorkspaceError.unknownMandate("secnd", available: ["second", "valid"]).errorDescription
        == "no mandate `secnd` in this workspace (available: second, valid); did you mean `second`?")
  }

  @Test func twoFilesWithTheSameMandateIDAreAnError() throws {
    let folder = try TemporaryDirectory()
    _ = try folder.file("Priorities/valid.yaml", validMandate)
    _ = try folder.file("Priorities/valid-copy.yaml", validMandate)
    let catalog = MandateCatalog.load(Workspace(root: folder.url), display: PathDisplay(base: folder.url))
    #expect(catalog.diagnostics.map(\.code).contains("duplicate-mandate"))
  }

  @Test func displaysPathsRelativeToTheCurrentDirectory() {
    let display = PathDisplay(base: URL(fileURLWithPath: "/work/ws/Events"))
    #expect(display.path(URL(fileURLWithPath: "/work/ws/Priorities/a.yaml")) == "../Priorities/a.yaml")
    #expect(display.path(URL(fileURLWithPath: "/work/ws/Events/2024-04.jsonl")) == "2024-04.jsonl")
    #expect(display.path(URL(fileURLWithPath: "/tmp/x.yaml")) == "/tmp/x.yaml")
  }
}
