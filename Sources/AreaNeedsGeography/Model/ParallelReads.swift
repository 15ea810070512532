import Foundation

/// Runs `count` independent reads on every core and keeps their results in order; the
/// first error, in order, is rethrown by `results()`.
struct ParallelReads<Value> {
    private let outcomes: [Result<Value, any Error>]

    init(count: Int, _ read: @Sendable (Int) throws -> Value) {
        let slots = Slots<Value>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.set(index, Result { try read(index) })
        }
        outcomes = slots.values
    }

    func results() throws -> [Value] {
        try outcomes.map { try $0.get() }
    }

    private final class Slots<Item>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result<Item, any Error>?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ outcome: Result<Item, any Error>) {
            lock.withLock { slots[index] = outcome }
        }

        var values: [Result<Item, any Error>] { lock.withLock { slots.map { $0! } } }
    }
}
