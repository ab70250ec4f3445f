extension WebTemplates {
  /// Marked passages: `segments` alternate plain and matched text, so that matches become
  /// `<mark>` while every piece stays escaped.
  static let triage = """
    <header class="page-head">
    <p class="kicker">Triage · {{periodLabel}}</p>
    <h1>Events without a decision</h1>
    <form class="filter" method="get" action="/triage">
    <label for="triage-quarter">Period</label>
    <select id="triage-quarter" name="quarter">
    {{#periods}}
    <option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>
    {{/periods}}
    </select>
    <button type="submit">Show</button>
    </form>
    </header>
    {{^hasEvent}}
    <p class="none big">{{emptyMessage}}</p>
    {{#canUndo}}
    <form method="post" action="/triage/undo" class="inline">{{> csrf}}<input type="hidden" name="quarter" value="{{quarter}}">\
    <button type="submit" data-key="u"><kbd>u</kbd> Undo the last decision</button></form>
    {{/canUndo}}
    {{/hasEvent}}
    {{#hasEvent}}
    <p class="progress" id="triage-progress">Event {{position}} of {{total}} without a decision in {{periodLabel}}.</p>
    <article class="triage-card" aria-labelledby="triage-title">
    <p class="meta"><span class="date">{{dateLabel}}</span> · event <a href="{{eventHref}}"><code>{{shortID}}</code></a></p>
    <h2 id="triage-title">{{#titleSegments}}{{#marked}}<mark>{{text}}</mark>{{/marked}}{{^marked}}{{text}}{{/marked}}{{/titleSegments}}</h2>
    <p class="passage">{{#snippetSegments}}{{#marked}}<mark>{{text}}</mark>{{/marked}}{{^marked}}{{text}}{{/marked}}{{/snippetSegments}}</p>
    <form method="post" action="/triage/decide" id="triage-form">
    <button type="submit" name="action" value="enter" class="visually-hidden" tabindex="-1">Record</button>
    {{> csrf}}
    <input type="hidden" name="event" value="{{eventID}}">
    <input type="hidden" name="quarter" value="{{quarter}}">
    <h3>Suggestions</h3>
    {{^hasCandidates}}<p class="none">No suggestion: tag an item (t), or skip (s).</p>{{/hasCandidates}}
    {{#hasCandidates}}
    <ol class="candidates">
    {{#candidates}}
    <li>
    <button type="submit" name="action" value="accept-{{number}}" data-key="{{number}}" class="accept">\
    <kbd>{{number}}</kbd> Accept <span class="item-id">{{item}}</span> {{label}}</button>
    <span class="candidate-text">{{itemText}}</span> <span class="score" title="score from 0 to 1">{{score}}</span>
    <ul class="reasons">
    {{#reasons}}
    <li>{{.}}</li>
    {{/reasons}}
    </ul>
    </li>
    {{/candidates}}
    </ol>
    {{/hasCandidates}}
    <fieldset class="mode">
    <legend>How the next tag is recorded</legend>
    <label class="choice"><input type="checkbox" name="material" id="mode-material" data-key="m"> <kbd>m</kbd> Material \
    (something done, not only said)</label>
    <label class="choice"><input type="checkbox" name="contradicts" id="mode-contradicts" data-key="c"> <kbd>c</kbd> \
    Contradicts the item</label>
    <label for="mode-note"><kbd>n</kbd> Note</label>
    <input id="mode-note" name="note" data-key="n" autocomplete="off">
    </fieldset>
    <div class="triage-actions">
    <span class="tag-other"><label for="tag-item"><kbd>t</kbd> Tag other items</label>
    <input id="tag-item" name="tag_items" list="item-ids" placeholder="P2.3 P4.1" data-key="t" autocomplete="off">
    <datalist id="item-ids">{{#itemOptions}}<option value="{{value}}">{{label}}</option>{{/itemOptions}}</datalist>
    <button type="submit" name="action" value="tag" id="tag-button">Tag</button></span>
    {{#hasCandidates}}<button type="submit" name="action" value="reject" data-key="r"><kbd>r</kbd> Reject the suggestions</button>{{/hasCandidates}}
    </div>
    </form>
    <nav class="triage-nav" aria-label="Events">
    {{#hasPrevious}}<a href="{{previousHref}}" data-key="k" rel="prev"><kbd>k</kbd> Previous</a>{{/hasPrevious}}
    {{#hasNext}}<a href="{{nextHref}}" data-key="s" rel="next"><kbd>s</kbd> Skip</a> \
    <a href="{{nextHref}}" data-key="j"><kbd>j</kbd> Next</a>{{/hasNext}}
    </nav>
    {{#canUndo}}
    <form method="post" action="/triage/undo" class="inline">{{> csrf}}<input type="hidden" name="quarter" value="{{quarter}}">\
    <input type="hidden" name="event" value="{{eventID}}"><button type="submit" data-key="u"><kbd>u</kbd> Undo the last decision</button></form>
    {{/canUndo}}
    </article>
    {{/hasEvent}}
    <section class="keys" aria-labelledby="keys-heading">
    <h2 id="keys-heading">Keys</h2>
    <dl class="key-list">
    <div><dt><kbd>1</kbd>–<kbd>9</kbd></dt><dd>accept that suggestion</dd></div>
    <div><dt><kbd>r</kbd></dt><dd>reject the suggestions shown</dd></div>
    <div><dt><kbd>t</kbd></dt><dd>tag other items (type ids, Enter)</dd></div>
    <div><dt><kbd>m</kbd> <kbd>c</kbd></dt><dd>material · contradicts, for the next tag</dd></div>
    <div><dt><kbd>n</kbd></dt><dd>a note for the next decision</dd></div>
    <div><dt><kbd>s</kbd> <kbd>j</kbd> <kbd>k</kbd></dt><dd>skip · next · previous</dd></div>
    <div><dt><kbd>u</kbd></dt><dd>undo the last decision of this session</dd></div>
    <div><dt><kbd>Esc</kbd></dt><dd>leave a text field</dd></div>
    </dl>
    <p class="explain">Every decision goes to the ledger at once, in the name shown at the top. Without JavaScript, the \
    buttons and links do the same.</p>
    </section>
    """
}
