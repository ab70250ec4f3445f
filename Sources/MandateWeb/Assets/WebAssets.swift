import MandateKit

/// The files the pages load: one stylesheet (the HTML report's, then the pages' own) and one
/// small script for triage keys. They are part of the program: no URL is ever mapped to a file.
enum WebAssets {
  static let files: [String: (contentType: String, body: String)] = [
    "mandate.css": ("text/css; charset=utf-8", HTMLReportRenderer.stylesheet + "\n" + style),
    "mandate.js": ("text/javascript; charset=utf-8", script),
  ]

  /// Triage by keys: each key clicks the button or link (or toggles the box) that carries its
  /// `data-key`, so the page does the same with or without the script.
  static let script = """
    // mandate: triage keys. Every key stands for a button, link or field of the page.
    (function () {
      "use strict";
      if (!document.getElementById("triage-form") && !document.querySelector("[data-key]")) { return; }
      function typing(element) {
        if (!element) { return false; }
        var tag = element.tagName;
        if (tag === "TEXTAREA" || tag === "SELECT") { return true; }
        return tag === "INPUT" && element.type !== "checkbox" && element.type !== "radio" &&
          element.type !== "submit" && element.type !== "button";
      }
      document.addEventListener("keydown", function (event) {
        if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) { return; }
        var active = document.activeElement;
        if (typing(active)) {
          if (event.key === "Escape") { active.blur(); event.preventDefault(); }
          if (event.key === "Enter" && active.id === "tag-item") {
            event.preventDefault();
            document.getElementById("tag-button").click();
          }
          return;
        }
        if (!/^[1-9a-z]$/.test(event.key)) { return; }
        var target = document.querySelector('[data-key="' + event.key + '"]');
        if (!target) { return; }
        event.preventDefault();
        if (target.type === "checkbox") {
          target.checked = !target.checked;
        } else if (target.tagName === "INPUT") {
          target.focus();
        } else {
          target.click();
        }
      });
    })();

    """

