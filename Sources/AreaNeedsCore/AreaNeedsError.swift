/// Every failure the tools report, sorted by who must act, each with its exit code.
///
/// Cron and scripts branch on the exit code; people read the message, which says what
/// went wrong, where (file, line, column, key or code) and, where it helps, what to do.
public struct AreaNeedsError: Error, CustomStringConvertible, Sendable {
    /// Who must act, and the exit code that says so.
    public enum Category: Int32, Sendable, CaseIterable {
        /// The command line is wrong: an unknown option, area, objective or pipeline name, an
        /// amount that is not one: fix the command.
        case usage = 64
        /// The pipeline file (or `areaneeds.yml`) is wrong: fix the configuration.
        case configuration = 78
        /// An input file's content is wrong: fix or replace the data.
        case inputData = 65
        /// An input file is missing or unreadable.
        case missingInput = 66
        /// Another run of the same pipeline holds the lock.
        case locked = 75
        /// A release already exists, or an output cannot be written.
        case output = 73
        /// A bug or an unexpected state: report it.
        case `internal` = 70

        /// The exit code for this category.
        package var exitCode: Int32 { rawValue }

        /// A short name for logs.
        public var label: String {
            switch self {
            case .usage: "command line error"
            case .configuration: "configuration error"
            case .inputData: "input data error"
            case .missingInput: "missing input"
            case .locked: "locked"
            case .output: "output error"
            case .internal: "internal error"
            }
        }
    }

    public var category: Category
    public var message: String

    package init(_ category: Category, _ message: String) {
        self.category = category
        self.message = message
    }

    public var description: String { message }
}
