extension EventMatching {
  /// Whether a draft's text opens a recorded event's word for word and the titles do not disagree.
  static func sameOpening(_ a: EventDraft, _ b: Event) -> Bool {
    sameOpening(
      titleA: a.title, textA: a.text, truncatedA: a.truncated, titleB: b.title, textB: b.text,
      truncatedB: looksTruncated(b))
  }

  /// Whether a draft that shares a URL with a recorded event is the same news.
  static func sameURLNews(_ draft: EventDraft, _ event: Event) -> Bool {
    sameURLNews(title: draft.title, leadKey: draft.identity.leadKey, event)
  }
}
