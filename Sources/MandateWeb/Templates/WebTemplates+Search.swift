extension WebTemplates {
  static let search = """
    <header class="page-head">
    <h1>Search events</h1>
    <form class="filter search-form" method="get" action="/search" role="search">
    <label for="search-q">Words</label>
    <input id="search-q" name="q" type="search" value="{{query}}" placeholder="Working Group on Afghanistan">
    <label for="search-quarter">Period</label>
    <select id="search-quarter" name="quarter">
    {{#periods}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/periods}}
    </select>
    <label for="search-item">Tagged for</label>
    <select id="search-item" name="item">
    {{#itemOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/itemOptions}}
    </select>
    <label class="choice"><input type="checkbox" name="undecided" value="1"{{#undecided}} checked{{/undecided}}> \
    without a decision</label>
    <button type="submit" class="primary">Search</button>
    </form>
    <p class="explain">All words must match; "quoted words" match as a phrase. Without words, the filters list events by \
    date.</p>
    </header>
    {{#hasSummary}}<p class="progress">{{summary}}</p>{{/hasSummary}}
    {{#hasHits}}
    <ol class="hits" start="{{start}}">
    {{#hits}}
    <li><p class="hit-head"><span class="date">{{dateLabel}}</span> \
    <a href="{{href}}">{{#titleSegments}}{{#marked}}<mark>{{text}}</mark>{{/marked}}{{^marked}}{{text}}{{/marked}}{{/titleSegments}}</a> \
    <code class="meta">{{shortID}}</code>{{#hasTagged}} <span class="meta">tagged {{tagged}}</span>{{/hasTagged}}\
    {{#rejected}} <span class="meta">rejected</span>{{/rejected}}</p>
    {{#hasSnippet}}<p class="passage">{{#snippetSegments}}{{#marked}}<mark>{{text}}</mark>{{/marked}}{{^marked}}{{text}}{{/marked}}{{/snippetSegments}}</p>{{/hasSnippet}}
    </li>
    {{/hits}}
    </ol>
    {{/hasHits}}
    <nav class="pages" aria-label="Result pages">
    {{#hasPrevious}}<a href="{{previousHref}}" rel="prev">Previous {{pageSize}}</a>{{/hasPrevious}}
    {{#hasNext}}<a href="{{nextHref}}" rel="next">Next {{pageSize}}</a>{{/hasNext}}
    </nav>
    """

  /// The report page: quarter navigation around the HTML report's own body.
  static let report = """
    <nav class="quarters" aria-label="Report periods">
    <ul>
    {{#periods}}
    <li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
    {{/periods}}
    </ul>
    <form class="filter" method="get" action="{{path}}">
    <label for="report-as-of">As of</label>
    <input id="report-as-of" name="as_of" type="date" value="{{asOf}}">
    <button type="submit">Show</button>
    <a href="{{jsonHref}}">JSON</a>
    </form>
    </nav>
    <div class="report-body">
    {{{body}}}
    </div>
    """
}
