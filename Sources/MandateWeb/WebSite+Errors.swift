import Foundation
import HTTPTypes
import Hummingbird
import MandateKit

extension WebSite {
  /// An error as a page (or `{"error": …}` for the API), with the status that fits and the
  /// same sentence the CLI prints.
  func errorResponse(_ error: any Error, request: Request, context: WebContext) -> Response {
    let api = request.uri.path.hasPrefix("/api/")
    let (status, message, suggestions, diagnostics) = Self.describe(error)
    if api {
      return json(APIError(error: message, suggestions: suggestions.map(\.label)), status: status)
    }
    let content = WebTemplates.render(
      ErrorView(heading: Self.heading(status), message: message, suggestions: suggestions, diagnostics: diagnostics),
      "error")
    return page(Self.heading(status), content: content, context: context, status: status)
  }

  /// 507: HTTP's "the server has no room to store what is needed".
  static let insufficientStorage = HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage")

  static func heading(_ status: HTTPResponse.Status) -> String {
    switch status.code {
    case 404: "Not found"
    case 409: "The ledger cannot be used"
    case 507: "The disk is full"
    case 400: "That did not work"
    default: status.reasonPhrase
    }
  }

  /// The status, sentence, closest matches and diagnostics for an error.
  static func describe(_ error: any Error) -> (HTTPResponse.Status, String, [ErrorView.Suggestion], [String]) {
    if let message = StorageFailure.describe(error) { return (Self.insufficientStorage, message, [], []) }
    switch error {
    case let error as IndexError:
      let text = error.errorDescription ?? "\(error)"
      switch error {
      case .unknownEvent(_, let suggestions):
        return (.notFound, text, suggestions.map { .init(href: "/events/\($0)", label: $0) }, [])
      case .ambiguousEvent(_, let candidates):
        return (.notFound, text, candidates.map { .init(href: "/events/\($0)", label: $0) }, [])
      case .invalidEventID: return (.notFound, text, [], [])
      case .rebuildFailed: return (.internalServerError, text, [], [])
      }
    case let error as TaggingError:
      let text = error.errorDescription ?? "\(error)"
      if case .unknownItem(_, let suggestions) = error {
        return (.badRequest, text, suggestions.map { .init(href: "/items/\($0)", label: $0) }, [])
      }
      return (.badRequest, text, [], [])
    case let error as RecordError:
      let text = error.errorDescription ?? "\(error)"
      if case .writeFailed(_, let reason) = error, reason.localizedCaseInsensitiveContains("no space") {
        return (Self.insufficientStorage, text, [], [])
      }
      return (.conflict, text, [], [])
    case let error as LedgerError:
      // Nothing reads or records decisions until the file is fixed, as on the command line.
      return (
        .conflict,
        "The ledger cannot be read, so no page that shows decisions can be drawn and nothing can be recorded "
          + "until it is fixed (`mandate check` shows where):", [], [error.errorDescription ?? ""]
      )
    case let error as LiveWorkspaceError:
      if case .invalidMandates(let diagnostics) = error {
        return (.serviceUnavailable, error.errorDescription ?? "", [], diagnostics.map(Self.line))
      }
      return (.serviceUnavailable, error.errorDescription ?? "", [], [])
    case let error as WebPageError:
      return (error.status, error.message, error.suggestions, [])
    case let error as HTTPError:
      if error.status == .notFound { return (.notFound, "There is no page at this address.", [], []) }
      return (error.status, error.body ?? error.status.reasonPhrase, [], [])
    case let error as any MandateError:
      return (.internalServerError, error.errorDescription ?? "\(error)", [], [])
    default:
      return (.internalServerError, "internal error: \(error)", [], [])
    }
  }

  static func line(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.location.map { "\($0): " } ?? "")\(diagnostic.severity.rawValue): \(diagnostic.message)"
  }
}

/// A page that cannot be shown, with the status and the closest matches.
struct WebPageError: Error {
  var status: HTTPResponse.Status
  var message: String
  var suggestions: [ErrorView.Suggestion] = []
}
