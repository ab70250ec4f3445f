extension HTMLReportTemplate {
  /// The report's stylesheet: system fonts only, colours that are never the sole carrier of
  /// meaning (badges, flags and bars all have text), and print rules that drop decorative
  /// backgrounds and keep rows and blocks whole.
  static let style = """
    :root { color-scheme: light; --ink: #1b1f24; --muted: #59626d; --rule: #d8dce2; --soft: #f4f6f8; \
    --accent: #1f5fa8; --track: #e6e9ed; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fff; \
    font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    .page { max-width: 1140px; margin: 0 auto; padding: 32px 28px 48px; }
    h1 { font-size: 1.65rem; line-height: 1.25; margin: .25rem 0 1rem; }
    h2 { font-size: 1.3rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 2px solid var(--ink); }
    h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
    h4 { font-size: .95rem; margin: 1.25rem 0 .25rem; }
    h5 { font-size: .9rem; margin: .75rem 0 .25rem; font-weight: 600; }
    a { color: var(--accent); }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: .85em; }
    .kicker { margin: 0; font-size: .8rem; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
    .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: .5rem 1.5rem; \
    margin: 0 0 1rem; }
    .facts dt { font-size: .75rem; letter-spacing: .05em; text-transform: uppercase; color: var(--muted); }
    .facts dd { margin: 0; overflow-wrap: anywhere; }
    .figures { display: flex; flex-wrap: wrap; gap: .6rem; margin: 0 0 1rem; padding: 0; list-style: none; }
    .figures li { padding: .4rem .8rem; border: 1px solid var(--rule); border-radius: 6px; background: var(--soft); }
    .figures strong { margin-right: .3rem; font-size: 1.35rem; font-variant-numeric: tabular-nums; }
    .story { margin: 0 0 1rem; }
    .story > div { display: grid; grid-template-columns: 7rem 1fr; gap: 1rem; padding: .45rem 0; \
    border-bottom: 1px solid var(--rule); }
    .story dt { font-weight: 600; }
    .story dd { margin: 0; }
    .story p { margin: 0 0 .3rem; }
    .story .ids { margin-bottom: .3rem; }
    .sub-list { font-size: .85rem; color: var(--muted); }
    .label { font-weight: 600; }
    .lead, .explain { margin: 0 0 .75rem; color: var(--muted); }
    .explain { font-size: .85rem; }
    .bar-row { display: grid; grid-template-columns: 12rem minmax(6rem, 1fr) 16rem; gap: .75rem; \
    align-items: center; margin: .3rem 0; }
    .bar-label { font-size: .9rem; }
    .bar-track { display: block; height: .85rem; overflow: hidden; border: 1px solid #bfc5cd; border-radius: 3px; \
    background: var(--track); }
    .bar-fill { display: block; height: 100%; background: var(--accent); }
    .bar-value { font-size: .85rem; color: var(--muted); font-variant-numeric: tabular-nums; }
    .bar-value strong { color: var(--ink); }
    figure { margin: 0; }
    .plot-wrap { overflow-x: auto; }
    svg.plot { display: block; width: 100%; min-width: 760px; max-width: 760px; height: auto; }
    svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 12px; \
    fill: var(--ink); }
    .grid { stroke: #e2e5e9; stroke-width: 1; }
    .axis { stroke: #4a5058; stroke-width: 1; }
    .tick, .bar-id, .quarter-dates, .axis-title, .coverage-text, .empty { fill: #4a5058; font-size: 12px; }
    .count { font-size: 12px; font-weight: 600; }
    .quarter-label { font-size: 13px; font-weight: 600; }
    .track { fill: var(--track); stroke: #bfc5cd; stroke-width: 1; }
    .track-fill { fill: var(--accent); }
    .c0 { fill: #0072b2; background: #0072b2; } .c1 { fill: #e69f00; background: #e69f00; }
    .c2 { fill: #009e73; background: #009e73; } .c3 { fill: #cc79a7; background: #cc79a7; }
    .c4 { fill: #56b4e9; background: #56b4e9; } .c5 { fill: #d55e00; background: #d55e00; }
    .c6 { fill: #8c6d1f; background: #8c6d1f; } .c7 { fill: #6b6b6b; background: #6b6b6b; }
    .legend { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: .25rem 1.5rem; \
    margin: .75rem 0; padding: 0; list-style: none; font-size: .85rem; }
    .legend li { display: flex; gap: .4rem; align-items: baseline; }
    .legend b { white-space: nowrap; }
    .swatch { flex: none; width: .75rem; height: .75rem; align-self: flex-start; margin-top: .3em; }
    .table-wrap { overflow-x: auto; }
    table { width: 100%; border-collapse: collapse; font-size: .88rem; }
    caption { padding: .3rem 0; font-size: .85rem; text-align: left; color: var(--muted); }
    th, td { padding: .45rem .5rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
    thead th { font-size: .75rem; letter-spacing: .03em; text-transform: uppercase; color: var(--muted); \
    vertical-align: bottom; border-bottom: 2px solid #a9b0b9; }
    .sub { font-weight: normal; letter-spacing: 0; }
    .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    .date { white-space: nowrap; font-variant-numeric: tabular-nums; }
    .chart-data { width: auto; min-width: 50%; margin-top: .5rem; }
    .chart-data .coverage-row th, .chart-data .coverage-row td { border-top: 2px solid #a9b0b9; }
    .priority { margin-top: 2rem; }
    .priority.folded { margin-top: .75rem; }
    details > summary { cursor: pointer; padding: .35rem .5rem; border: 1px solid var(--rule); border-radius: 6px; \
    background: var(--soft); }
    details > summary h3 { display: inline; margin: 0; font-size: 1rem; }
    details[open] > summary { margin-bottom: .5rem; }
    .fold-note { display: block; margin-top: .15rem; font-size: .85rem; color: var(--muted); }
    .priority h3 .id, .item-id { white-space: nowrap; }
    .priority h3 .id { margin-right: .3rem; padding: 0 .35rem; border: 1px solid var(--ink); border-radius: 4px; }
    .items .item-text { width: 40%; min-width: 14rem; }
    .items .status { min-width: 12rem; }
    .extras { display: block; margin-top: .2rem; font-size: .8rem; color: var(--muted); }
    .extras span + span::before { content: " · "; }
    .badge { display: inline-block; padding: 0 .5rem; border: 1px solid; border-radius: 999px; font-size: .78rem; \
    font-weight: 600; white-space: nowrap; }
    .status-achieved { color: #14532d; background: #dcf2e3; }
    .status-partly-achieved { color: #134e4a; background: #d5f0ec; }
    .status-in-progress { color: #1e3a8a; background: #dde7fb; }
    .status-stalled { color: #7c2d12; background: #fde9d2; }
    .status-not-achieved { color: #7f1d1d; background: #fadcdc; }
    .status-not-yet-rated { color: #3f4650; background: #eceef1; }
    .status-none { color: var(--muted); border-style: dashed; }
    .as-of { display: block; margin-top: .15rem; font-size: .78rem; color: var(--muted); }
    .justification { display: block; font-size: .85rem; }
    .flag { padding: 0 .25rem; border: 1px solid #b45309; border-radius: 3px; color: #8a3c00; font-size: .7rem; \
    letter-spacing: .03em; text-transform: uppercase; }
    .evidence ol { margin: 0; padding: 0; list-style: none; }
    .evidence li { margin: .4rem 0; padding: .35rem .75rem; border-left: 3px solid var(--accent); \
    background: var(--soft); }
    .evidence li.stance-contradicts { border-left: 3px dashed #b91c1c; }
    .evidence p { margin: .15rem 0; }
    .ev-title { font-weight: 600; overflow-wrap: anywhere; }
    .tag { padding: 0 .3rem; border: 1px solid #9aa3ad; border-radius: 3px; font-size: .7rem; letter-spacing: .03em; \
    text-transform: uppercase; white-space: nowrap; }
    .tag-contradicts { border-color: #b91c1c; color: #991b1b; font-weight: 700; }
    .meta { font-size: .8rem; color: var(--muted); overflow-wrap: anywhere; }
    .groups { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 0 2rem; }
    .group h3 { margin-bottom: .2rem; }
    .group-count { font-weight: normal; color: var(--muted); }
    .ids { display: flex; flex-wrap: wrap; gap: .3rem .5rem; margin: 0; padding: 0; list-style: none; }
    .ids li { padding: .05rem .45rem; border: 1px solid var(--rule); border-radius: 4px; }
    .detail { font-size: .82rem; color: var(--muted); }
    .none { color: var(--muted); font-style: italic; }
    .more { font-weight: 600; }
    .event-list .title { overflow-wrap: anywhere; }
    footer { margin-top: 3rem; padding-top: .75rem; border-top: 1px solid var(--rule); font-size: .8rem; \
    color: var(--muted); }
    @media (max-width: 700px) {
      .page { padding: 16px; }
      .bar-row { grid-template-columns: 1fr; gap: .2rem; }
    }
    @page { size: A4; margin: 14mm 12mm; }
    @media print {
      /* Sizes are in rem: a smaller root scales the whole page to paper (body 9pt, tables 8pt). */
      html { font-size: 12px; }
      body { font-size: 1rem; color: #000; background: none; }
      .page { max-width: none; padding: 0; }
      .figures li, .evidence li, .badge, .bar-track, details > summary { background: none; }
      .bar-fill, .swatch { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
      a { color: inherit; }
      .ev-title a[href]::after { content: " <" attr(href) ">"; font-weight: normal; font-size: .85rem; }
      .table-wrap, .plot-wrap { overflow: visible; }
      footer { break-before: avoid; }
      svg.plot { min-width: 0; }
      thead { display: table-header-group; }
      h2 { margin-top: 1.5rem; }
      th, td { padding: .25rem .4rem; }
      /* Fixed columns on paper: the item's text gets the room, the figures what they need. */
      .items { table-layout: fixed; }
      .items .item-text, .items .status { min-width: 0; }
      .items thead th.num { white-space: normal; }
      .items thead th { letter-spacing: 0; }
      .col-id { width: 6%; } .col-text { width: 29%; } .col-status { width: 16%; } .col-count { width: 9%; }
      .col-date { width: 12%; } .col-days { width: 11%; } .col-pending { width: 8%; }
      .items.term .col-text { width: 38%; }
      /* A priority's heading and coverage stay with its table's first rows; rows and pieces of
         evidence are never cut, but a long priority may continue on the next page rather than
         leave most of one empty. */
      h2, h3, h4, h5, .priority-head { break-after: avoid; }
      h3, h4, h5, tr, .bar-row, .priority-head, .evidence li, .group, figure, .chart-data, .figures, .facts,
      .story > div, details > summary {
        break-inside: avoid;
      }
      /* Headings and their lead paragraph stay with what follows them, and whole. */
      .lead { break-after: avoid; break-inside: avoid; }
      p { orphans: 2; widows: 2; }
      /* The details start on a page of their own, after the story and the chart. */
      .priorities { break-before: page; }
    }

    """
}
