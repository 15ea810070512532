/// Why the provisional set could not be built from its sources: what, where, what to do.
public struct ProvisionalSetError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file at fault.
    public var file: String
    /// The line at fault, when one row is.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        (line.map { "\(file), line \($0)" } ?? file) + ": " + message
    }
}
