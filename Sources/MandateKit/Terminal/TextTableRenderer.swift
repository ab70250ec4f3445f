import TextTable

/// Aligned text tables (TextTable's simple style) fitted to a width: the columns marked `flexible`
/// are truncated so that no line is wider than `width`.
public struct TableColumn: Sendable {
  public enum Alignment: Sendable { case left, right }

  public var title: String
  public var alignment: Alignment
  /// Gives up width when the table is too wide (cells are then cut with "…").
  public var flexible: Bool

  public init(_ title: String, alignment: Alignment = .left, flexible: Bool = false) {
    self.title = title
    self.alignment = alignment
    self.flexible = flexible
  }
}

public enum TableRenderer {
  /// Renders `rows` (cells in column order) as an aligned table no wider than `width`; trailing
  /// spaces are trimmed from every line.
  public static func render(columns: [TableColumn], rows: [[String]], width: Int) -> String {
    guard !rows.isEmpty else { return "" }
    var widths = columns.map(\.title.count)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    // Flexible columns give up width, the widest first, until the table fits (or each is down to
    // 10 characters or its title).
    let flexible = columns.indices.filter { columns[$0].flexible }
    let floor = columns.map { max(10, $0.title.count) }
    var total = widths.reduce(0, +) + columns.count - 1
    while total > width {
      guard let widest = flexible.filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
      widths[widest] -= 1
      total -= 1
    }
    let table = TextTable<[String]> { row in
      columns.enumerated().map { index, column in
        var cell = index < row.count ? row[index] : ""
        if cell.count > widths[index] { cell = String(cell.prefix(max(widths[index] - 1, 0))) + "…" }
        return Column(
          title: column.title, value: cell, width: widths[index], align: column.alignment == .left ? .left : .right,
          truncate: .tail)
      }
    }
    let text = table.string(for: rows, style: Style.simple) ?? ""
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
      .joined(separator: "\n")
  }
}
