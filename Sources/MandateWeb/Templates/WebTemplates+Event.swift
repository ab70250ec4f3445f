extension WebTemplates {
  static let event = """
    <header class="page-head">
    <p class="kicker">Event <code>{{id}}</code></p>
    <h1>{{headline}}</h1>
    <dl class="facts">
    <div><dt>Date</dt><dd>{{dateLabel}}</dd></div>
    <div><dt>Why this date</dt><dd>{{dateExplain}}</dd></div>
    {{#hasLanguage}}<div><dt>Language</dt><dd>{{language}}</dd></div>{{/hasLanguage}}
    {{#hasAliases}}<div><dt>Also known as</dt><dd>{{#aliases}}<code>{{.}}</code> {{/aliases}}</dd></div>{{/hasAliases}}
    </dl>
    </header>
    <div class="event-grid">
    <section class="event-text" aria-labelledby="text-heading">
    <h2 id="text-heading">Text</h2>
    {{#paragraphs}}
    <p>{{.}}</p>
    {{/paragraphs}}
    <h2 id="sources-heading">Sources ({{sourceCount}})</h2>
    <ul class="sources">
    {{#sources}}
    <li><span class="tag">{{role}}</span> {{#hasLink}}<a href="{{href}}" rel="noopener noreferrer">{{place}}</a>{{/hasLink}}\
    {{^hasLink}}<span class="source">{{place}}</span>{{/hasLink}}{{#hasName}} <span class="meta">[{{name}}]</span>{{/hasName}}
    <span class="meta">{{#hasPublished}}published {{published}}, {{/hasPublished}}first seen {{firstSeen}}</span>\
    {{#hasFetched}} <span class="meta provenance">{{fetched}}</span>{{/hasFetched}}</li>
    {{/sources}}
    </ul>
    </section>
    <section class="event-decisions" aria-labelledby="tags-heading">
    <h2 id="tags-heading">Evidence for</h2>
    {{^hasTags}}<p class="none">Not tagged for any item.</p>{{/hasTags}}
    {{#hasTags}}
    <ul class="standing">
    {{#tags}}
    <li class="stance-{{stance}}"><a href="{{itemHref}}"><span class="item-id">{{item}}</span></a> {{itemText}}
    <span class="tag">{{strength}}</span> <span class="tag tag-{{stance}}">{{stance}}</span>
    {{#hasNote}}<span class="note">{{note}}</span>{{/hasNote}}
    <span class="meta">by {{by}}, {{at}}</span>
    <form method="post" action="{{untagAction}}" class="inline">{{> csrf}}<input type="hidden" name="item" value="{{item}}">\
    <button type="submit" class="small">Withdraw the tag</button></form>
    </li>
    {{/tags}}
    </ul>
    {{/hasTags}}
    {{#hasDisputes}}
    <h3>Disputed</h3>
    <p class="explain">Analysts disagree on these items: the pair counts neither as evidence nor as rejected until \
    it is resolved, here or with <code>mandate review --conflicts</code>; a resolution replaces every analyst's \
    decision on the pair.</p>
    <ul class="standing">
    {{#disputes}}
    <li><a href="{{href}}"><span class="item-id">{{item}}</span></a> <span class="flag kind-disputed">disputed</span> \
    <span class="meta">{{positions}}</span>
    <form method="post" action="{{resolveAction}}" class="inline">{{> csrf}}<input type="hidden" name="item" value="{{item}}">\
    {{#choices}}<button type="submit" name="verdict" value="{{value}}" class="small">Resolve: {{label}}</button> {{/choices}}\
    </form></li>
    {{/disputes}}
    </ul>
    {{/hasDisputes}}
    {{#hasRejections}}
    <p class="meta">Rejected for: {{#rejections}}<a href="{{href}}">{{item}}</a> {{/rejections}}</p>
    {{/hasRejections}}
    <h2 id="decide-heading">Decide</h2>
    <form method="post" action="{{decideAction}}" class="stack decide">
    {{> csrf}}
    <p class="explain">Choose the items, then tag the event as evidence for them or reject it for them.</p>
    {{> item-choices}}
    <fieldset class="row"><legend>Strength</legend>
    <label class="choice"><input type="radio" name="strength" value="declaratory" checked> declaratory (said)</label>
    <label class="choice"><input type="radio" name="strength" value="material"> material (done)</label>
    </fieldset>
    <label class="choice"><input type="checkbox" name="contradicts"> contradicts the items</label>
    <label for="decide-note">Note</label>
    <input id="decide-note" name="note" autocomplete="off">
    <p class="buttons"><button type="submit" name="action" value="tag" class="primary">Tag as evidence</button>
    <button type="submit" name="action" value="reject">Reject: not evidence</button></p>
    </form>
    <h2 id="history-heading">Decisions</h2>
    {{^hasDecisions}}<p class="none">No decision on this event yet.</p>{{/hasDecisions}}
    {{#hasDecisions}}
    <div class="table-wrap">
    <table class="history">
    <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Item</th>\
    <th scope="col">Detail</th></tr></thead>
    <tbody>
    {{#decisions}}
    <tr><td class="date">{{at}}</td><td>{{by}}</td><td>{{kind}}</td><td><a href="{{itemHref}}">{{item}}</a></td><td>{{detail}}</td></tr>
    {{/decisions}}
    </tbody>
    </table>
    </div>
    {{/hasDecisions}}
    </section>
    </div>
    """

  static let item = """
    <header class="page-head">
    <p class="kicker">Item · <a href="{{priorityHref}}">{{priorityID}} {{priorityTitle}}</a></p>
    <h1><span class="id">{{id}}</span> {{label}}</h1>
    <p class="lead">{{text}}</p>
    <dl class="facts">
    <div><dt>Status</dt><dd>{{> status-badge}}{{#hasStatus}} <span class="as-of">as of {{statusAsOf}}, by {{statusBy}}</span>\
    <span class="justification">{{statusNote}}</span>{{/hasStatus}}</dd></div>
    {{#hasKeywords}}<div><dt>Keywords</dt><dd>{{#keywords}}<span class="keyword">{{.}}</span> {{/keywords}}</dd></div>{{/hasKeywords}}
    {{#hasIndicator}}<div><dt>Indicator</dt><dd>{{indicator}}</dd></div>{{/hasIndicator}}
    {{#hasDue}}<div><dt>Due</dt><dd>{{due}}</dd></div>{{/hasDue}}
    <div><dt>Weight</dt><dd>{{weight}}</dd></div>
    <div><dt>Evidence</dt><dd>{{evidenceSummary}}</dd></div>
    </dl>
    <p class="actions"><a class="button" href="{{searchHref}}">Search events for {{id}}'s keywords</a></p>
    </header>
    <div class="event-grid">
    <section aria-labelledby="timeline-heading">
    <h2 id="timeline-heading">Evidence timeline</h2>
    {{^hasEvidence}}<p class="none">No event is tagged for {{id}}.</p>{{/hasEvidence}}
    {{#hasEvidence}}
    <ol class="timeline evidence">
    {{#evidence}}
    <li class="stance-{{stance}}"><p class="ev-head"><span class="date">{{dateLabel}}</span> <a class="ev-title" href="{{href}}">{{title}}</a> \
    <span class="tag">{{strength}}</span> <span class="tag tag-{{stance}}">{{stance}}</span></p>
    {{#hasNote}}<p class="note">{{note}}</p>{{/hasNote}}
    <p class="meta">by {{by}}, {{at}}</p></li>
    {{/evidence}}
    </ol>
    {{/hasEvidence}}
    </section>
    <section aria-labelledby="status-heading">
    <h2 id="status-heading">Status history</h2>
    {{^hasHistory}}<p class="none">Not assessed yet.</p>{{/hasHistory}}
    {{#hasHistory}}
    <ol class="timeline">
    {{#history}}
    <li><p>{{> status-badge}} <span class="as-of">as of {{asOf}}, by {{by}}, recorded {{at}}</span></p><p>{{note}}</p></li>
    {{/history}}
    </ol>
    {{/hasHistory}}
    <h2 id="assess-heading">Assess</h2>
    <form method="post" action="{{statusAction}}" class="stack">
    {{> csrf}}
    <label for="status-value">Status</label>
    <select id="status-value" name="status">
    {{#statusOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statusOptions}}
    </select>
    <label for="status-note">Justification (required)</label>
    <textarea id="status-note" name="note" rows="3" required></textarea>
    <label for="status-as-of">As of</label>
    <input id="status-as-of" name="as_of" type="date" value="{{defaultAsOf}}">
    <p class="buttons"><button type="submit" class="primary">Record the assessment</button></p>
    </form>
    </section>
    </div>
    """
}
