import Foundation

/// Who records a decision: `--by`, else `MANDATE_USER`, else git's `user.name` in the workspace,
/// else the login name.
public enum Analyst {
  public static func name(
    explicit: String?, workspace: Workspace, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    if let explicit = explicit?.trimmingWhitespace, !explicit.isEmpty { return explicit }
    if let user = environment["MANDATE_USER"]?.trimmingWhitespace, !user.isEmpty { return user }
    if let git = gitUserName(in: workspace.root, environment: environment) { return git }
    if let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty { return user }
    if let password = getpwuid(getuid()), let name = password.pointee.pw_name { return String(cString: name) }
    return "unknown"
  }

  static func gitUserName(in directory: URL, environment: [String: String]) -> String? {
    Git.run(["config", "user.name"], in: directory, environment: environment)?.value
  }
}
