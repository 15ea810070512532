import AreaNeedsTables

/// Something wrong with an areas table or a lookup, said for people: what, where (file,
/// line, codes) and what to do.
package struct GeographyProblem: Error, CustomStringConvertible, Sendable, Hashable {
    /// What is wrong.
    package enum Kind: Sendable, Hashable {
        /// A cell that must hold a code is empty.
        case emptyCell(column: String)
        /// A weight or population cell does not hold a number.
        case notANumber(column: String, code: String, text: String)
        /// The areas table lists an area twice, in the same district.
        case areaRepeated(area: String, firstLine: Int)
        /// The areas table puts an area in two districts.
        case areaInTwoDistricts(area: String, district: String, otherDistrict: String, firstLine: Int)
        /// The areas table gives a district two names.
        case districtNamedTwice(district: String, name: String, otherName: String, firstLine: Int)
        /// A district the caller named has no areas.
        case districtWithoutAreas(district: String)
        /// An area lies in a district the caller did not name.
        case areaOutsideDistricts(area: String, district: String, districts: [String])
        /// A lookup row repeats an earlier one (same small area, same area).
        case rowRepeated(code: String, area: String, firstLine: Int)
        /// A weight is zero or negative.
        case weightNotPositive(code: String, area: String, weight: Double)
        /// The weights of a small area's rows do not sum to 1.
        case weightsDoNotSumToOne(code: String, sum: Double, shares: [AreaShare], lines: [Int])
        /// A lookup row maps to an area the areas table does not have.
        case unknownArea(code: String, area: String, areasFile: String)
        /// No row of a lookup maps to this area.
        case areaNotReached(area: String, name: String, level: GeographyLevel)
        /// A small area of one district maps to an area of another.
        case mappedOutsideItsDistrict(code: String, district: String, area: String, areaDistrict: String)
        /// A small area of a district being checked is missing from the lookup.
        case smallAreaNotMapped(code: String, level: GeographyLevel, district: String)
        /// A 2021 LSOA of a district being checked resolves to no area.
        case lsoa21Unresolved(code: String, district: String)
        /// A best-fit row's change indicator is not one of U, S, M, X.
        case unknownChangeIndicator(lsoa21: String, text: String)
        /// Two lookups were given for the same geography.
        case lookupRepeated(level: GeographyLevel, otherFile: String)
        /// A lookup was given for a geography that takes none.
        case lookupNotNeeded(level: GeographyLevel)
        /// A code or name that a release would publish holds a control character or
        /// begins like a spreadsheet formula (`SafeText`).
        case unpublishableText(column: String, text: String, reason: String)
    }

    package var kind: Kind
    /// The file at fault.
    package var file: String
    /// The line at fault (1-based), when the problem is in one row.
    package var line: Int?

    package init(_ kind: Kind, file: String, line: Int? = nil) {
        self.kind = kind
        self.file = file
        self.line = line
    }

    /// The codes the problem is about: small areas, areas and districts.
    package var codes: [String] {
        switch kind {
        case .emptyCell, .lookupRepeated, .lookupNotNeeded, .unpublishableText: []
        case .notANumber(_, let code, _): [code]
        case .areaRepeated(let area, _): [area]
        case .areaInTwoDistricts(let area, let district, let other, _): [area, district, other]
        case .districtNamedTwice(let district, _, _, _): [district]
        case .districtWithoutAreas(let district): [district]
        case .areaOutsideDistricts(let area, let district, _): [area, district]
        case .rowRepeated(let code, let area, _): [code, area]
        case .weightNotPositive(let code, let area, _): [code, area]
        case .weightsDoNotSumToOne(let code, _, let shares, _): [code] + shares.map(\.areaCode)
        case .unknownArea(let code, let area, _): [code, area]
        case .areaNotReached(let area, _, _): [area]
        case .mappedOutsideItsDistrict(let code, let district, let area, let areaDistrict): [code, district, area, areaDistrict]
        case .smallAreaNotMapped(let code, _, let district): [code, district]
        case .lsoa21Unresolved(let code, let district): [code, district]
        case .unknownChangeIndicator(let lsoa21, _): [lsoa21]
        }
    }

    /// "file, line 12" style location.
    package var location: String {
        if case .weightsDoNotSumToOne(_, _, _, let lines) = kind, lines.count > 1 {
            return "\(file), lines \(lines.map(String.init).joined(separator: ", "))"
        }
        return line.map { "\(file), line \($0)" } ?? file
    }

    package var description: String { "\(location): \(problem)" }

    /// The problem and what to do, without the location.
    package var problem: String {
        switch kind {
        case .emptyCell(let column):
            return "the \"\(shown(column))\" cell is empty; fill it in or delete the row"
        case .notANumber(let column, let code, let text):
            return "the \"\(shown(column))\" of \(shown(code)) is \"\(shown(text))\", which is not a number; write a number there"
        case .areaRepeated(let area, let firstLine):
            return "area \(shown(area)) is listed again (first on line \(firstLine)); keep one row per area"
        case .areaInTwoDistricts(let area, let district, let other, let firstLine):
            return "area \(shown(area)) is in district \(shown(district)) here but in \(shown(other)) on line \(firstLine); an area must lie in exactly one district"
        case .districtNamedTwice(let district, let name, let other, let firstLine):
            return "district \(shown(district)) is called \"\(shown(name))\" here but \"\(shown(other))\" on line \(firstLine); use one name"
        case .districtWithoutAreas(let district):
            return "district \(shown(district)) has no areas; add its areas, or leave it out of the districts checked"
        case .areaOutsideDistricts(let area, let district, let districts):
            return "area \(shown(area)) is in district \(shown(district)), which is not one of the districts checked (\(districts.map(shown).joined(separator: ", ")))"
        case .rowRepeated(let code, let area, let firstLine):
            return "\(shown(code)) -> \(shown(area)) repeats line \(firstLine); delete one of the two rows"
        case .weightNotPositive(let code, let area, let weight):
            return "\(shown(code)) -> \(shown(area)) has weight \(weight.plainText); weights must be above 0 (delete the row instead)"
        case .weightsDoNotSumToOne(let code, let sum, let shares, _):
            let parts = shares.map { "\(shown($0.areaCode)) \($0.weight.plainText)" }.joined(separator: ", ")
            return "the weights of \(shown(code)) sum to \(sum.plainText), not 1 (\(parts)); a small area split between areas needs weights that sum to 1"
        case .unknownArea(let code, let area, let areasFile):
            return "\(shown(code)) maps to \(shown(area)), which is not in the areas table \(areasFile); correct the code or add the area"
        case .areaNotReached(let area, let name, let level):
            return "no \(level.title) maps to area \(shown(area)) (\(shown(name))); every area needs at least one small area in each lookup"
        case .mappedOutsideItsDistrict(let code, let district, let area, let areaDistrict):
            return "\(shown(code)) lies in district \(shown(district)) but maps to \(shown(area)), an area of \(shown(areaDistrict)); map it to an area of its own district"
        case .smallAreaNotMapped(let code, let level, let district):
            return "\(level.title) \(shown(code)) of district \(shown(district)) is not mapped to any area; add a row for it"
        case .lsoa21Unresolved(let code, let district):
            return "LSOA (2021) \(shown(code)) of district \(shown(district)) reaches no area: it is not in the 2011 LSOA lookup, "
                + "has no 2011 parts in a best-fit lookup, and its name gives no MSOA of the 2011 MSOA lookup; "
                + "give the ONS LSOA (2011) to LSOA (2021) best-fit lookup, or a lookup from 2021 LSOAs"
        case .unknownChangeIndicator(let lsoa21, let text):
            return "the change indicator \"\(shown(text))\" of \(shown(lsoa21)) is not one of U, S, M, X"
        case .lookupRepeated(let level, let otherFile):
            return "a second \(level.title) lookup (the first is \(otherFile)); give one lookup per geography"
        case .lookupNotNeeded(.district):
            return "districts take no lookup: district figures go to every area of the district through the areas table's district column; remove this lookup"
        case .lookupNotNeeded(.county):
            return "counties take no lookup: the county's figure goes to every area; remove this lookup"
        case .lookupNotNeeded(let level):
            return "\(level.title)s take no lookup: figures for the target areas are used as they are; remove this lookup"
        case .unpublishableText(let column, let text, let reason):
            return "the \"\(shown(column))\" cell \"\(shown(text))\" cannot be published: \(reason); correct it in the file"
        }
    }

    /// A code, name or cell as a message shows it: short, on one line, control characters
    /// made visible; a file read by mistake can hold anything.
    private func shown(_ text: String) -> String {
        SafeText.excerpt(text, limit: 40)
    }
}

extension Double {
    /// The number as tables write it, for messages.
    var plainText: String { isFinite ? NumberText.format(self) : description }
}
