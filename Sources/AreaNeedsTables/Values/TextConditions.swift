#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Columns and the texts each must hold (or must not), tested on a record in one call, byte
/// for byte, with no `String` made: the row filters of a long table (`where:`), tested on
/// every row.
///
///     let conditions = TextConditions([.init(column: indicator, texts: ["Claimant Count"], holds: true)])
///     if conditions.firstFailed(record) == nil { ... }        // the row meets them all
///
/// Texts and fields are compared without the spaces and tabs around them, and otherwise
/// exactly (case and inner spaces count).
package struct TextConditions: Sendable {
    /// One column and its texts: the field must hold one of them (`holds`), or none.
    package struct Condition: Sendable {
        package var column: TableColumn
        package var texts: [String]
        package var holds: Bool

        package init(column: TableColumn, texts: [String], holds: Bool) {
            self.column = column
            self.texts = texts
            self.holds = holds
        }
    }

    /// The conditions laid out for testing in one pass: for each, its column's position,
    /// 1 if the field must hold a text (0 if it must hold none), its number of texts, then
    /// each text's length and where its bytes start in `bytes`.
    private let plan: [Int]
    private let bytes: [UInt8]
    package let count: Int

    package init(_ conditions: [Condition]) {
        var plan: [Int] = []
        var bytes: [UInt8] = []
        for condition in conditions {
            plan += [condition.column.index, condition.holds ? 1 : 0, condition.texts.count]
            for text in condition.texts {
                let utf8 = Array(text.trimmingWhitespace().utf8)
                plan += [utf8.count, bytes.count]
                bytes += utf8
            }
        }
        self.plan = plan
        self.bytes = bytes
        count = conditions.count
    }

    /// The first condition the record does not meet; nil when it meets them all.
    package func firstFailed(_ record: TableRecord) -> Int? {
        plan.withUnsafeBufferPointer { plan in
            bytes.withUnsafeBytes { texts in
                var at = 0
                for condition in 0..<count {
                    let field = record.fields.field(plan[at])
                    var (start, length) = (0, field.count)
                    if length > 0 {
                        let (first, last) = (field[0], field[length - 1])
                        if first == .space || first == .tab || last == .space || last == .tab { (start, length) = TextConditions.trimmed(field) }
                    }
                    let holds = plan[at + 1] == 1
                    let end = at + 3 + 2 * plan[at + 2]
                    var found = false
                    var text = at + 3
                    while text < end {
                        if plan[text] == length && (length == 0 || memcmp(texts.baseAddress! + plan[text + 1], field.baseAddress! + start, length) == 0) {
                            found = true
                            break
                        }
                        text += 2
                    }
                    if found != holds { return condition }
                    at = end
                }
                return nil
            }
        }
    }

    /// Where a field's text starts and how long it is, without the spaces and tabs around it.
    @inline(never)
    private static func trimmed(_ field: UnsafeRawBufferPointer) -> (start: Int, length: Int) {
        var start = 0
        var end = field.count
        while start < end, field[start] == .space || field[start] == .tab { start += 1 }
        while end > start, field[end - 1] == .space || field[end - 1] == .tab { end -= 1 }
        return (start, end - start)
    }
}
