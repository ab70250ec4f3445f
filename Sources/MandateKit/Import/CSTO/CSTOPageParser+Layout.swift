// The layout rules of a CSTO page, over blocks: where the footer is, which block is the main article's
// title, which blocks are teasers, and what a page cut short lacks.

extension CSTOPageParser {
  /// Where the main article's parts are, as indices into the page's content blocks.
  struct MainLayout {
    var title: Int
    var body: Int
    var date: Day?
  }

  /// Reads a page from its blocks; `lastLine` is the source's last line, where a page cut short ends.
  ///
  /// The blocks after the last footer ("Go back", "Back to the section", "Back to the all news", or the
  /// Russian site's «Вернуться назад», «Вернуться в раздел», «Вернуться ко всем новостям») are not part
  /// of the page. Without a footer the text is a page when it holds a title repeated with its date, or a
  /// teaser column (blocks that start new items); messages then name the footer of the language the page
  /// is written in.
  public static func parse(blocks: [CSTOPageBlock], lastLine: Int) throws(PageParseError) -> CSTOPage {
    guard !blocks.isEmpty else { throw PageParseError(message: "empty text: the page has no content", line: 1) }
    var warnings: [PageWarning] = []
    let (content, footerLine, after, found) = splitFooter(blocks)
    let siteFooter = found ?? SiteFooter.guess(content)
    let footerText = siteFooter.text
    if let footerLine {
      guard !content.isEmpty else {
        throw PageParseError(message: "no main article: the page has nothing before the footer", line: footerLine)
      }
      if let after {
        warnings.append(
          PageWarning(message: "the text goes on after the page's footer; what follows it is ignored", line: after))
      }
    }
    let cutShort = footerLine == nil
    let layout = mainLayout(content, cutShort: cutShort)
    if cutShort, layout == nil, !content.dropFirst().contains(where: { $0.gap == .item }) {
      throw PageParseError(
        message:
          "not a CSTO page: the footer \(footerText) is missing and no title is repeated with its dd.mm.yyyy date",
        line: lastLine)
    }
    var teasers = teaserItems(content[..<(layout?.title ?? content.count)])
    if cutShort, layout == nil, let last = teasers.last, last.truncated {
      teasers.removeLast()
      warnings.append(
        PageWarning(message: "the last teaser is cut off by the end of the text; it is not imported", line: last.line))
    }
    let kept = "kept \(teasers.count) teaser\(teasers.count == 1 ? "" : "s")"
    guard let layout else {
      if cutShort {
        warnings.append(
          PageWarning(
            message: "the text ends before the page's footer \(footerText) and before its main article: \(kept)",
            line: lastLine))
      } else {
        warnings.append(
          PageWarning(
            message: "no main article (no title repeated with a dd.mm.yyyy date, and no title-like paragraph after "
              + "the last teaser): \(kept)",
            line: content[content.count - 1].line))
      }
      return CSTOPage(teasers: teasers, main: nil, warnings: warnings, language: found?.language)
    }
    let titleBlock = content[layout.title]
    let title = titleBlock.lines.joined(separator: " ")
    let quoted = "\"\(title.prefix(80))\""
    var body = bodyParagraphs(content[min(layout.body, content.count)...])
    var credit: String?
    if let last = body.last, let text = photoCredit(in: last) {
      credit = text
      body.removeLast()
    }
    guard !body.isEmpty else {
      let missing =
        cutShort
        ? "the text ends before the page's footer \(footerText) and before the text of the article \(quoted)"
        : "the main article \(quoted) has no text"
      guard !teasers.isEmpty else {
        throw PageParseError(
          message: cutShort ? "\(missing): nothing to import" : "the main article \(quoted) has an empty body",
          line: cutShort ? lastLine : titleBlock.line)
      }
      warnings.append(PageWarning(message: "\(missing): \(kept)", line: cutShort ? lastLine : titleBlock.line))
      return CSTOPage(teasers: teasers, main: nil, warnings: warnings, language: found?.language)
    }
    let text = body.joined(separator: "\n\n")
    if cutShort {
      warnings.append(
        PageWarning(
          message: "the text ends before the page's footer \(footerText): the article \(quoted) may be cut short",
          line: lastLine))
    }
    let main = PageItem(
      role: .main, title: title, body: text, pageDate: layout.date, photoCredit: credit, line: titleBlock.line,
      position: teasers.count, truncated: cutShort && !endsComplete(text))
    return CSTOPage(teasers: teasers, main: main, warnings: warnings, language: found?.language)
  }

