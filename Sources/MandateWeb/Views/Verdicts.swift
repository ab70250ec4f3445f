import MandateKit

/// A resolution's verdict as forms and the API name it: `reject`, or `STRENGTH-STANCE`
/// (`material-supports`, `declaratory-contradicts`).
enum Verdicts {
  static let names =
    ["reject"]
    + EvidenceStrength.allCases.flatMap { strength in Stance.allCases.map { "\(strength.rawValue)-\($0.rawValue)" } }

  static func name(_ verdict: LedgerState.Verdict) -> String {
    switch verdict {
    case .reject: "reject"
    case .tag(let strength, let stance): "\(strength.rawValue)-\(stance.rawValue)"
    }
  }

  static func parse(_ text: String) -> LedgerState.Verdict? {
    if text == "reject" { return .reject }
    let parts = text.split(separator: "-", maxSplits: 1).map(String.init)
    guard parts.count == 2, let strength = EvidenceStrength(rawValue: parts[0]), let stance = Stance(rawValue: parts[1])
    else { return nil }
    return .tag(strength, stance)
  }
}
