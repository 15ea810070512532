import AreaNeedsCore
import AreaNeedsGeography
import AreaNeedsTables

extension AreaNeedsError {
    /// The error for a failure reading, checking or building a geography, sorted by who must act.
    init(geography error: any Error) {
        switch error {
        case let error as AreaNeedsError:
            self = error
        case let error as TableError:
            switch error.kind {
            case .fileNotFound, .unreadable: self.init(.missingInput, error.description)
            case .unwritable: self.init(.output, error.description)
            default: self.init(.inputData, error.description)
            }
        case let problem as GeographyProblem:
            switch problem.kind {
            case .lookupRepeated, .lookupNotNeeded: self.init(.configuration, problem.description)
            default: self.init(.inputData, problem.description)
            }
        case let failure as GeographyCheckFailure:
            self.init(.inputData, failure.description)
        case let error as ProvisionalSetError:
            self.init(.inputData, error.description)
        default:
            self.init(.internal, String(describing: error))
        }
    }
}

/// Runs `body`, turning any error into its `AreaNeedsError`.
func geographyErrors<T>(_ body: () throws -> T) throws(AreaNeedsError) -> T {
    do {
        return try body()
    } catch {
        throw AreaNeedsError(geography: error)
    }
}
