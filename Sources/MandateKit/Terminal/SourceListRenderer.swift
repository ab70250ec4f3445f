/// `mandate sources list`: the watched sources as a table or JSON.
public enum SourceListRenderer {
  public enum Format: String, CaseIterable, Sendable {
    case text, json
  }

  struct JSONSource: Encodable {
    var name: String
    var url: String
    var kind: String?
    var language: String?
    var follow: Bool
    var line: Int?
  }

  public static func render(_ list: SourceList, format: Format, width: Int) throws -> String {
    switch format {
    case .json:
      return try JSON.encode(
        list.sources.map {
          JSONSource(
            name: $0.name, url: $0.url, kind: $0.kind?.name, language: $0.language, follow: $0.follow,
            line: $0.location?.line)
        }) + "\n"
    case .text:
      guard !list.sources.isEmpty else {
        return "no sources in \(SourceList.fileName); add one with `mandate sources add URL`\n"
      }
      let rows = list.sources.map { source in
        [source.name, source.kind?.name ?? "auto", source.language ?? "", source.follow ? "yes" : "", source.url]
      }
      return TableRenderer.render(
        columns: [
          TableColumn("name"), TableColumn("kind"), TableColumn("language"), TableColumn("follow"),
          TableColumn("url", flexible: true),
        ], rows: rows, width: width)
    }
  }
}
