/// A call to the operating system that failed: its error number, described as the C
/// library describes it ("No such file or directory").
package struct SystemError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The error number (`errno`).
    package let code: Int32

    package init(code: Int32) {
        self.code = code
    }

    package var description: String { SystemCalls.message(code) }
}
