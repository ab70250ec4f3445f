extension HTMLReportTemplate {
  /// One priority: its coverage, a table of its items, then the evidence of the period per item.
  static let priority = """
    <section class="priority" id="{{anchor}}" aria-labelledby="{{anchor}}-title">
    <div class="priority-head">
    <h3 id="{{anchor}}-title"><span class="id">{{id}}</span> {{title}}</h3>
    {{#coverage}}
    {{> bar}}
    {{/coverage}}
    </div>
    <div class="table-wrap">
    <table class="items">
    <colgroup><col class="col-id"><col class="col-text"><col class="col-status"><col class="col-count">\
    <col class="col-count"><col class="col-date"><col class="col-days"><col class="col-pending"></colgroup>
    <thead><tr><th scope="col">Item</th><th scope="col">Text</th><th scope="col">Status</th>\
    <th scope="col" class="num">Period<br><span class="sub">D · M · C</span></th>\
    <th scope="col" class="num">To date<br><span class="sub">D · M · C</span></th>\
    <th scope="col">Last evidence</th><th scope="col" class="num">Days without</th>\
    <th scope="col" class="num">Pending</th></tr></thead>
    <tbody>
    {{#items}}
    <tr id="{{anchor}}">
    <th scope="row" class="item-id">{{id}}</th>
    <td class="item-text">{{text}}{{#hasExtras}}<span class="extras">{{#extras}}<span>{{.}}</span>{{/extras}}</span>\
    {{/hasExtras}}</td>
    <td class="status"><span class="badge status-{{statusClass}}">{{statusLabel}}</span>{{#hasStatus}}\
    <span class="as-of">as of {{statusAsOf}}, by {{statusBy}}</span><span class="justification">{{statusNote}}</span>\
    {{/hasStatus}}</td>
    <td class="num" title="{{periodLabel}}">{{periodCounts}}</td>
    <td class="num" title="{{toDateLabel}}">{{toDateCounts}}</td>
    <td class="date">{{lastEvidence}}</td>
    <td class="num">{{daysWithoutEvidence}}{{#isStale}} <span class="flag">stale</span>{{/isStale}}</td>
    <td class="num">{{pending}}</td>
    </tr>
    {{/items}}
    </tbody>
    </table>
    </div>
    {{#hasEvidence}}
    <h4>Evidence this period</h4>
    {{#items}}
    {{#hasEvidence}}
    <div class="evidence">
    <h5><a href="#{{anchor}}">{{id}}</a> {{text}}</h5>
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
    <code>{{event}}</code></p>
    </li>
    {{/evidence}}
    </ol>
    </div>
    {{/hasEvidence}}
    {{/items}}
    {{/hasEvidence}}
    </section>

    """
}
