import AreaNeedsTables
import Foundation
import Testing
@testable import AreaNeedsCore

@Suite("Work on every core")
struct ParallelTests {
    @Test func resultsKeepTheirItemsOrderWhateverStartsFirst() throws {
        let items = Array(0..<100)
        // The costliest start first: results still come back in the items' order.
        let results = try Parallel.collect(Parallel.map(items, cost: { $0 % 7 }) { (item: Int) throws(AreaNeedsError) in item * item })
        #expect(results == items.map { $0 * $0 })
    }

    @Test func everyFailureIsReported() {
        let results = Parallel.map([1, 2, 3, 4], cost: { $0 }) { (item: Int) throws(AreaNeedsError) -> Int in
            if item % 2 == 0 { throw AreaNeedsError(.inputData, "item \(item)") }
            return item
        }
        do {
            _ = try Parallel.collect(results)
            Issue.record("expected an error")
        } catch {
            #expect(error.category == .inputData)
            #expect(error.message == "item 2\nitem 4")
        }
    }

    @Test func theSameFailureOfSeveralTasksIsSaidOnce() {
        let results = Parallel.map([1, 2, 3]) { (item: Int) throws(AreaNeedsError) -> Int in
            throw AreaNeedsError(.inputData, item == 2 ? "other" : "the geography has 1 problem")
        }
        #expect { _ = try Parallel.collect(results) } throws: { error in
            (error as? AreaNeedsError)?.message == "the geography has 1 problem\nother"
        }
    }
}
