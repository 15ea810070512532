import AreaNeedsRelease
import Foundation
import Testing

@Suite("JSON documents")
struct JSONValueTests {
    /// JSON has no infinity or NaN: such a number (from a release edited by hand) is null,
    /// and the rest of the document is written, not an empty one.
    @Test(arguments: [Double.infinity, -Double.infinity, Double.nan])
    func numbersThatAreNotFiniteAreNull(number: Double) throws {
        let document = JSONValue.object(["value": .number(number), "code": .string("A1"), "rank": .integer(3)])
        let text = String(decoding: document.encoded(), as: UTF8.self)
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) == .object(["value": .null, "code": .string("A1"), "rank": .integer(3)]))
    }

    @Test func finiteNumbersAreWritten() throws {
        let text = String(decoding: JSONValue.array([.number(0.1), .number(-1e300)]).encoded(), as: UTF8.self)
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) == .array([.number(0.1), .number(-1e300)]))
    }
}
