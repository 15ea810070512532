import AreaNeedsMethods
import AreaNeedsTables

/// The fields of every row of the indicator need table, laid end to end in memory of their
/// own: cell `position * areaCount + area` for indicator `position` and area `area`.
///
/// Reached through plain pointers, a row costs no reference counting (it had cost fifteen
/// retains and releases a row). The figure text is moved out of the normalised tables as it
/// is laid here, one table at a time, so the stage never holds it twice.
///
/// Sendable as it is never written after `init`: the two tables are written from it at once.
final class NeedRows: @unchecked Sendable {
    private let codes: PackedFields
    private let ids: PackedFields
    private let figures: UnsafeMutableRawBufferPointer
    /// Where each cell's figures end in `figures`.
    private let figureEnds: UnsafeMutableBufferPointer<Int32>
    /// Each cell's quality, by its place in `qualities`.
    private let qualityCodes: UnsafeMutableBufferPointer<UInt8>
    private let qualities: PackedFields
    /// Each cell's rank and quintile, 0 for none: nationally, and within districts when
    /// the pipeline ranks within them (else empty).
    private let nationalRanks: UnsafeMutableBufferPointer<Int32>
    private let nationalQuintiles: UnsafeMutableBufferPointer<UInt8>
    private let districtRanks: UnsafeMutableBufferPointer<Int32>
    private let districtQuintiles: UnsafeMutableBufferPointer<UInt8>
    /// Each cell's comparison with the county; nil when not compared.
    private let comparisons: [CountyComparison?]
    /// Whether the cells have ranks within districts as well as national ones.
    let ranksWithinDistricts: Bool

    /// Lays out the rows of `tables` (whose figure text is moved here, leaving them without)
    /// and their `ranks`, one per table, each with ranks within districts when
    /// `ranksWithinDistricts`.
    init(areaCodes: [String], ids: [String], tables: inout [NormalisedTable],
         ranks: [(national: AreaRanks, withinDistrict: AreaRanks?)], comparisons: [[CountyComparison?]], ranksWithinDistricts: Bool) {
        precondition(ranks.count == tables.count && ids.count == tables.count, "one id and one set of ranks per table")
        precondition(comparisons.count == tables.count && comparisons.allSatisfy { $0.count == areaCodes.count }, "a comparison per cell")
        self.comparisons = comparisons.flatMap { $0 }
        precondition(ranks.allSatisfy { ($0.withinDistrict != nil) == ranksWithinDistricts }, "ranks within districts for every table or none")
        let cells = tables.count * areaCodes.count
        codes = PackedFields(areaCodes.map(TableRow.encoded))
        self.ids = PackedFields(ids.map(TableRow.encoded))
        let byteCount = tables.reduce(0) { $0 + $1.figureByteCount }
        precondition(byteCount < Int(Int32.max), "the figures of a need table are under 2 GB")
        let figures = UnsafeMutableRawBufferPointer.allocate(byteCount: byteCount, alignment: 16)
        let figureEnds = UnsafeMutableBufferPointer<Int32>.allocate(capacity: cells)
        let qualityCodes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: cells)
        // Every table's few qualities in one list; first the empty one, of a cell without a value.
        var qualityTexts = [""]
        var offset = 0
        for position in tables.indices {
            let (text, ends) = tables[position].takeFigures()
            text.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: figures[offset..<(offset + $0.count)]).copyMemory(from: $0) }
            let table = tables[position]
            let places = table.qualities.map { quality in
                if let known = qualityTexts.firstIndex(of: quality) { return UInt8(known) }
                qualityTexts.append(quality)
                return UInt8(qualityTexts.count - 1)
            }
            for area in areaCodes.indices {
                let cell = position * areaCodes.count + area
                figureEnds[cell] = Int32(offset) + ends[area]
                qualityCodes[cell] = table.hasValue(area) ? places[table.qualityCode(area)] : 0
            }
            offset += text.count
        }
        (self.figures, self.figureEnds, self.qualityCodes) = (figures, figureEnds, qualityCodes)
        qualities = PackedFields(qualityTexts.map(TableRow.encoded))
        self.ranksWithinDistricts = ranksWithinDistricts
        let districtCells = ranksWithinDistricts ? cells : 0
        (nationalRanks, nationalQuintiles) = (.allocate(capacity: cells), .allocate(capacity: cells))
        (districtRanks, districtQuintiles) = (.allocate(capacity: districtCells), .allocate(capacity: districtCells))
        for buffer in [nationalRanks, districtRanks] { buffer.initialize(repeating: 0) }
        for buffer in [nationalQuintiles, districtQuintiles] { buffer.initialize(repeating: 0) }
        for (position, tableRanks) in ranks.enumerated() {
            precondition(tableRanks.national.count == areaCodes.count, "a rank for every area")
            let start = position * areaCodes.count
            tableRanks.national.copy(to: nationalRanks, quintiles: nationalQuintiles, from: start)
            tableRanks.withinDistrict?.copy(to: districtRanks, quintiles: districtQuintiles, from: start)
        }
    }

    deinit {
        figures.deallocate()
        figureEnds.deallocate()
        qualityCodes.deallocate()
        nationalRanks.deallocate()
        nationalQuintiles.deallocate()
        districtRanks.deallocate()
        districtQuintiles.deallocate()
    }

    /// The CSV field of area `area`'s code.
    func code(_ area: Int) -> UnsafeRawBufferPointer { codes[area] }
    /// The CSV field of indicator `position`'s id.
    func id(_ position: Int) -> UnsafeRawBufferPointer { ids[position] }

    /// The figure columns of a cell, as CSV.
    func figures(_ cell: Int) -> UnsafeRawBufferPointer {
        let start = cell == 0 ? 0 : Int(figureEnds[cell - 1])
        return UnsafeRawBufferPointer(rebasing: figures[start..<Int(figureEnds[cell])])
    }

    /// The CSV field of a cell's quality (empty without a value).
    func quality(_ cell: Int) -> UnsafeRawBufferPointer { qualities[Int(qualityCodes[cell])] }

    /// A cell's comparison with the county; nil when not compared.
    func comparison(_ cell: Int) -> CountyComparison? { comparisons[cell] }

    /// A cell's national rank and quintile; 0 for none.
    func nationalRank(_ cell: Int) -> (rank: Int32, quintile: UInt8) { (nationalRanks[cell], nationalQuintiles[cell]) }

    /// A cell's rank and quintile within its district; 0 for none. Only when `ranksWithinDistricts`.
    func districtRank(_ cell: Int) -> (rank: Int32, quintile: UInt8) {
        precondition(ranksWithinDistricts, "the cells have ranks within districts")
        return (districtRanks[cell], districtQuintiles[cell])
    }
}

/// A few fields end to end in memory of their own: field `i` ends at `ends[i]`.
private final class PackedFields {
    private let text: UnsafeMutableRawBufferPointer
    private let ends: UnsafeMutableBufferPointer<Int>

    init(_ fields: [[UInt8]]) {
        text = .allocate(byteCount: fields.reduce(0) { $0 + $1.count }, alignment: 16)
        ends = .allocate(capacity: fields.count)
        var offset = 0
        for (index, field) in fields.enumerated() {
            field.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: text[offset..<(offset + $0.count)]).copyMemory(from: $0) }
            offset += field.count
            ends[index] = offset
        }
    }

    deinit {
        text.deallocate()
        ends.deallocate()
    }

    subscript(index: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: text[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
    }
}
