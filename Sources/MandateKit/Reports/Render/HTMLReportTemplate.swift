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
      ("group", group), ("events", events),
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
    <ul class="counts">
    {{#counts}}
    <li><strong>{{value}}</strong> {{label}}</li>
    {{/counts}}
    </ul>
    </header>
    {{/header}}
    <main>
    <section class="coverage" aria-labelledby="coverage-heading">
    <h2 id="coverage-heading">Coverage</h2>
    <p class="lead">Share of the mandate's items with supporting evidence.</p>
    {{#coverage}}
    <h3>{{heading}}</h3>
    {{#bars}}
    {{> bar}}
    {{/bars}}
    {{/coverage}}
    </section>
    {{#chart}}
    {{> chart}}
    {{/chart}}
    <section class="priorities" aria-labelledby="priorities-heading">
    <h2 id="priorities-heading">Priorities</h2>
    <p class="lead">Evidence is counted as D declaratory · M material · C contradicting; days without evidence \
    run to the as-of day.</p>
    {{#priorities}}
    {{> priority}}
    {{/priorities}}
    </section>
    <section class="gaps" aria-labelledby="gaps-heading">
    <h2 id="gaps-heading">Gaps</h2>
    <div class="groups">
    {{#gaps}}
    {{> group}}
    {{/gaps}}
    </div>
    </section>
    {{#hasDelta}}
    <section class="delta" aria-labelledby="delta-heading">
    <h2 id="delta-heading">Since {{deltaPrevious}}</h2>
    <div class="groups">
    {{#delta}}
    {{> group}}
    {{/delta}}
    </div>
    </section>
    {{/hasDelta}}
    {{#eventLists}}
    {{> events}}
    {{/eventLists}}
    </main>
    <footer><p>{{footer}}</p></footer>
    </div>
    </body>
    </html>

    """

  /// A share as a labelled horizontal bar; the number is always written next to it.
  static let bar = """
    <div class="bar-row">
    <span class="bar-label">{{label}}</span>
    <span class="bar-track" aria-hidden="true"><span class="bar-fill" style="width: {{width}}%"></span></span>
    <span class="bar-value"><strong>{{percent}}</strong> {{detail}}</span>
    </div>

    """

  /// A gap kind or a delta list: a heading, an explanation, and links to the items' rows.
  static let group = """
    <div class="group">
    <h3>{{title}} <span class="group-count">({{count}})</span></h3>
    <p class="explain">{{explanation}}</p>
    {{#isEmpty}}
    <p class="none">None.</p>
    {{/isEmpty}}
    {{^isEmpty}}
    <ul class="ids">
    {{#entries}}
    <li><a href="#{{anchor}}">{{id}}</a>{{#hasDetail}} <span class="detail">{{detail}}</span>{{/hasDetail}}</li>
    {{/entries}}
    </ul>
    {{/isEmpty}}
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
