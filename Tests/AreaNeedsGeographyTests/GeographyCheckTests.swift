import AreaNeedsTestSupport
import Testing
import AreaNeedsGeography

@Suite("Checking a geography: every problem, with file, line and codes")
struct GeographyCheckTests {
    let folder = TemporaryFolder()

    private var areas: String { folder.path + "/areas.csv" }
    private func lookup(_ level: GeographyLevel) -> String { folder.path + "/\(level.rawValue).csv" }

    /// The problems of the fixture with some files replaced, as text.
    private func problems(
        areas: String = Fixture.areas, lookups: [GeographyLevel: String] = [:], bestFit: String? = nil,
        districts: [String]? = nil, reference: SmallAreaReference? = nil
    ) throws -> [String] {
        let all: [GeographyLevel: String] = [.lsoa11: Fixture.lsoa11, .msoa11: Fixture.msoa11, .ward: Fixture.ward]
        let geography = try Fixture.geography(
            in: folder, areas: areas, lookups: all.merging(lookups) { $1 }, bestFit: bestFit)
        return geography.check(districts: districts, reference: reference).map(\.description)
    }

    @Test func theFixtureIsClean() throws {
        let geography = try Fixture.geography(in: folder)
        #expect(geography.check(districts: ["D1", "D2"]).isEmpty)
        try geography.validate(districts: ["D1", "D2"])
    }

