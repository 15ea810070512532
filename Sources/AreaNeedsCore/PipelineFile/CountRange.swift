/// How many of something a pipeline expects, at least and at most: `{min: 30, max: 40}`.
/// Either end may be left out.
public struct CountRange: Codable, Sendable, Equatable {
    package var min: Int?
    package var max: Int?

    enum CodingKeys: String, CodingKey, CaseIterable { case min, max }

    package init(min: Int? = nil, max: Int? = nil) {
        self.min = min
        self.max = max
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        min = try container.decodeIfPresent(Int.self, forKey: .min)
        max = try container.decodeIfPresent(Int.self, forKey: .max)
    }

    /// Whether `count` is in the range.
    package func contains(_ count: Int) -> Bool {
        (min.map { count >= $0 } ?? true) && (max.map { count <= $0 } ?? true)
    }

    /// "at least 30", "at most 40", "between 30 and 40".
    public var description: String {
        switch (min, max) {
        case let (low?, high?): low == high ? "exactly \(low)" : "between \(low) and \(high)"
        case let (low?, nil): "at least \(low)"
        case let (nil, high?): "at most \(high)"
        case (nil, nil): "any number"
        }
    }
}
