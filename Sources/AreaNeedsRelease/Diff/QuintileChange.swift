/// One area whose need quintile on one indicator or objective differs between two
/// releases (both releases hold the area and the indicator or objective).
public struct QuintileChange: Sendable, Equatable {
    /// What the quintile is of.
    public enum Subject: Sendable, Equatable, Hashable {
        case indicator(id: String)
        case objective(id: Int)
    }

    /// Which way an area crossed the highest-need line (quintile 2 to 3, or back).
    public enum Crossing: String, Sendable, Equatable {
        /// Now in quintile 1 or 2, before not (or not ranked).
        case into
        /// Before in quintile 1 or 2, now not (or not ranked).
        case outOf = "out_of"
    }

    public var areaCode: String
    public var areaName: String
    public var subject: Subject
    /// The indicator's title, or the objective's short name.
    public var subjectTitle: String
    /// Nil when the area had no rank (no value).
    public var from: Int?
    public var to: Int?

    public init(areaCode: String, areaName: String, subject: Subject, subjectTitle: String, from: Int?, to: Int?) {
        self.areaCode = areaCode
        self.areaName = areaName
        self.subject = subject
        self.subjectTitle = subjectTitle
        self.from = from
        self.to = to
    }

    /// Whether the area crossed the highest-need line; nil when it stayed on one side.
    public var crossing: Crossing? {
        switch (QuintileChange.isHighestNeed(from), QuintileChange.isHighestNeed(to)) {
        case (false, true): .into
        case (true, false): .outOf
        default: nil
        }
    }

    /// Quintile 1 or 2: a community with the highest needs. No rank is not.
    public static func isHighestNeed(_ quintile: Int?) -> Bool {
        quintile.map { $0 <= 2 } ?? false
    }
}
