extension HTMLReportTemplate {
  /// The inline SVG chart of an `HTMLReportChart`, its legend, and the same figures as a table
  /// (for screen readers, and for exact numbers on paper).
  static let chart = """
    <section class="chart" aria-labelledby="chart-heading">
    <h2 id="chart-heading">Supporting tags per quarter</h2>
    <p class="lead">Each bar counts the supporting tags (declaratory and material; a contradicting tag is not \
    counted) on the events of one quarter, for one priority. The track under a quarter is the share of the \
    mandate's items with supporting evidence in it.</p>
    <figure>
    <div class="plot-wrap">
    <svg class="plot" viewBox="0 0 {{width}} {{height}}" width="{{width}}" height="{{height}}" role="img" \
    aria-label="{{label}}" aria-describedby="chart-desc">
    <title>{{label}}</title>
    <desc id="chart-desc">{{description}}</desc>
    <text class="axis-title" x="{{plotLeft}}" y="16">supporting tags</text>
    {{#ticks}}
    <line class="grid" x1="{{plotLeft}}" x2="{{plotRight}}" y1="{{y}}" y2="{{y}}"/>
    <text class="tick" x="{{textX}}" y="{{textY}}" text-anchor="end">{{label}}</text>
    {{/ticks}}
    {{#quarters}}
    <g class="quarter">
    {{#bars}}
    <rect class="bar {{colour}}" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}"><title>{{title}}</title></rect>
    {{#hasCount}}
    <text class="count" x="{{centre}}" y="{{countY}}" text-anchor="middle">{{count}}</text>
    {{/hasCount}}
    {{#hasID}}
    <text class="bar-id" x="{{centre}}" y="{{idY}}" text-anchor="middle">{{priority}}</text>
    {{/hasID}}
    {{/bars}}
    <text class="quarter-label" x="{{centre}}" y="{{labelY}}" text-anchor="middle">{{label}}</text>
    {{#hasDates}}
    <text class="quarter-dates" x="{{centre}}" y="{{datesY}}" text-anchor="middle">{{dates}}</text>
    {{/hasDates}}
    {{#coverage}}
    <text class="coverage-text" x="{{x}}" y="{{textY}}">{{text}}</text>
    <rect class="track" x="{{x}}" y="{{y}}" width="{{width}}" height="10"/>
    <rect class="track-fill" x="{{x}}" y="{{y}}" width="{{fill}}" height="10"/>
    {{/coverage}}
    </g>
    {{/quarters}}
    <line class="axis" x1="{{plotLeft}}" x2="{{plotRight}}" y1="{{baseline}}" y2="{{baseline}}"/>
    {{#isEmpty}}
    <text class="empty" x="{{plotLeft}}" dx="12" y="120">No quarter of the term has begun by the as-of day.</text>
    {{/isEmpty}}
    </svg>
    </div>
    <figcaption>
    <ul class="legend">
    {{#legend}}
    <li><span class="swatch {{colour}}" aria-hidden="true"></span><b>{{priority}}</b> {{title}}</li>
    {{/legend}}
    </ul>
    </figcaption>
    </figure>
    {{^isEmpty}}
    <div class="table-wrap">
    <table class="chart-data">
    <caption>Supporting tags per priority and quarter, and the share of items covered</caption>
    <thead><tr><th scope="col">Priority</th>{{#tableQuarters}}<th scope="col" class="num">{{.}}</th>{{/tableQuarters}}</tr></thead>
    <tbody>
    {{#tableRows}}
    <tr><th scope="row">{{priority}}</th>{{#cells}}<td class="num">{{.}}</td>{{/cells}}</tr>
    {{/tableRows}}
    <tr class="coverage-row"><th scope="row">Coverage</th>{{#tableCoverage}}<td class="num">{{.}}</td>{{/tableCoverage}}</tr>
    </tbody>
    </table>
    </div>
    {{/isEmpty}}
    </section>

    """
}
