import Foundation

/// A value loaded once, by whichever thread asks for it first; threads asking meanwhile
/// wait for it. For what only some of several parallel tasks need, so that the others
/// start at once: publish writes the need tables while another core reads the geography.
public final class LoadOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: Result<Value, AreaNeedsError>?
    private let load: @Sendable () throws(AreaNeedsError) -> Value

    public init(_ load: @escaping @Sendable () throws(AreaNeedsError) -> Value) {
        self.load = load
    }

    /// The value, loading it on the first call; a failed load throws the same error to every caller.
    public func value() throws(AreaNeedsError) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if loaded == nil { loaded = Result { () throws(AreaNeedsError) in try load() } }
        return try loaded!.get()
    }
}
