@testable import AreaNeedsAssess
import AreaNeedsCore
import Testing

@Suite("Naming areas and objectives")
struct SelectionTests {
    let fixture: FixtureRelease
    let release: NeedsRelease

    init() throws {
        fixture = FixtureRelease.shared
        release = try NeedsRelease.open(fixture.latest)
    }

    func codes(_ terms: String...) throws -> [String] {
        try AreaSelection.resolve(terms, in: release).areas.map(\.code)
    }

    /// The message of the command-line error resolving `terms` throws.
    func areaError(_ terms: String) -> String? {
        do {
            _ = try AreaSelection.resolve([terms], in: release)
            return nil
        } catch {
            return error.category == .usage ? error.message : "wrong category: \(error.category)"
        }
    }

    func objectiveError(_ terms: String) -> String? {
        do {
            _ = try ObjectiveSelection.resolve([terms], in: release)
            return nil
        } catch {
            return error.category == .usage ? error.message : "wrong category: \(error.category)"
        }
    }

    @Test func everyKindOfAreaNameMixed() throws {
        #expect(try codes("SPA07") == ["SPA07"])
        #expect(try codes("spa07") == ["SPA07"])
        #expect(try codes("Burnley") == ["SPA01", "SPA02", "SPA03"])
        #expect(try codes("E07000118") == ["SPA04", "SPA05", "SPA06"])
        #expect(try codes("fylde  north") == ["SPA07"])
        // Kinds mix, lists and repeated options combine, the release's order is kept, each area once.
        #expect(try codes("SPA09, burnley", "SPA02,Chorley Central") == ["SPA01", "SPA02", "SPA03", "SPA05", "SPA09"])
    }

    @Test func countyIsEveryAreaAndAbsorbsNamedOnes() throws {
        let county = try AreaSelection.resolve(["county"], in: release)
        #expect(county.areas.count == 10 && county.countyWide && county.notes.isEmpty)
        let mixed = try AreaSelection.resolve(["SPA07,County"], in: release)
        #expect(mixed.areas.count == 10 && mixed.countyWide)
        #expect(mixed.notes == ["`county` already includes SPA07: every area of the release is served"])
        let some = try AreaSelection.resolve(["Burnley"], in: release)
        #expect(!some.countyWide)
    }

    @Test func unknownAreaSuggestsTheNearestName() {
        #expect(areaError("Burnly")?.hasPrefix("unknown area 'Burnly'; did you mean 'Burnley'?") == true)
        #expect(areaError("SPA7")?.hasPrefix("unknown area 'SPA7'; did you mean") == true)
        #expect(areaError("SPA7")?.contains("'SPA07'") == true)
        #expect(areaError("Fylde Nort")?.hasPrefix("unknown area 'Fylde Nort'; did you mean 'Fylde North'?") == true)
        // Far from everything: no guess, but the kinds of name that are accepted.
        let far = areaError("Westminster")
        #expect(far?.hasPrefix("unknown area 'Westminster'\n") == true)
        #expect(far?.contains("area codes (SPA01), district codes (E07000117) or names (Burnley), area names (Burnley North), or `county`") == true)
        // Every unknown term is named at once.
        let two = areaError("Burnly,SPA01,Chorly")
        #expect(two?.contains("unknown area 'Burnly'") == true && two?.contains("unknown area 'Chorly'; did you mean 'Chorley'?") == true)
        #expect(areaError(" , ")?.hasPrefix("no areas given") == true)
    }

    @Test func objectivesByNumberOrShortNameEachOnce() throws {
        let chosen = try ObjectiveSelection.resolve(["5,employment", "Equity"], in: release)
        #expect(chosen.objectives.map(\.id) == [1, 4, 5])
        #expect(chosen.notes.isEmpty)
        let twice = try ObjectiveSelection.resolve(["1,employment"], in: release)
        #expect(twice.objectives.map(\.id) == [1])
        #expect(twice.notes == ["objective 1 is named 2 times (1, employment): it counts once"])
    }

    @Test func unknownObjectiveSuggestsTheNearestName() {
        #expect(objectiveError("enviroment")?.hasPrefix("unknown objective 'enviroment'; did you mean 'environment'?") == true)
        #expect(objectiveError("community")?.hasPrefix("unknown objective 'community'; did you mean 'community-sector'?") == true)
        let six = objectiveError("6")
        #expect(six?.hasPrefix("unknown objective '6'\n") == true)
        #expect(six?.contains("1 employment, 2 living-standards, 3 community-sector, 4 equity, 5 environment") == true)
        #expect(objectiveError("")?.hasPrefix("no objectives given") == true)
    }

    @Test(arguments: [("Burnly", "Burnley", 1), ("burnley", "Burnley", 0), ("kitten", "sitting", 3), ("", "abc", 3), ("SPA7", "SPA07", 1)])
    func editDistance(_ a: String, _ b: String, _ expected: Int) {
        #expect(NameSuggestions.distance(NameSuggestions.key(a), NameSuggestions.key(b)) == expected)
    }
}
