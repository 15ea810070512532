/// The age bands of a life table or a standardisation: the start age of each band, youngest
/// first, the last band open (90+). Band i covers ages startAges[i] to startAges[i+1] - 1.
///
/// `standard` is the 20 bands that ONS and PHEindicatormethods' `phe_life_expectancy` use:
/// 0, 1-4, 5-9, ..., 85-89, 90+. Another list suits a standard population with other bands
/// (the 19 bands 0-4, 5-9, ..., 90+ of PHEindicatormethods' `esp2013`, say).
package struct AgeBandScheme: Hashable, Sendable, CustomStringConvertible {
    /// The first age of each band, rising.
    package let startAges: [Int]

    /// The 20 standard bands: 0, 1-4, 5-9, 10-14, ..., 85-89, 90+.
    package static let standard = AgeBandScheme(checked: [0, 1] + Array(stride(from: 5, through: 90, by: 5)))

    /// A scheme from its start ages: at least one band, at most 64, rising from 0 or above.
    package init(startAges: [Int]) throws(AgeBandError) {
        guard !startAges.isEmpty else { throw .invalidScheme("no bands") }
        guard startAges.count <= 64 else { throw .invalidScheme("\(startAges.count) bands, more than 64") }
        guard startAges[0] >= 0 else { throw .invalidScheme("a negative start age, \(startAges[0])") }
        for (earlier, later) in zip(startAges, startAges.dropFirst()) where later <= earlier {
            throw .invalidScheme("start age \(later) does not follow \(earlier) in rising order")
        }
        self.init(checked: startAges)
    }

    private init(checked startAges: [Int]) {
        self.startAges = startAges
    }

    /// How many bands there are.
    package var count: Int { startAges.count }

    /// The band at a position, 0 for the youngest.
    package func band(_ index: Int) -> AgeBand {
        AgeBand(index: index, start: startAges[index], end: index + 1 < count ? startAges[index + 1] - 1 : nil)
    }

    /// Every band, youngest first.
    package var bands: [AgeBand] { startAges.indices.map(band) }

    /// The position of the band that starts at `age`; nil when no band does.
    package func index(startingAt age: Int) -> Int? {
        startAges.firstIndex(of: age)
    }

    /// The position of the band a label names: its start age must be a band's, a range must end
    /// where that band ends, and an open label ("90+") must name the last band.
    package func index(of label: AgeBandLabel) -> Int? {
        guard let index = index(startingAt: label.start) else { return nil }
        let end = band(index).end
        switch label.upper {
        case .unstated: return index
        case .through(let last): return end == last ? index : nil
        case .open: return end == nil ? index : nil
        }
    }

    /// The position of the band a publisher's label names ("1-4", "90 +", "Under 1").
    ///
    /// A stage reading many rows keeps the positions of the few labels it meets in a dictionary
    /// rather than reading each label again.
    package func index(labelled text: some StringProtocol) throws(AgeBandError) -> Int {
        guard let label = AgeBandLabel(text) else { throw .unknownLabel(String(text)) }
        guard let index = index(of: label) else { throw .labelNotInScheme(String(text), scheme: description) }
        return index
    }

    /// The bands as a list, "0, 1-4, 5-9, ..., 90+".
    package var description: String {
        bands.map(\.label).joined(separator: ", ")
    }
}
