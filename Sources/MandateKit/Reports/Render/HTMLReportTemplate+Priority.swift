extension HTMLReportTemplate {
  /// One priority: its coverage, a table of its items, then the evidence of the period per item.
  /// A priority without evidence in the period is folded in a `<details>` (no script needed):
  /// its heading says so, and the table is one click away.
  static let priority = """
    <section class="priority{{#collapsed}} folded{{/collapsed}}" id="{{anchor}}" aria-labelledby="{{anchor}}-title">
    {{#collapsed}}
    <details>
    <summary><h3 id="{{anchor}}-title"><span class="id">{{id}}</span> {{title}}</h3> \
    <span class="fold-note">{{foldNote}}</span></summary>
    {{/collapsed}}
    <div class="priority-head">
    {{^collapsed}}
    <h3 id="{{anchor}}-title"><span class="id">{{id}}</span> {{title}}</h3>
    {{/collapsed}}
    {{#coverage}}
    {{> bar}}
    {{/coverage}}
    </div>
    <div class="table-wrap">
    <table class="items{{^showToDate}} term{{/showToDate}}">
    <colgroup><col class="col-id"><col class="col-text"><col class="col-status"><col class="col-count">\
    {{#showToDate}}<col class="col-count">{{/showToDate}}<col class="col-date"><col class="col-days">\
    <col class="col-pending"></colgroup>
    <thead><tr><th scope="col">Item</th><th scope="col">Text</th><th scope="col">Status</th>\
    {{#showToDate}}<th scope="col" class="num">Period<br><span class="sub">D · M · C</span></th>\
    <th scope="col" class="num">To date<br><span class="sub">D · M · C</span></th>{{/showToDate}}\
    {{^showToDate}}<th scope="col" class="num">Tags<br><span class="sub">D · M · C</span></th>{{/showToDate}}\
    <th scope="col">Last evidence</th><th scope="col" class="num">Days without</th>\
    <th scope="col" class="num">Pending</th></tr></thead>
    <tbody>
    {{#items}}
    <tr id="{{anchor}}">
    <th scope="row" class="item-id">{{id}}</th>
    <td class="item-text"><strong class="label">{{label}}</strong> {{text}}{{#hasExtras}}<span class="extras">\
    {{#extras}}<span>{{.}}</span>{{/extras}}</span>{{/hasExtras}}</td>
    <td class="status"><span class="badge status-{{statusClass}}">{{statusLabel}}</span>{{#hasStatus}}\
    <span class="as-of">as of {{statusAsOf}}, by {{statusBy}}</span><span class="justification">{{statusNote}}</span>\
    {{/hasStatus}}</td>
    <td class="num" title="{{periodLabel}}">{{periodCounts}}</td>
    {{#showToDate}}
    <td class="num" title="{{toDateLabel}}">{{toDateCounts}}</td>
    {{/showToDate}}
    <td class="date">{{lastEvidence}}</td>
    <td class="num">{{daysWithoutEvidence}}{{#isStale}} <span class="flag">stale</span>{{/isStale}}</td>
    <td class="num">{{pending}}</td>
    </tr>
    {{/items}}
    </tbody>
    </table>
    </div>
    {{#hasEvidence}}
    <h4>Evidence of the period</h4>
    {{#items}}
    {{#hasEvidence}}
    <div class="evidence">
    <h5><a href="#{{anchor}}">{{id}}</a> {{label}}</h5>
    <ol>
    {{#evidence}}
    <li class="stance-{{stance}}">
    <p class="ev-head"><span class="date">{{dateLabel}}</span> <span class="ev-title">{{#hasLink}}<a href="{{href}}" \
    rel="noopener">{{title}}</a>{{/hasLink}}{{^hasLink}}{{title}}{{/hasLink}}</span> <span class="tag">{{strength}}</span> \
    <span class="tag tag-{{stance}}">{{stance}}</span></p>
    {{#hasNote}}
    <p class="note">{{note}}</p>
    {{/hasNote}}
    <p class="meta">{{^hasLink}}Source: <span class="source">{{source}}</span> · {{/hasLink}}by {{by}} · event \
    <code>{{event}}</code>{{#hasAlsoReported}} · also reported as <code>{{alsoReported}}</code>, counted once{{/hasAlsoReported}}</p>
    </li>
    {{/evidence}}
    </ol>
    </div>
    {{/hasEvidence}}
    {{/items}}
    {{/hasEvidence}}
    {{#collapsed}}
    </details>
    {{/collapsed}}
    </section>

    """
}