  static let style = """
    /* The web pages, on top of the report's stylesheet above. */
    body.web { background: #fff; }
    .skip { position: absolute; left: -999px; top: 0; padding: .5rem 1rem; background: #fff; color: var(--accent); }
    .skip:focus { left: .5rem; z-index: 10; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); \
    white-space: nowrap; }
    header.site { border-bottom: 1px solid var(--rule); background: var(--soft); }
    header.site nav { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center; max-width: 1140px; \
    margin: 0 auto; padding: .6rem 28px; }
    .brand { font-weight: 700; color: var(--ink); text-decoration: none; letter-spacing: .02em; }
    .nav-links { display: flex; gap: .25rem 1rem; margin: 0; padding: 0; list-style: none; }
    .nav-links a { text-decoration: none; padding: .2rem .1rem; }
    .nav-links a[aria-current="page"] { color: var(--ink); font-weight: 600; border-bottom: 2px solid var(--accent); }
    .nav-search { display: flex; gap: .3rem; margin-left: auto; }
    .who { display: flex; gap: .5rem; align-items: center; font-size: .85rem; color: var(--muted); }
    .who form { margin: 0; }
    :focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    input, select, textarea, button, .button { font: inherit; font-size: .92rem; }
    input, select, textarea { padding: .3rem .45rem; border: 1px solid #8a939e; border-radius: 4px; background: #fff; \
    color: var(--ink); }
    button, .button { display: inline-block; padding: .32rem .8rem; border: 1px solid #6b7480; border-radius: 4px; \
    background: #fff; color: var(--ink); text-decoration: none; cursor: pointer; }
    button:hover, .button:hover { background: var(--soft); }
    button.primary, .button.primary { border-color: var(--accent); background: var(--accent); color: #fff; }
    button.primary:hover, .button.primary:hover { background: #174a85; }
    button.link { padding: 0; border: 0; background: none; color: var(--accent); text-decoration: underline; }
    button.small { padding: .05rem .45rem; font-size: .8rem; }
    kbd { display: inline-block; min-width: 1.3em; padding: 0 .3em; border: 1px solid #8a939e; border-bottom-width: 2px; \
    border-radius: 3px; background: #fff; font: .8rem ui-monospace, Menlo, Consolas, monospace; text-align: center; \
    color: var(--ink); }
    .flash { max-width: 1140px; margin: 1rem auto 0; padding: .5rem 1rem; border-left: 4px solid #15803d; \
    background: #eaf6ee; color: #14532d; }
    .flash p { margin: .1rem 0; }
    .error { color: #991b1b; font-weight: 600; }
    .kicker code { text-transform: none; letter-spacing: 0; }
    .page-head h1 .id, .item-page .id { padding: 0 .35rem; border: 1px solid var(--ink); border-radius: 4px; }
    .counts { display: flex; flex-wrap: wrap; gap: .6rem; margin: 0; padding: 0; list-style: none; }
    .counts li { padding: .4rem .8rem; border: 1px solid var(--rule); border-radius: 6px; background: var(--soft); }
    .counts strong { margin-right: .3rem; font-size: 1.25rem; font-variant-numeric: tabular-nums; }
    .attention-kind { margin-bottom: .2rem; font-size: 1rem; }
    .actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0 0; }
    .overview-grid, .event-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); \
    gap: 0 2.5rem; }
    .attention-list, .latest-list, .standing, .sources, .hits, .suggestions { margin: 0; padding: 0; list-style: none; }
    .attention-list li, .latest-list li, .standing li, .sources li { padding: .4rem 0; border-bottom: 1px solid var(--rule); }
    .attention-list a, .latest-list a { overflow-wrap: anywhere; }
    .attention-list .kinds { display: block; margin-top: .15rem; }
    .kind-past-due, .kind-only-contradicting { border-color: #b91c1c; color: #991b1b; }
    .kind-disputed { border-color: #7c3aed; color: #5b21b6; }
    .story p { max-width: 96ch; }
    .filter { display: flex; flex-wrap: wrap; gap: .4rem .6rem; align-items: center; margin: .75rem 0; }
    .stack { display: flex; flex-direction: column; gap: .35rem; align-items: flex-start; }
    .stack.narrow { max-width: 22rem; }
    .stack input:not([type]), .stack textarea, .stack input[type="password"] { width: 100%; }
    .inline { display: inline; margin: 0; }
    .row { display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
    fieldset { margin: .5rem 0; padding: .4rem .75rem .6rem; border: 1px solid var(--rule); border-radius: 6px; }
    legend { padding: 0 .3rem; font-weight: 600; font-size: .9rem; }
    .choice { display: block; padding: .1rem 0; }
    .item-choices { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 0 1rem; width: 100%; }
    .priority-choices .choice { font-size: .88rem; }
    .buttons { display: flex; flex-wrap: wrap; gap: .5rem; }
    .progress { font-weight: 600; }
    .big { font-size: 1.15rem; }
    .triage-card { margin: 1rem 0 2rem; padding: 1rem 1.25rem 1.25rem; border: 1px solid #a9b0b9; border-radius: 8px; \
    box-shadow: 0 1px 3px rgba(0, 0, 0, .08); }
    .triage-card h2 { margin-top: .25rem; border: 0; font-size: 1.35rem; overflow-wrap: anywhere; }
    .triage-card h3 { margin-bottom: .3rem; }
    .passage { max-width: 80ch; overflow-wrap: anywhere; }
    mark { padding: 0 .1em; background: #fde68a; color: inherit; }
    .candidates { margin: 0; padding: 0; list-style: none; }
    .candidates > li { margin: .4rem 0; padding: .5rem .75rem; border: 1px solid var(--rule); border-radius: 6px; \
    background: var(--soft); }
    .candidate-text { font-size: .9rem; }
    .score { float: right; font-variant-numeric: tabular-nums; font-weight: 600; }
    .reasons { margin: .3rem 0 0; padding-left: 1.2rem; font-size: .82rem; color: var(--muted); }
    .mode { display: flex; flex-wrap: wrap; gap: .3rem 1.25rem; align-items: center; }
    .triage-actions { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; margin-top: .5rem; }
    .tag-other { display: inline-flex; gap: .4rem; align-items: center; }
    .triage-nav { display: flex; gap: 1.25rem; margin: 1rem 0 .5rem; }
    .key-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: .25rem 1rem; margin: 0; }
    .key-list div { display: flex; gap: .5rem; }
    .key-list dt { min-width: 5.5rem; }
    .key-list dd { margin: 0; }
    .hits li { margin: .6rem 0; padding-bottom: .5rem; border-bottom: 1px solid var(--rule); }
    .hit-head { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
    .hits .passage { margin: .2rem 0 0; font-size: .9rem; }
    .pages { display: flex; gap: 1rem; margin: 1rem 0; }
    .quarters { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; margin-bottom: 1rem; \
    padding-bottom: .5rem; border-bottom: 1px solid var(--rule); }
    .quarters ul { display: flex; flex-wrap: wrap; gap: .3rem .6rem; margin: 0; padding: 0; list-style: none; }
    .quarters a[aria-current="page"] { font-weight: 700; color: var(--ink); }
    .report-body .page { padding: 0; }
    .note { display: block; }
    .keyword { display: inline-block; margin: 0 .2rem .2rem 0; padding: 0 .4rem; border: 1px solid var(--rule); \
    border-radius: 4px; }
    .history td, .history th { font-size: .85rem; }
    .diagnostics { padding: .75rem; overflow-x: auto; border: 1px solid var(--rule); background: var(--soft); }
    .site-footer { max-width: 1140px; margin: 0 auto; padding: 1rem 28px 2rem; font-size: .8rem; color: var(--muted); }
    @media (max-width: 700px) {
      header.site nav { padding: .5rem 16px; }
      .nav-search { margin-left: 0; }
    }
    @media print {
      header.site, .site-footer, .quarters form, form { display: none; }
    }

    """
}