  /// The blocks before the last footer of either language, the line of its first link, the line where
  /// text after it starts, and the footer; all blocks and nil when there is no footer.
  static func splitFooter(
    _ blocks: [CSTOPageBlock]
  ) -> (content: [CSTOPageBlock], footer: Int?, after: Int?, found: SiteFooter?) {
    for siteFooter in SiteFooter.all {
      let (content, line, after) = splitFooter(blocks, siteFooter.lines)
      if line != nil { return (content, line, after, siteFooter) }
    }
    return (blocks, nil, nil, nil)
  }

  /// The blocks before the last occurrence of the lines `footer`, its first line, and the line where
  /// text after it starts; all blocks and nil when it is not there.
  static func splitFooter(
    _ blocks: [CSTOPageBlock], _ footer: [String]
  ) -> (content: [CSTOPageBlock], footer: Int?, after: Int?) {
    // Each line of the page, from the end, as (block, line in block), until a footer is found.
    var matched: [(block: Int, line: Int)] = []
    var blockIndex = blocks.count
    while blockIndex > 0 {
      blockIndex -= 1
      let lines = blocks[blockIndex].lines
      var lineIndex = lines.count
      while lineIndex > 0 {
        lineIndex -= 1
        matched.append((blockIndex, lineIndex))
        guard matched.count >= footer.count else { continue }
        let window = matched.suffix(footer.count).reversed()
        guard zip(window, footer).allSatisfy({ isFooterLine(blocks[$0.block].lines[$0.line], $1) }) else { continue }
        let start = window.first!
        var content = Array(blocks[..<start.block])
        let head = blocks[start.block].lines[..<start.line]
        if !head.isEmpty {
          var block = blocks[start.block]
          block.lines = Array(head)
          content.append(block)
        }
        // Lines run on inside a block, so a line's number is its block's plus its place in it.
        let after = matched.count > footer.count ? matched[matched.count - footer.count - 1] : nil
        return (
          content, blocks[start.block].line + start.line, after.map { blocks[$0.block].line + $0.line }
        )
      }
    }
    return (blocks, nil, nil)
  }

  /// Finds the main article: first by its dated repeated title; on a page cut short, by a repeat cut
  /// before its date ends; else by the first title-like block after the opening block of the last teaser.
  static func mainLayout(_ blocks: [CSTOPageBlock], cutShort: Bool) -> MainLayout? {
    for index in blocks.indices.dropLast() {
      if let match = datedRepeat(of: blocks[index], in: blocks[index + 1]) {
        return MainLayout(title: index, body: index + 2, date: match.date)
      }
    }
    if cutShort {
      guard blocks.count >= 2, isCutRepeat(of: blocks[blocks.count - 2], in: blocks[blocks.count - 1]) else {
        return nil
      }
      return MainLayout(title: blocks.count - 2, body: blocks.count, date: nil)
    }
    // The last teaser starts at the last item gap; its opening block is teaser text even when it looks
    // like a title (a teaser cut mid-word has no final punctuation).
    let itemStarts = blocks.indices.filter { $0 > 0 && blocks[$0].gap == .item }
    let lastItem = itemStarts.last ?? 0
    // A page without teaser separators may be a bare article whose first block is its title.
    if itemStarts.isEmpty, looksLikeTitle(blocks[0]) {
      return MainLayout(title: 0, body: 1, date: nil)
    }
    return blocks.indices.dropFirst(lastItem + 1).first { looksLikeTitle(blocks[$0]) }.map {
      MainLayout(title: $0, body: $0 + 1, date: nil)
    }
  }

  /// Turns the blocks before the title into teasers, one per item.
  static func teaserItems(_ blocks: ArraySlice<CSTOPageBlock>) -> [PageItem] {
    var starts = blocks.indices.filter { $0 == blocks.startIndex || blocks[$0].gap == .item }
    starts.append(blocks.endIndex)
    var teasers: [PageItem] = []
    for (start, end) in zip(starts, starts.dropFirst()) {
      let body = bodyParagraphs(blocks[start..<end]).joined(separator: "\n\n")
      teasers.append(
        PageItem(
          role: .teaser, title: nil, body: body, pageDate: nil, photoCredit: nil, line: blocks[start].line,
          position: teasers.count, truncated: !endsComplete(body)))
    }
    return teasers
  }
}
