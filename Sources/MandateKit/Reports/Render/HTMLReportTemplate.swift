import Foundation
import Mustache

/// The Mustache templates of the HTML report: a page and its partials, laying out an
/// `HTMLReportView`.
///
/// Data only ever goes through `{{…}}`, which escapes `< > & " '` in text and attribute values
/// alike; `{{{…}}}` is never used. The stylesheet is a partial too, so the page is one file.
enum HTMLReportTemplate {
  /// The templates by name, parsed once; a parse error names the template, line and column.
  static let library: Result<MustacheLibrary, any Error> = Result {
    var library = MustacheLibrary()
    for (name, text) in [
      ("page", page), ("style", style), ("bar", bar), ("chart", chart), ("priority", priority),
      ("summary", summary), ("entry", entry), ("events", events),
    ] {
      library.register(try MustacheTemplate(string: text), named: name)
    }
    return library
  }

  static let page = """
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{documentTitle}}</title>
    <style>
    {{> style}}
    </style>
    </head>
    <body>
    <div class="page">
    {{#header}}
    <header class="report-head">
    <p class="kicker">Progress report · {{periodKind}}</p>
    <h1>{{title}}</h1>
    <dl class="facts">
    <div><dt>Organisation</dt><dd>{{organisation}}</dd></div>
    <div><dt>Holder</dt><dd>{{holder}}</dd></div>
    <div><dt>Term</dt><dd>{{termStart}} to {{termEnd}}</dd></div>
    <div><dt>Period</dt><dd>{{periodLabel}}: {{periodStart}} to {{periodEnd}}</dd></div>
    <div><dt>As of</dt><dd>{{asOf}}</dd></div>
    {{#hasRecordedBy}}
    <div><dt>Decisions recorded by</dt><dd>{{recordedBy}}</dd></div>
    {{/hasRecordedBy}}
    {{#hasGeneratedAt}}
    <div><dt>Generated</dt><dd>{{generatedAt}}</dd></div>
    {{/hasGeneratedAt}}
    <div><dt>Mandate</dt><dd><code>{{id}}</code></dd></div>
    </dl>
    </header>
    {{/header}}
    <main>
    {{#summary}}
    {{> summary}}
    {{/summary}}
    {{#chart}}
    {{> chart}}
    {{/chart}}
    <section class="priorities" aria-labelledby="priorities-heading">
    <h2 id="priorities-heading">Priorities and items</h2>
    <p class="lead">Evidence is counted as D declaratory · M material · C contradicting tags; days without evidence \
    run to the as-of day.{{#hasCollapsed}} Priorities without evidence in the period are folded: open one to see \
    its items (on paper, only their heading is printed).{{/hasCollapsed}}</p>
    {{#priorities}}
    {{> priority}}
    {{/priorities}}
    </section>
    {{#eventLists}}
    {{> events}}
    {{/eventLists}}
    </main>
    <footer><p>{{footer}}</p></footer>
    </div>
    </body>
    </html>

    """

  /// The opening story: headline figures, then coverage, evidence, status, events and the items
  /// that need attention, each item linked to its row.
  static let summary = """
    <section class="summary" aria-labelledby="summary-heading">
    <h2 id="summary-heading">Summary</h2>
    <ul class="figures">
    {{#figures}}
    <li><strong>{{value}}</strong> <span>{{label}}</span></li>
    {{/figures}}
    </ul>
    <dl class="story">
    <div><dt>Coverage</dt><dd>{{coverage}}</dd></div>
    <div><dt>Evidence</dt><dd><p>{{evidence}}</p>
    {{#hasEvidenceEntries}}
    <ul class="ids">{{#evidenceEntries}}{{> entry}}{{/evidenceEntries}}</ul>
    {{/hasEvidenceEntries}}
    {{#hasNewlyCovered}}
    <p class="sub-list">Newly covered:</p><ul class="ids">{{#newlyCovered}}{{> entry}}{{/newlyCovered}}</ul>
    {{/hasNewlyCovered}}
    {{#hasNewlyUncovered}}
    <p class="sub-list">No longer covered:</p><ul class="ids">{{#newlyUncovered}}{{> entry}}{{/newlyUncovered}}</ul>
    {{/hasNewlyUncovered}}
    </dd></div>
    <div><dt>Status</dt><dd><p>{{status}}</p>
    {{#statusGroups}}
    <p class="sub-list">{{change}}:</p><ul class="ids">{{#entries}}{{> entry}}{{/entries}}</ul>
    {{/statusGroups}}
    </dd></div>
    <div><dt>Events</dt><dd>{{events}}</dd></div>
    </dl>
    <h3>Needs attention</h3>
    {{#hasAttention}}
    <div class="groups">
    {{#attention}}
    <div class="group">
    <h4>{{title}} <span class="group-count">({{count}})</span></h4>
    <p class="explain">{{explanation}}</p>
    <ul class="ids">{{#entries}}{{> entry}}{{/entries}}</ul>
    </div>
    {{/attention}}
    </div>
    {{/hasAttention}}
    {{^hasAttention}}
    <p class="none">Nothing: every item has supporting evidence in the period, none is stale or past due.</p>
    {{/hasAttention}}
    </section>

    """

  /// An item named in the summary: its id linked to its row, its label and a detail.
  static let entry = """
    <li><a href="#{{anchor}}">{{id}}</a>{{#hasLabel}} {{label}}{{/hasLabel}}\
    {{#hasDetail}} <span class="detail">{{detail}}</span>{{/hasDetail}}</li>
    """

  /// A share as a labelled horizontal bar; the number is always written next to it.
  static let bar = """
    <div class="bar-row">
    <span class="bar-label">{{label}}</span>
    <span class="bar-track" aria-hidden="true"><span class="bar-fill" style="width: {{width}}%"></span></span>
    <span class="bar-value"><strong>{{percent}}</strong> {{detail}}</span>
    </div>

    """

  /// Untagged or unplaced events: the first ones in a table, and how many more there are.
  static let events = """
    <section class="events" aria-labelledby="{{id}}-heading">
    <h2 id="{{id}}-heading">{{heading}} <span class="group-count">({{total}})</span></h2>
    <p class="lead">{{explanation}}</p>
    {{#isEmpty}}
    <p class="none">{{empty}}</p>
    {{/isEmpty}}
    {{#hasEvents}}
    <div class="table-wrap">
    <table class="event-list">
    <thead><tr><th scope="col">Date</th><th scope="col">Title</th>{{#showReview}}<th scope="col">Review</th>{{/showReview}}\
    <th scope="col">Event</th></tr></thead>
    <tbody>
    {{#events}}
    <tr><td class="date">{{dateLabel}}</td><td class="title">{{title}}</td>{{#showReview}}<td>{{review}}</td>\
    {{/showReview}}<td><code>{{event}}</code></td></tr>
    {{/events}}
    </tbody>
    </table>
    </div>
    {{/hasEvents}}
    {{#hasMore}}
    <p class="more">{{more}}</p>
    {{/hasMore}}
    </section>

    """
}
