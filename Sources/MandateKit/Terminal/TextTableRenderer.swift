import TextTable

/// Aligned text tables (TextTable's simple style) fitted to a width: the column marked `flexible`
/// is truncated so that no line is wider than `width`.
public struct TableColumn: Sendable {
  public enum Alignment: Sendable { case left, right }

  public var title: String
  public var alignment: Alignment
  /// Takes the width the other columns leave.
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
    if let flexible = columns.firstIndex(where: \.flexible) {
      let others =
        widths.enumerated().filter { $0.offset != flexible }.reduce(0) { $0 + $1.element } + columns.count - 1
      widths[flexible] = max(min(widths[flexible], width - others), max(10, columns[flexible].title.count))
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
