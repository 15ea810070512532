extension Geography {
    /// How far a small area's weights may sum from 1 before it is a problem.
    package static let weightTolerance = 1e-9

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
    package func check(districts: [String]?, reference: SmallAreaReference? = nil) -> [GeographyProblem] {
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
    package func validate(districts: [String]?, reference: SmallAreaReference? = nil) throws(GeographyCheckFailure) {
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
    ///
    /// Works on the lookup's numbers rather than its rows as text: keyed by pairs of codes,
    /// this check took a third of the publish stage on a national output-area lookup.
    private func rowProblems(_ lookup: Lookup, reference: SmallAreaReference?) -> [GeographyProblem] {
        let file = lookup.file.path
        var problems: [GeographyProblem] = []
        let areaPositions = areaPositionsByLookup[lookup.level] ?? []
        let districtCodesByName = Dictionary(areas.map { ($0.districtName, $0.districtCode) }, uniquingKeysWith: { first, _ in first })
        let checksDistricts = reference != nil || lookup.hasNames

        // The line of the earlier row with the same small area and area, for each repeat.
        var firstLineOfPair = [Int32](repeating: -1, count: lookup.rowCount)
        for position in 0..<lookup.codeCount {
            let rows = lookup.rows(ofCodeAt: position)
            guard rows.count > 1 else { continue }
            for (offset, row) in zip(rows.indices, rows) where firstLineOfPair[Int(row)] < 0 {
                for later in rows[(offset + 1)...] where lookup.rowAreas[Int(later)] == lookup.rowAreas[Int(row)] && firstLineOfPair[Int(later)] < 0 {
                    firstLineOfPair[Int(later)] = lookup.rowLines[Int(row)]
                }
            }
        }

        // The codes are made only for a problem or the district check: this runs for every
        // row of the lookups (188,880 in a national output-area lookup).
        for row in 0..<lookup.rowCount {
            var code: String { lookup.code(at: Int(lookup.rowCodes[row])) }
            var areaCode: String { lookup.areaCodes[Int(lookup.rowAreas[row])] }
            let line = Int(lookup.rowLines[row])
            func report(_ kind: GeographyProblem.Kind) {
                problems.append(GeographyProblem(kind, file: file, line: line))
            }
            if firstLineOfPair[row] >= 0 {
                // Left out of the sum below, so one mistake gives one problem.
                report(.rowRepeated(code: code, area: areaCode, firstLine: Int(firstLineOfPair[row])))
                continue
            }
            let weight = lookup.rowWeights[row]
            if !(weight > 0) {
                report(.weightNotPositive(code: code, area: areaCode, weight: weight))
            }
            let areaPosition = areaPositions[Int(lookup.rowAreas[row])]
            guard areaPosition >= 0 else {
                report(.unknownArea(code: code, area: areaCode, areasFile: areasFile.path))
                continue
            }
            guard checksDistricts else { continue }
            let area = areas[areaPosition]
            let smallArea = code
            let home = reference?.district(of: smallArea, at: lookup.level)
                ?? lookup.name(of: smallArea).flatMap(SmallAreaName.district).flatMap { districtCodesByName[$0] }
            if let home, home != area.districtCode {
                report(.mappedOutsideItsDistrict(code: smallArea, district: home, area: area.code, areaDistrict: area.districtCode))
            }
        }

        for position in 0..<lookup.codeCount {
            // The common case, one row of weight 1, needs no sum and no array.
            let all = lookup.rows(ofCodeAt: position)
            if all.count == 1, firstLineOfPair[Int(all.first!)] < 0, lookup.rowWeights[Int(all.first!)] == 1 { continue }
            let rows = all.filter { firstLineOfPair[Int($0)] < 0 }
            if rows.count == 1, lookup.rowWeights[Int(rows[0])] == 1 { continue }
            let sum = rows.reduce(0) { $0 + lookup.rowWeights[Int($1)] }
            if abs(sum - 1) > Geography.weightTolerance {
                let shares = rows.map { AreaShare(areaCode: lookup.areaCodes[Int(lookup.rowAreas[Int($0)])], weight: lookup.rowWeights[Int($0)]) }
                problems.append(GeographyProblem(
                    .weightsDoNotSumToOne(code: lookup.code(at: position), sum: sum, shares: shares, lines: rows.map { Int(lookup.rowLines[Int($0)]) }),
                    file: file, line: Int(lookup.rowLines[Int(rows[0])])))
            }
        }
        return problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
    }

    private func reachProblems(_ lookup: Lookup) -> [GeographyProblem] {
        let areaPositions = areaPositionsByLookup[lookup.level] ?? []
        var reached = [Bool](repeating: false, count: areas.count)
        for area in lookup.rowAreas where areaPositions[Int(area)] >= 0 { reached[areaPositions[Int(area)]] = true }
        return areas.indices.filter { !reached[$0] }.map { position in
            let area = areas[position]
            return GeographyProblem(.areaNotReached(area: area.code, name: area.name, level: lookup.level), file: lookup.file.path)
        }
    }

    private func coverageProblems(_ lookup: Lookup, reference: SmallAreaReference, districts: Set<String>) -> [GeographyProblem] {
        reference.codes(at: lookup.level, in: districts).compactMap { code in
            guard lookup.position(of: code) == nil else { return nil }
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
