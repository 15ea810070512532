/// One area's standing on one indicator or objective in two releases, where its figure,
/// need rank or need quintile differs (both releases hold the area and the indicator or
/// objective).
package struct NeedChange: Sendable, Equatable {
    /// What the standing is on.
    package enum Subject: Sendable, Equatable, Hashable {
        case indicator(id: String)
        case objective(id: Int)
    }

    /// An area's figure, need rank and need quintile in one release; nil where it has none.
    /// For an objective the figure is the mean need rank of its indicators.
    package struct Standing: Sendable, Equatable {
        package var value: Double?
        package var rank: Int?
        package var quintile: Int?

        package init(value: Double?, rank: Int?, quintile: Int?) {
            self.value = value
            self.rank = rank
            self.quintile = quintile
        }
    }

    /// Which way an area crossed the highest-need line (quintile 2 to 3, or back).
    package enum Crossing: String, Sendable, Equatable {
        /// Now in quintile 1 or 2, before not (or not ranked).
        case into
        /// Before in quintile 1 or 2, now not (or not ranked).
        case outOf = "out_of"
    }

    package var areaCode: String
    package var areaName: String
    package var subject: Subject
    /// The indicator's title, or the objective's short name.
    package var subjectTitle: String
    package var from: Standing
    package var to: Standing

    package init(areaCode: String, areaName: String, subject: Subject, subjectTitle: String, from: Standing, to: Standing) {
        self.areaCode = areaCode
        self.areaName = areaName
        self.subject = subject
        self.subjectTitle = subjectTitle
        self.from = from
        self.to = to
    }

    /// Whether the figure itself changed; when only the rank moved, other areas' figures did.
    package var valueChanged: Bool { from.value != to.value }

    /// Whether the need quintile changed.
    package var quintileChanged: Bool { from.quintile != to.quintile }

    /// Whether the area crossed the highest-need line; nil when it stayed on one side.
    package var crossing: Crossing? {
        switch (NeedChange.isHighestNeed(from.quintile), NeedChange.isHighestNeed(to.quintile)) {
        case (false, true): .into
        case (true, false): .outOf
        default: nil
        }
    }

    /// Quintile 1 or 2: a community with the highest needs. No rank is not.
    package static func isHighestNeed(_ quintile: Int?) -> Bool {
        quintile.map { $0 <= 2 } ?? false
    }
}
