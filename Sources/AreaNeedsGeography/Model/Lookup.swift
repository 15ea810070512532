/// A lookup as read: its rows in file order, and the areas each small area maps to.
public struct Lookup: Sendable {
    /// The file it was read from.
    public let file: LookupFile
    /// The rows that hold a code, an area and a weight; rows missing one are reported by
    /// `Geography.check` instead.
    public let rows: [LookupRow]
    private let sharesByCode: [String: [AreaShare]]
    private let namesByCode: [String: String]
    /// Small-area codes by name, for names that belong to one code only.
    private let codesByName: [String: String]

    /// The geography the lookup maps from.
    public var level: GeographyLevel { file.level }

    init(file: LookupFile, rows: [LookupRow]) {
        self.file = file
        self.rows = rows
        var shares: [String: [AreaShare]] = [:]
        var names: [String: String] = [:]
        var codesByName: [String: String] = [:]
        var ambiguousNames: Set<String> = []
        for row in rows {
            shares[row.code, default: []].append(AreaShare(areaCode: row.areaCode, weight: row.weight))
            guard let name = row.name, !name.isEmpty else { continue }
            if names[row.code] == nil { names[row.code] = name }
            if let known = codesByName[name], known != row.code { ambiguousNames.insert(name) }
            codesByName[name] = codesByName[name] ?? row.code
        }
        // A name shared by two codes cannot say which one is meant.
        for name in ambiguousNames { codesByName[name] = nil }
        sharesByCode = shares
        namesByCode = names
        self.codesByName = codesByName
    }

    /// The areas `code` maps to, with weights; nil when the lookup does not know it.
    public func shares(for code: String) -> [AreaShare]? {
        sharesByCode[code]
    }

    /// The small area's name, when the lookup has a name column.
    public func name(of code: String) -> String? {
        namesByCode[code]
    }

    /// The small area with this name, when exactly one has it.
    public func code(named name: String) -> String? {
        codesByName[name]
    }

    /// The distinct small-area codes, in the order they first appear.
    public var codes: [String] {
        var seen: Set<String> = []
        return rows.compactMap { seen.insert($0.code).inserted ? $0.code : nil }
    }

    /// How many distinct small areas map (wholly or in part) to each area.
    public func smallAreaCounts() -> [String: Int] {
        var pairs: Set<[String]> = []
        var counts: [String: Int] = [:]
        for row in rows where pairs.insert([row.code, row.areaCode]).inserted {
            counts[row.areaCode, default: 0] += 1
        }
        return counts
    }
}
