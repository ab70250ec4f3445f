extension WebTemplates {
  static let overview = """
    <header class="page-head">
    <p class="kicker">Overview · {{organisation}} · {{holder}}</p>
    <h1>{{title}}</h1>
    <p class="lead">Term {{termStart}} to {{termEnd}}. The current quarter is <a href="{{reportHref}}">{{quarterLabel}}</a>, \
    counted as of {{asOf}}.</p>
    <ul class="counts">
    {{#counts}}
    <li><strong>{{value}}</strong> {{label}}</li>
    {{/counts}}
    </ul>
    <p class="actions"><a class="button primary" href="{{triageHref}}">Triage {{undecidedLabel}}</a> \
    <a class="button" href="{{reportHref}}">Report for {{quarterLabel}}</a> <a class="button" href="/report/term">Term report</a></p>
    </header>
    {{#hasStory}}
    <section class="story" aria-labelledby="story-heading">
    <h2 id="story-heading">{{quarterLabel}} so far</h2>
    {{#story}}
    <p>{{.}}</p>
    {{/story}}
    </section>
    {{/hasStory}}
    <div class="overview-grid">
    <section class="attention" aria-labelledby="attention-heading">
    <h2 id="attention-heading">Needs attention <span class="group-count">({{attentionCount}})</span></h2>
    {{^hasAttention}}<p class="none">No item shows a gap in {{quarterLabel}}.</p>{{/hasAttention}}
    {{#hasAttention}}
    {{#attention}}
    <h3 class="attention-kind">{{title}}</h3>
    <p class="explain">{{explanation}}</p>
    <ul class="attention-list">
    {{#entries}}
    <li><a href="{{href}}"><span class="item-id">{{id}}</span> {{label}}</a>{{#hasDetail}} \
    <span class="detail">{{detail}}</span>{{/hasDetail}}</li>
    {{/entries}}
    </ul>
    {{/attention}}
    {{/hasAttention}}
    </section>
    <section class="latest" aria-labelledby="latest-heading">
    <h2 id="latest-heading">Latest evidence</h2>
    {{^hasLatest}}<p class="none">No event is tagged yet.</p>{{/hasLatest}}
    {{#hasLatest}}
    <ol class="latest-list">
    {{#latest}}
    <li><span class="date">{{dateLabel}}</span> <a href="{{href}}">{{title}}</a>
    <span class="meta">for {{items}}</span></li>
    {{/latest}}
    </ol>
    {{/hasLatest}}
    </section>
    </div>
    <section class="coverage" aria-labelledby="coverage-heading">
    <h2 id="coverage-heading">Coverage</h2>
    {{#coverage}}
    {{> bar}}
    {{/coverage}}
    </section>
    <section class="tree" aria-labelledby="tree-heading">
    <h2 id="tree-heading">The mandate</h2>
    <p class="lead">Evidence is counted as D declaratory · M material · C contradicting, in {{quarterLabel}} and over the \
    term to date.</p>
    {{#priorities}}
    <section class="priority" aria-labelledby="{{anchor}}">
    <div class="priority-head">
    <h3 id="{{anchor}}"><span class="id">{{id}}</span> {{title}}</h3>
    {{#bars}}
    {{> bar}}
    {{/bars}}
    </div>
    <div class="table-wrap">
    <table class="items">
    <thead><tr><th scope="col">Item</th><th scope="col">Text</th><th scope="col">Status</th>\
    <th scope="col" class="num">Quarter<br><span class="sub">D · M · C</span></th>\
    <th scope="col" class="num">To date<br><span class="sub">D · M · C</span></th>\
    <th scope="col">Last evidence</th><th scope="col" class="num">Days without</th>\
    <th scope="col" class="num">Pending</th></tr></thead>
    <tbody>
    {{#items}}
    <tr>
    <th scope="row" class="item-id"><a href="{{href}}">{{id}}</a></th>
    <td class="item-text"><strong>{{label}}</strong> <span class="extras">{{text}}</span></td>
    <td class="status">{{> status-badge}}{{#hasStatus}}<span class="as-of">as of {{statusAsOf}}</span>{{/hasStatus}}</td>
    <td class="num">{{periodCounts}}</td>
    <td class="num">{{toDateCounts}}</td>
    <td class="date">{{lastEvidence}}</td>
    <td class="num">{{days}}{{#isStale}} <span class="flag">stale</span>{{/isStale}}</td>
    <td class="num">{{pending}}</td>
    </tr>
    {{/items}}
    </tbody>
    </table>
    </div>
    </section>
    {{/priorities}}
    </section>
    """
}
