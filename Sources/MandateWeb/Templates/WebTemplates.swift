import Foundation
import MandateKit
import Mustache

/// The pages' Mustache templates, parsed once.
///
/// Data only ever goes through `{{…}}`, which escapes `< > & " '` in text and attributes alike.
/// The two `{{{…}}}` are the layout's `content`, always the output of another template of this
/// library, and the report page's `body`, the output of the HTML report renderer, which escapes
/// the same way.
enum WebTemplates {
  static let library: Result<MustacheLibrary, any Error> = Result {
    var library = MustacheLibrary()
    for (name, text) in [
      ("layout", layout), ("overview", overview), ("report", report), ("triage", triage), ("event", event),
      ("item", item), ("search", search), ("login", login), ("error", error), ("status-badge", statusBadge),
      ("item-choices", itemChoices), ("csrf", csrf),
    ] {
      library.register(try MustacheTemplate(string: text), named: name)
    }
    // Drawn as the report draws them.
    for (name, text) in HTMLReportRenderer.partials {
      library.register(try MustacheTemplate(string: text), named: name)
    }
    return library
  }

  static func render(_ view: Any, _ name: String) -> String {
    guard let library = try? library.get(), let text = library.render(boxed(view), withTemplate: name) else {
      // The templates are compiled into the program and covered by tests.
      preconditionFailure("template \(name) is missing or does not parse")
    }
    return text
  }

  /// A view as nested dictionaries and arrays. The renderer looks names up in a struct through a
  /// new `Mirror` each time (boxing every field for every name); reflected once here, each lookup
  /// is a hash lookup. Sections and lookups mean the same with either.
  static func boxed(_ value: Any) -> Any {
    switch value {
    case is String, is Int, is Bool, is Double: return value
    case let array as [Any]: return array.map(boxed)
    default:
      let mirror = Mirror(reflecting: value)
      switch mirror.displayStyle {
      case .struct, .class:
        var fields: [String: Any] = [:]
        for child in mirror.children {
          if let label = child.label { fields[label] = boxed(child.value) }
        }
        return fields
      case .optional:
        return mirror.children.first.map { boxed($0.value) } as Any
      default:
        return value
      }
    }
  }

  static let csrf = """
    <input type="hidden" name="csrf" value="{{csrf}}">
    """

  static let statusBadge = """
    <span class="badge status-{{statusClass}}">{{statusLabel}}</span>
    """

  /// Checkboxes for every item, grouped by priority.
  static let itemChoices = """
    <div class="item-choices">
    {{#choices}}
    <fieldset class="priority-choices"><legend>{{id}} {{title}}</legend>
    {{#items}}
    <label class="choice"><input type="checkbox" name="item" value="{{id}}"{{#checked}} checked{{/checked}}> \
    <span class="item-id">{{id}}</span> <strong>{{label}}</strong> <span class="extras">{{text}}</span></label>
    {{/items}}
    </fieldset>
    {{/choices}}
    </div>
    """

  static let layout = """
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · mandate</title>
    <link rel="stylesheet" href="/static/mandate.css">
    {{#hasScript}}
    <script src="/static/mandate.js" defer></script>
    {{/hasScript}}
    </head>
    <body class="web">
    <a class="skip" href="#main">Skip to content</a>
    <header class="site">
    <nav aria-label="Main">
    <a class="brand" href="/">mandate</a>
    <ul class="nav-links">
    {{#nav}}
    <li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
    {{/nav}}
    </ul>
    <form class="nav-search" action="/search" method="get" role="search">
    <label for="nav-q" class="visually-hidden">Search events</label>
    <input id="nav-q" name="q" type="search" placeholder="Search events" value="{{query}}">
    <button type="submit">Search</button>
    </form>
    <div class="who">
    {{#signedIn}}
    <span>Signed in as <strong>{{who}}</strong></span>
    <form method="post" action="/logout">{{> csrf}}<button type="submit" class="link">Sign out</button></form>
    {{/signedIn}}
    {{^signedIn}}
    {{#hasWho}}<span>Deciding as <strong>{{who}}</strong></span>{{/hasWho}}
    {{/signedIn}}
    </div>
    </nav>
    </header>
    {{#flash}}
    <div class="flash" role="status"><p>{{.}}</p></div>
    {{/flash}}
    <main id="main" class="page">
    {{{content}}}
    </main>
    <footer class="site-footer"><p>mandate {{version}} · workspace {{workspace}} · mandate <code>{{mandate}}</code></p></footer>
    </body>
    </html>

    """

  static let login = """
    <h1>Sign in</h1>
    <p class="lead">This workspace records every decision in the name of the analyst who signs in.</p>
    {{#hasError}}<p class="error" role="alert">{{error}}</p>{{/hasError}}
    <form method="post" action="/login" class="stack narrow">
    {{> csrf}}
    <input type="hidden" name="next" value="{{next}}">
    <label for="login-user">Name</label>
    <input id="login-user" name="user" autocomplete="username" required value="{{user}}" autofocus>
    <label for="login-password">Password</label>
    <input id="login-password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit" class="primary">Sign in</button>
    </form>
    """

  static let error = """
    <h1>{{heading}}</h1>
    <p class="lead">{{message}}</p>
    {{#hasSuggestions}}
    <p>Closest matches:</p>
    <ul class="suggestions">
    {{#suggestions}}
    <li><a href="{{href}}"><code>{{label}}</code></a>{{#hasDetail}} {{detail}}{{/hasDetail}}</li>
    {{/suggestions}}
    </ul>
    {{/hasSuggestions}}
    {{#hasDiagnostics}}
    <pre class="diagnostics">{{#diagnostics}}{{.}}
    {{/diagnostics}}</pre>
    {{/hasDiagnostics}}
    <p><a href="/">Back to the overview</a></p>
    """
}