    @Test func emptyCodeCells() throws {
        let found = try problems(lookups: [.lsoa11: Fixture.lsoa11 + ",Alpha 003A,A1\nL6,Alpha 003B,\n"])
        #expect(found == [
            "\(lookup(.lsoa11)), line 6: the \"lsoa11_code\" cell is empty; fill it in or delete the row",
            "\(lookup(.lsoa11)), line 7: the \"spa_code\" cell is empty; fill it in or delete the row",
        ])
    }

    @Test func weightThatIsNotANumber() throws {
        let ward = Fixture.ward.replacingOccurrences(of: "W3,Fell,B1,1", with: "W3,Fell,B1,all")
        let found = try problems(lookups: [.ward: ward])
        #expect(found.first == "\(lookup(.ward)), line 5: the \"weight\" of W3 is \"all\", which is not a number; write a number there")
    }

    @Test func populationThatIsNotANumber() throws {
        let found = try problems(areas: Fixture.areas.replacingOccurrences(of: "B1,Beta,D2,Beta,50", with: "B1,Beta,D2,Beta,fifty"))
        #expect(found == ["\(areas), line 4: the \"population\" of B1 is \"fifty\", which is not a number; write a number there"])
    }

    /// Codes and names are published as they are: a formula start or a control character
    /// in one is a problem of its row, and the row still counts, so nothing else is reported.
    @Test(arguments: [
        ("A2,Alpha South,D1,Alpha,200", "A2,\"=HYPERLINK(\"\"http://x\"\")\",D1,Alpha,200", 3, "spa_name", "=HYPERLINK(\"http://x\")", "begins with \"=\""),
        ("A2,Alpha South,D1,Alpha,200", "A2,\"Alpha\u{1B}[31mSouth\",D1,Alpha,200", 3, "spa_name", "Alpha\\u001B[31mSouth", "holds a control character (escape, U+001B)"),
        ("B1,Beta,D2,Beta,50", "B1,Beta,D2,\"\u{202E}ateB\",50", 4, "district_name", "\\u202EateB", "holds a control character (U+202E)"),
        ("B1,Beta,D2,Beta,50", "B1,Beta,\"\t+D2\",Beta,50", 4, "district_code", "\\u0009+D2", "begins with a tab, U+0009"),
    ])
    func unpublishableNamesAndCodes(row: String, replacement: String, line: Int, column: String, shown: String, reason: String) throws {
        let replaced = Fixture.areas.replacingOccurrences(of: row, with: replacement)
        let found = try problems(areas: replaced, lookups: [:]).filter { !$0.contains("maps to area") }
        #expect(found == ["\(areas), line \(line): the \"\(column)\" cell \"\(shown)\" cannot be published: it \(reason)"
            + (reason.hasPrefix("holds") ? ", which a terminal or a spreadsheet would act on" : ", which makes a spreadsheet read the cell as a formula")
            + "; correct it in the file"])
    }

    @Test func unpublishableLookupCodes() throws {
        let found = try problems(lookups: [.lsoa11: Fixture.lsoa11.replacingOccurrences(of: "L4,Beta 001A,B1", with: "@L4,Beta 001A,B1")
            .replacingOccurrences(of: "L3,Alpha 002A,A2", with: "-L3,Alpha 002A,A2")])
        #expect(found == [
            "\(lookup(.lsoa11)), line 4: the \"lsoa11_code\" cell \"-L3\" cannot be published: it begins with \"-\", which makes a spreadsheet read the cell as a formula; correct it in the file",
            "\(lookup(.lsoa11)), line 5: the \"lsoa11_code\" cell \"@L4\" cannot be published: it begins with \"@\", which makes a spreadsheet read the cell as a formula; correct it in the file",
        ])
    }

    /// A file named by mistake as a lookup: its "codes" are shown short and on one line.
    @Test func codesInMessagesAreShort() throws {
        let long = String(repeating: "x", count: 500)
        let found = try problems(lookups: [.ward: Fixture.ward + "\(long),Far,Z9,1\n"])
        let message = try #require(found.first { $0.contains("Z9") })
        #expect(message.contains(String(repeating: "x", count: 40) + "…"))
        #expect(!message.contains(String(repeating: "x", count: 41)))
    }

    @Test func areaListedTwice() throws {
        let found = try problems(areas: Fixture.areas + "A1,Alpha North,D1,Alpha,100\n")
        #expect(found == ["\(areas), line 5: area A1 is listed again (first on line 2); keep one row per area"])
    }

    @Test func areaInTwoDistricts() throws {
        let found = try problems(areas: Fixture.areas + "A2,Alpha South,D2,Beta,200\n")
        #expect(found == ["\(areas), line 5: area A2 is in district D2 here but in D1 on line 3; an area must lie in exactly one district"])
    }

    @Test func districtWithTwoNames() throws {
        let found = try problems(areas: Fixture.areas.replacingOccurrences(of: "A2,Alpha South,D1,Alpha,", with: "A2,Alpha South,D1,Alfa,"))
        #expect(found == ["\(areas), line 3: district D1 is called \"Alfa\" here but \"Alpha\" on line 2; use one name"])
    }

    @Test func namedDistrictWithoutAreas() throws {
        let found = try problems(districts: ["D1", "D2", "D3"])
        #expect(found == ["\(areas): district D3 has no areas; add its areas, or leave it out of the districts checked"])
    }

    @Test func areaOutsideTheNamedDistricts() throws {
        let found = try problems(districts: ["D1"])
        #expect(found == ["\(areas), line 4: area B1 is in district D2, which is not one of the districts checked (D1)"])
    }

    @Test func repeatedLookupRow() throws {
        let found = try problems(lookups: [.lsoa11: Fixture.lsoa11 + "L3,Alpha 002A,A2\n"])
        #expect(found == ["\(lookup(.lsoa11)), line 6: L3 -> A2 repeats line 4; delete one of the two rows"])
    }

    @Test func weightNotAboveZero() throws {
        let ward = Fixture.ward + "W3,Fell,A2,0\n"
        let found = try problems(lookups: [.ward: ward])
        #expect(found == ["\(lookup(.ward)), line 6: W3 -> A2 has weight 0; weights must be above 0 (delete the row instead)"])
    }

    @Test func weightsNotSummingToOne() throws {
        let ward = Fixture.ward.replacingOccurrences(of: "W1,Hill,A2,0.75", with: "W1,Hill,A2,0.7")
        let found = try problems(lookups: [.ward: ward])
        #expect(found == [
            "\(lookup(.ward)), lines 2, 3: the weights of W1 sum to 0.95, not 1 (A1 0.25, A2 0.7); a small area split between areas needs weights that sum to 1",
        ])
    }

    @Test func smallAreaInTwoAreasWithoutWeights() throws {
        let found = try problems(lookups: [.lsoa11: Fixture.lsoa11 + "L3,Alpha 002A,A1\n"])
        #expect(found == [
            "\(lookup(.lsoa11)), lines 4, 6: the weights of L3 sum to 2, not 1 (A2 1, A1 1); a small area split between areas needs weights that sum to 1",
        ])
    }

    @Test func weightsWithinTheToleranceSumToOne() throws {
        let thirds = """
            ward_code,ward_name,spa_code,weight
            W1,Hill,A1,0.3333333333333
            W1,Hill,A2,0.3333333333333
            W1,Hill,B1,0.3333333333334

            """
        #expect(try problems(lookups: [.ward: thirds]).isEmpty)
        let loose = thirds.replacingOccurrences(of: "0.3333333333334", with: "0.33333333")
        #expect(try problems(lookups: [.ward: loose]).count == 1)
    }

    @Test func rowPointingAtAnUnknownArea() throws {
        let found = try problems(lookups: [.msoa11: Fixture.msoa11 + "M4,Beta 002,B2\n"])
        #expect(found == ["\(lookup(.msoa11)), line 5: M4 maps to B2, which is not in the areas table \(areas); correct the code or add the area"])
    }

    @Test func areaNoLookupRowReaches() throws {
        let found = try problems(lookups: [.msoa11: "msoa11_code,msoa11_name,spa_code\nM1,Alpha 001,A1\nM2,Alpha 002,A1\n"])
        #expect(found == [
            "\(lookup(.msoa11)): no MSOA (2011) maps to area A2 (Alpha South); every area needs at least one small area in each lookup",
            "\(lookup(.msoa11)): no MSOA (2011) maps to area B1 (Beta); every area needs at least one small area in each lookup",
        ])
    }

    @Test func smallAreaMappedOutsideTheDistrictItsNameGives() throws {
        let found = try problems(lookups: [.lsoa11: Fixture.lsoa11.replacingOccurrences(of: "L4,Beta 001A,B1", with: "L4,Beta 001A,A2\nL5,Beta 001B,B1")])
        #expect(found == ["\(lookup(.lsoa11)), line 5: L4 lies in district D2 but maps to A2, an area of D1; map it to an area of its own district"])
    }

    @Test func smallAreaMappedOutsideTheDistrictTheReferenceGives() throws {
        var reference = SmallAreaReference()
        for (code, district) in [("W1", "D1"), ("W2", "D2"), ("W3", "D2")] { reference.add(code, at: .ward, district: district) }
        let found = try problems(reference: reference)
        #expect(found == ["\(lookup(.ward)), line 4: W2 lies in district D2 but maps to A2, an area of D1; map it to an area of its own district"])
    }

    @Test func smallAreaOfACheckedDistrictNotMapped() throws {
        var reference = SmallAreaReference()
        for code in ["L1", "L2", "L3", "L9"] { reference.add(code, at: .lsoa11, district: "D1") }
        reference.add("L4", at: .lsoa11, district: "D2")
        reference.add("L8", at: .lsoa11, district: "D2")
        reference.add("L7", at: .lsoa11, district: "D3")
        #expect(try problems(districts: ["D1"], reference: reference).dropFirst() == [
            "\(lookup(.lsoa11)): LSOA (2011) L9 of district D1 is not mapped to any area; add a row for it",
        ][...])
        #expect(try problems(reference: reference) == [
            "\(lookup(.lsoa11)): LSOA (2011) L8 of district D2 is not mapped to any area; add a row for it",
            "\(lookup(.lsoa11)): LSOA (2011) L9 of district D1 is not mapped to any area; add a row for it",
        ], "without named districts, the areas' own districts are covered")
    }

    @Test func lsoa21OfACheckedDistrictThatResolvesNowhere() throws {
        var reference = SmallAreaReference()
        reference.add("L1", at: .lsoa21, district: "D1", name: "Alpha 001A")
        reference.add("N1", at: .lsoa21, district: "D1", name: "Alpha 002B")
        reference.add("N2", at: .lsoa21, district: "D2", name: "Beta 009A")
        let found = try problems(reference: reference)
        #expect(found == [
            "\(lookup(.lsoa11)): LSOA (2021) N2 of district D2 reaches no area: it is not in the 2011 LSOA lookup, "
                + "has no 2011 parts in a best-fit lookup, and its name gives no MSOA of the 2011 MSOA lookup; "
                + "give the ONS LSOA (2011) to LSOA (2021) best-fit lookup, or a lookup from 2021 LSOAs",
        ])
    }

    @Test func unknownChangeIndicator() throws {
        let found = try problems(bestFit: "LSOA11CD,LSOA21CD,CHGIND\nL1,N1,S\nL2,N2,Q\n")
        #expect(found == ["\(folder.path)/best-fit.csv, line 3: the change indicator \"Q\" of N2 is not one of U, S, M, X"])
    }

    @Test func everyProblemIsReportedNotJustTheFirst() throws {
        let geography = try Fixture.geography(
            in: folder, areas: Fixture.areas + "A1,Alpha North,D2,Beta,1\n",
            lookups: [.lsoa11: Fixture.lsoa11 + "L5,Alpha 003A,X1\nL6,Alpha 003B,A1,\n", .ward: Fixture.ward + "W9,Moor,B1,0.5\n"])
        let problems = geography.check(districts: ["D1", "D2"])
        #expect(problems.map(\.line) == [5, 6, 6])
        #expect(problems.map(\.codes) == [["A1", "D2", "D1"], ["L5", "X1"], ["W9", "B1"]])
        let failure = thrown(GeographyCheckFailure.self) { try geography.validate(districts: ["D1", "D2"]) }
        #expect(failure?.problems == problems)
        #expect(failure?.description.hasPrefix("the geography has 3 problems:\n  \(areas), line 5: area A1") == true)
    }
}
