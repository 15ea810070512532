/// Why the provisional set could not be built from its sources: what, where, what to do.
package struct ProvisionalSetError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file at fault.
    package var file: String
    /// The line at fault, when one row is.
    package var line: Int?
    package var message: String

    package init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    package var description: String {
        (line.map { "\(file), line \($0)" } ?? file) + ": " + message
    }
}
