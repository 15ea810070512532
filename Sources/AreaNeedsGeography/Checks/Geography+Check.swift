extension Geography {
    /// How far a small area's weights may sum from 1 before it is a problem.
    public static let weightTolerance = 1e-9

    /// Every problem found in the areas table and the lookups, in file order within each check.
    ///
    /// Always: rows the loader could not use; every area in exactly one district, once; no
    /// repeated lookup rows; weights above 0 that sum to 1 for each small area; no row
    /// mapping to an unknown area; every area reached by each lookup; no small area mapped
    /// outside its district (known from `reference`, or from names such as "Burnley 001A").
    ///
    /// With `districts`: each has areas, and no area lies elsewhere. With `reference`:
    /// every small area it lists in `districts` (all the areas' districts when nil) is mapped,
    /// and every 2021 LSOA it lists resolves.
    public func check(districts: [String]?, reference: SmallAreaReference? = nil) -> [GeographyProblem] {
        var problems = readProblems
        problems += areaProblems()
        if let districts { problems += districtProblems(districts) }
        let covered = Set(districts ?? districtCodes)
        for level in GeographyLevel.allCases {
            guard let lookup = lookups[level] else { continue }
            problems += rowProblems(lookup, reference: reference)
            problems += reachProblems(lookup)
            if let reference { problems += coverageProblems(lookup, reference: reference, districts: covered) }
        }
        if let reference, lookups[.lsoa21] == nil, let lsoa11 = lookups[.lsoa11] {
            problems += lsoa21Problems(reference: reference, districts: covered, file: lsoa11.file.path)
        }
        return problems
    }

    /// Throws every problem `check` finds, if it finds any.
    public func validate(districts: [String]?, reference: SmallAreaReference? = nil) throws(GeographyCheckFailure) {
        let problems = check(districts: districts, reference: reference)
        if !problems.isEmpty { throw GeographyCheckFailure(problems: problems) }
    }

    private func areaProblems() -> [GeographyProblem] {
        var problems: [GeographyProblem] = []
        var firstRow: [String: (line: Int, area: Area)] = [:]
        var districtName: [String: (line: Int, name: String)] = [:]
        for (line, area) in areaRows {
            func report(_ kind: GeographyProblem.Kind) {
                problems.append(GeographyProblem(kind, file: areasFile.path, line: line))
            }
            if let first = firstRow[area.code] {
                if first.area.districtCode == area.districtCode {
                    report(.areaRepeated(area: area.code, firstLine: first.line))
                } else {
                    report(.areaInTwoDistricts(
                        area: area.code, district: area.districtCode, otherDistrict: first.area.districtCode, firstLine: first.line))
                }
            } else {
                firstRow[area.code] = (line, area)
            }
            if let known = districtName[area.districtCode] {
                if known.name != area.districtName {
                    report(.districtNamedTwice(
                        district: area.districtCode, name: area.districtName, otherName: known.name, firstLine: known.line))
                }
            } else {
                districtName[area.districtCode] = (line, area.districtName)
            }
        }
        return problems
    }

    private func districtProblems(_ districts: [String]) -> [GeographyProblem] {
        var problems: [GeographyProblem] = []
        for district in districts where areaCodesByDistrict[district] == nil {
            problems.append(GeographyProblem(.districtWithoutAreas(district: district), file: areasFile.path))
        }
        let named = Set(districts)
        for (line, area) in areaRows where !named.contains(area.districtCode) {
            problems.append(GeographyProblem(
                .areaOutsideDistricts(area: area.code, district: area.districtCode, districts: districts),
                file: areasFile.path, line: line))
        }
        return problems
    }

    /// Problems within rows: repeats, weights, unknown areas, areas of another district.
    private func rowProblems(_ lookup: Lookup, reference: SmallAreaReference?) -> [GeographyProblem] {
        let file = lookup.file.path
        var problems: [GeographyProblem] = []
        var firstLine: [[String]: Int] = [:]
        var rowsByCode: [String: [LookupRow]] = [:]
        var codeOrder: [String] = []
        let districtCodesByName = Dictionary(areas.map { ($0.districtName, $0.districtCode) }, uniquingKeysWith: { first, _ in first })

        for row in lookup.rows {
            func report(_ kind: GeographyProblem.Kind) {
                problems.append(GeographyProblem(kind, file: file, line: row.line))
            }
            if let first = firstLine[[row.code, row.areaCode]] {
                // Left out of the sum below, so one mistake gives one problem.
                report(.rowRepeated(code: row.code, area: row.areaCode, firstLine: first))
                continue
            }
            firstLine[[row.code, row.areaCode]] = row.line
            if rowsByCode[row.code] == nil { codeOrder.append(row.code) }
            rowsByCode[row.code, default: []].append(row)

            if !(row.weight > 0) {
                report(.weightNotPositive(code: row.code, area: row.areaCode, weight: row.weight))
            }
            guard let area = area(row.areaCode) else {
                report(.unknownArea(code: row.code, area: row.areaCode, areasFile: areasFile.path))
                continue
            }
            let home = reference?.district(of: row.code, at: lookup.level)
                ?? row.name.flatMap(SmallAreaName.district).flatMap { districtCodesByName[$0] }
            if let home, home != area.districtCode {
                report(.mappedOutsideItsDistrict(code: row.code, district: home, area: area.code, areaDistrict: area.districtCode))
            }
        }

        for code in codeOrder {
            let rows = rowsByCode[code]!
            let sum = rows.reduce(0) { $0 + $1.weight }
            if abs(sum - 1) > Geography.weightTolerance {
                let shares = rows.map { AreaShare(areaCode: $0.areaCode, weight: $0.weight) }
                problems.append(GeographyProblem(
                    .weightsDoNotSumToOne(code: code, sum: sum, shares: shares, lines: rows.map(\.line)),
                    file: file, line: rows[0].line))
            }
        }
        return problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
    }

    private func reachProblems(_ lookup: Lookup) -> [GeographyProblem] {
        let reached = Set(lookup.rows.map(\.areaCode))
        return areas.filter { !reached.contains($0.code) }.map { area in
            GeographyProblem(.areaNotReached(area: area.code, name: area.name, level: lookup.level), file: lookup.file.path)
        }
    }

    private func coverageProblems(_ lookup: Lookup, reference: SmallAreaReference, districts: Set<String>) -> [GeographyProblem] {
        reference.codes(at: lookup.level, in: districts).compactMap { code in
            guard lookup.shares(for: code) == nil else { return nil }
            let district = reference.district(of: code, at: lookup.level)!
            return GeographyProblem(.smallAreaNotMapped(code: code, level: lookup.level, district: district), file: lookup.file.path)
        }
    }

    private func lsoa21Problems(reference: SmallAreaReference, districts: Set<String>, file: String) -> [GeographyProblem] {
        reference.codes(at: .lsoa21, in: districts).compactMap { code in
            guard resolveLsoa21(code, name: reference.name(of: code, at: .lsoa21)).route == .unresolved else { return nil }
            let district = reference.district(of: code, at: .lsoa21)!
            return GeographyProblem(.lsoa21Unresolved(code: code, district: district), file: file)
        }
    }
}
