import Foundation

/// Failures that `mandate` reports as a sentence and exit code 1, as opposed to internal errors.
///
/// Each layer has its own enum conforming to this protocol, with one sentence per case.
public protocol MandateError: LocalizedError {}

extension WorkspaceError: MandateError {}

/// The version printed by `mandate --version` and recorded in generated reports' metadata.
public enum MandateVersion {
  public static let current = "0.1.0"
}

/// A failure caused by how the command was called (a value that names nothing), as opposed to
/// the data: `mandate` prints its sentence and exits with 2, like any other usage error.
public protocol MandateUsageError: MandateError {}
