/// One area's standing on one indicator or objective in two releases, where its figure,
/// need rank or need quintile differs (both releases hold the area and the indicator or
/// objective).
public struct NeedChange: Sendable, Equatable {
    /// What the standing is on.
    public enum Subject: Sendable, Equatable, Hashable {
        case indicator(id: String)
        case objective(id: Int)
    }

    /// An area's figure, need rank and need quintile in one release; nil where it has none.
    /// For an objective the figure is the mean need rank of its indicators.
    public struct Standing: Sendable, Equatable {
        public var value: Double?
        public var rank: Int?
        public var quintile: Int?

        public init(value: Double?, rank: Int?, quintile: Int?) {
            self.value = value
            self.rank = rank
            self.quintile = quintile
        }
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
    public var from: Standing
    public var to: Standing

    public init(areaCode: String, areaName: String, subject: Subject, subjectTitle: String, from: Standing, to: Standing) {
        self.areaCode = areaCode
        self.areaName = areaName
        self.subject = subject
        self.subjectTitle = subjectTitle
        self.from = from
        self.to = to
    }

    /// Whether the figure itself changed; when only the rank moved, other areas' figures did.
    public var valueChanged: Bool { from.value != to.value }

    /// Whether the need quintile changed.
    public var quintileChanged: Bool { from.quintile != to.quintile }

    /// Whether the area crossed the highest-need line; nil when it stayed on one side.
    public var crossing: Crossing? {
        switch (NeedChange.isHighestNeed(from.quintile), NeedChange.isHighestNeed(to.quintile)) {
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
