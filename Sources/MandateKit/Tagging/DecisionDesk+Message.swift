extension DecisionDesk.Outcome {
  /// What a recording did, in one line: "tagged fc81e802 (CSTO Secretary General met …) as
  /// declaratory evidence for P1.1, P1.2"; nil when nothing was recorded.
  public func message(verb: String, detail: String) -> String? {
    guard let event, !recorded.isEmpty else { return nil }
    let items = recorded.map(\.item).joined(separator: ", ")
    return "\(verb) \(event.id.prefix(8)) (\(Event.firstWords(of: event.headline, limit: 60))) \(detail) \(items)"
  }
}
