import Foundation

/// `mandate init --example`: the tour's workspace. The KZ 2024 mandate and the five sample CSTO
/// pages, imported into `Events/`, and no decisions yet, so that `suggest`, `review`, `tag` and
/// `report` all have work.
extension WorkspaceSetup {
  public static func example(today: Day, isNew: Bool) -> WorkspaceSetup {
    WorkspaceSetup(
      steps: [ExampleFilesStep(), ExampleImportStep(today: today)] + folderSteps(isNew: isNew) + repositorySteps)
  }
}

/// The embedded files (`ExampleFiles`): the mandate unless `Priorities/` holds one, and every
/// sample page not there yet. Nothing that exists is replaced.
public struct ExampleFilesStep: WorkspaceSetupStep {
  public func apply(_ context: WorkspaceSetup.Context) throws -> [WorkspaceSetup.Action] {
    let hasMandate = !context.workspace.mandateFiles().isEmpty
    var written: [String] = []
    var kept: [String] = []
    for file in ExampleFiles.files {
      let url = context.root.appendingPathComponent(file.path)
      if FileManager.default.fileExists(atPath: url.path) || (hasMandate && file.path.hasPrefix("Priorities/")) {
        kept.append(file.path)
        continue
      }
      let data = Data(base64Encoded: file.base64.joined()) ?? Data()
      try AtomicFile.write(data, to: url)
      written.append(file.path)
    }
    var actions: [WorkspaceSetup.Action] = []
    let pages = written.filter { $0.hasPrefix("Samples/") }.count
    if written.contains(where: { $0.hasPrefix("Priorities/") }) {
      actions.append(.init(changed: true, "`Priorities/kz-csto-2024.yaml`: the KZ 2024 mandate"))
    }
    if pages > 0 { actions.append(.init(changed: true, "`Samples/csto-pages/`: \(pages) sample pages")) }
    if !kept.isEmpty { actions.append(.init(changed: false, "kept what was there: \(kept.count) files")) }
    return actions
  }
}

/// The sample pages imported into `Events/` (an import adds only what the record lacks).
public struct ExampleImportStep: WorkspaceSetupStep {
  public var today: Day

  public func apply(_ context: WorkspaceSetup.Context) throws -> [WorkspaceSetup.Action] {
    let pages = ExampleFiles.files.map(\.path).filter { $0.hasPrefix("Samples/") }.map {
      context.root.appendingPathComponent($0)
    }
    let report = try Importer(workspace: context.workspace).run(pages, options: ImportOptions(today: today))
    guard report.newEvents > 0 else { return [.init(changed: false, "`Events/`: has the sample pages' events")] }
    return [
      .init(
        changed: true,
        "`Events/`: imported \(report.newEvents) events from the sample pages, with no decisions yet")
    ]
  }
}
