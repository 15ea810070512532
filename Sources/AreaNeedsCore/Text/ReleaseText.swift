import AreaNeedsGeography
import AreaNeedsMethods

/// The closed sets of values a release holds as text: polarity, aggregation method,
/// source geography, quality and the comparison with the county.
///
/// Everywhere else these values travel as their types, from the pipeline file (which reads
/// them by the same names) to the report; they are written as text, and read back, only
/// through this codec, and the release's schema lists each column's allowed values from
/// it. A new value is a new case of its type, nothing more.
package enum ReleaseText {
    /// The text of a value.
    package static func text<Value: ReleaseTextValue>(_ value: Value) -> String {
        value.rawValue
    }

    /// The value a text stands for; nil when it stands for none.
    package static func value<Value: ReleaseTextValue>(_ text: String, as type: Value.Type = Value.self) -> Value? {
        Value(rawValue: text)
    }

    /// The text of every value, in the order the type declares them.
    package static func texts<Value: ReleaseTextValue>(of type: Value.Type) -> [String] {
        Value.allCases.map(text)
    }
}

/// A closed set of values a release writes as text (`ReleaseText`).
package protocol ReleaseTextValue: RawRepresentable<String>, CaseIterable, Sendable {}

extension Polarity: ReleaseTextValue {}
extension AggregationMethod: ReleaseTextValue {}
extension GeographyLevel: ReleaseTextValue {}
extension Quality: ReleaseTextValue {}
extension CountyComparison: ReleaseTextValue {}
