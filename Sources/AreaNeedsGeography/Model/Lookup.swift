import AreaNeedsTables

/// A lookup as read: its rows in file order, and the areas each small area maps to.
///
/// Stored compactly, as numbers in a few arrays rather than a value per row: a national
/// output-area lookup has 188,880 rows, which as `LookupRow`s and an array of shares per
/// code took over 30 MB and most of the time of loading the geography. A class, so that
/// reaching it for every row of a source copies no arrays.
package final class Lookup: Sendable {
    /// The file it was read from.
    package let file: LookupFile
    /// The distinct small-area codes, in the order they first appear: made on each call,
    /// as the lookup keeps them packed (`codeCount` and `code(at:)` make none).
    package var codes: [String] { positionOfCode.keys.map(\.text) }
    /// How many distinct small-area codes there are.
    package var codeCount: Int { positionOfCode.count }
    /// The small-area code at `position` in `codes`.
    package func code(at position: Int) -> String { positionOfCode.key(at: position).text }
    /// Each code's position in `codes`.
    let positionOfCode: CodeMap<Int32>
    /// The distinct area codes the rows name, in the order they first appear.
    let areaCodes: [String]
    // The rows, in file order: line, small area (position in `codes`), area (position in
    // `areaCodes`) and weight.
    let rowLines: [Int32]
    let rowCodes: [Int32]
    let rowAreas: [Int32]
    let rowWeights: [Double]
    /// The rows of each small area: `rowsByCode[rowsStart[c]..<rowsStart[c + 1]]` for code `c`.
    let rowsStart: [Int32]
    let rowsByCode: [Int32]
    private let namesByCode: [String: String]
    /// Small-area codes by name, for names that belong to one code only.
    private let codesByName: [String: String]

    /// The geography the lookup maps from.
    package var level: GeographyLevel { file.level }

    /// How many rows the lookup has.
    package var rowCount: Int { rowLines.count }

    /// The rows that hold a code, an area and a weight, in file order; rows missing one
    /// are reported by `Geography.check` instead. Made on demand: for a national lookup
    /// this is a large array.
    package var rows: [LookupRow] {
        rowLines.indices.map(row)
    }

    private func row(_ row: Int) -> LookupRow {
        let smallArea = code(at: Int(rowCodes[row]))
        return LookupRow(line: Int(rowLines[row]), code: smallArea, name: namesByCode[smallArea], areaCode: areaCodes[Int(rowAreas[row])],
                         weight: rowWeights[row])
    }

    init(file: LookupFile, builder: consuming Builder) {
        self.file = file
        positionOfCode = builder.positionOfCode
        areaCodes = builder.areaCodes
        rowLines = builder.rowLines
        rowCodes = builder.rowCodes
        rowAreas = builder.rowAreas
        rowWeights = builder.rowWeights
        // Group the rows by small area, keeping file order within each.
        let codeCount = positionOfCode.count
        var start = [Int32](repeating: 0, count: codeCount + 1)
        for code in rowCodes { start[Int(code) + 1] += 1 }
        for index in 0..<codeCount { start[index + 1] += start[index] }
        var next = start
        var grouped = [Int32](repeating: 0, count: rowCodes.count)
        for (row, code) in rowCodes.enumerated() {
            grouped[Int(next[Int(code)])] = Int32(row)
            next[Int(code)] += 1
        }
        rowsStart = start
        rowsByCode = grouped
        var codesByName: [String: String] = [:]
        var ambiguousNames: Set<String> = []
        for (code, name) in builder.names {
            if let known = codesByName[name], known != code { ambiguousNames.insert(name) }
            codesByName[name] = codesByName[name] ?? code
        }
        // A name shared by two codes cannot say which one is meant.
        for name in ambiguousNames { codesByName[name] = nil }
        namesByCode = Dictionary(builder.names, uniquingKeysWith: { first, _ in first })
        self.codesByName = codesByName
    }

    /// The position of `code` in `codes`; nil when the lookup does not know it.
    func position(of code: String) -> Int? {
        positionOfCode.position(of: AreaCode(code))
    }

    /// The rows of the small area at `position` in `codes`, in file order.
    func rows(ofCodeAt position: Int) -> ArraySlice<Int32> {
        rowsByCode[Int(rowsStart[position])..<Int(rowsStart[position + 1])]
    }

    /// The areas `code` maps to, with weights; nil when the lookup does not know it.
    package func shares(for code: String) -> [AreaShare]? {
        guard let position = position(of: code) else { return nil }
        return rows(ofCodeAt: position).map { row in
            AreaShare(areaCode: areaCodes[Int(rowAreas[Int(row)])], weight: rowWeights[Int(row)])
        }
    }

    /// Whether any row gives its small area a name.
    var hasNames: Bool { !namesByCode.isEmpty }

    /// The small area's name, when the lookup has a name column.
    package func name(of code: String) -> String? {
        namesByCode[code]
    }

    /// The small area with this name, when exactly one has it.
    package func code(named name: String) -> String? {
        codesByName[name]
    }

    /// How many distinct small areas map (wholly or in part) to each area.
    package func smallAreaCounts() -> [String: Int] {
        var counts: [String: Int] = [:]
        for position in 0..<codeCount {
            var seen: Set<Int32> = []
            for row in rows(ofCodeAt: position) where seen.insert(rowAreas[Int(row)]).inserted {
                counts[areaCodes[Int(rowAreas[Int(row)])], default: 0] += 1
            }
        }
        return counts
    }

    /// Collects the rows of a lookup as they are read.
    struct Builder {
        var positionOfCode = CodeMap<Int32>()
        var areaCodes: [String] = []
        var positionOfArea = CodeMap<Int32>()
        var rowLines: [Int32] = []
        var rowCodes: [Int32] = []
        var rowAreas: [Int32] = []
        var rowWeights: [Double] = []
        /// The names rows give their small areas, in file order.
        var names: [(code: String, name: String)] = []
        /// The area of the row before.
        private var lastArea: Int32?

        /// Makes room for about `rows` rows (each small area in one row), so that reading a
        /// national lookup does not grow its arrays step by step: the steps left memory
        /// behind that the normalise stage then held (8 MB for the output-area lookup).
        mutating func reserveCapacity(rows: Int) {
            positionOfCode.reserveCapacity(rows)
            rowLines.reserveCapacity(rows)
            rowCodes.reserveCapacity(rows)
            rowAreas.reserveCapacity(rows)
            rowWeights.reserveCapacity(rows)
        }

        /// Adds a row.
        mutating func append(line: Int, code: AreaCode, name: String?, areaCode: AreaCode, weight: Double) {
            let position: Int32
            if let known = positionOfCode[code] {
                position = known
            } else {
                position = Int32(positionOfCode.count)
                positionOfCode[code] = position
            }
            // Consecutive rows usually name the same area: compare before hashing.
            let area: Int32
            if let lastArea, positionOfArea.code(at: Int(lastArea), is: areaCode) {
                area = lastArea
            } else if let known = positionOfArea[areaCode] {
                area = known
            } else {
                area = Int32(areaCodes.count)
                positionOfArea[areaCode] = area
                areaCodes.append(areaCode.text)
            }
            lastArea = area
            rowLines.append(Int32(clamping: line))
            rowCodes.append(position)
            rowAreas.append(area)
            rowWeights.append(weight)
            if let name, !name.isEmpty { names.append((code.text, name)) }
        }
    }
}
