import AreaNeedsCore
import ArgumentParser
import Foundation
import Testing
@testable import AreaNeedsCLI

/// `areaneeds assess` and `advise` as a person or a script calls them: answers, and the
/// exit code of each kind of mistake.
@Suite("The assess and advise commands")
struct CommandTests {
    let fixture = FixtureRelease.shared

    /// What the command answers, or the exit code it would end with.
    enum Result: Equatable {
        case answer(String)
        /// An answer printed with a non-zero exit code ("cannot be decided").
        case answerWithExit(String, Int32)
        case exit(Int32, String)
    }

    func run(_ arguments: [String]) -> Result {
        do {
            let command = try AreaNeedsCommand.parseAsRoot(arguments)
            switch command {
            case let assess as AssessCommand:
                let (text, code) = try assess.answer()
                return code == 0 ? .answer(text) : .answerWithExit(text, code)
            case let advise as AdviseCommand: return .answer(try advise.answer())
            default: return .exit(-1, "not assess or advise")
            }
        } catch let error as AreaNeedsError {
            return .exit(error.category.exitCode, error.message)
        } catch {
            return .exit(AreaNeedsCommand.exitCode(for: error).rawValue, AreaNeedsCommand.message(for: error))
        }
    }

    func assess(_ extra: [String], release: FixtureRelease? = nil) -> Result {
        run(["assess", "--release", (release ?? fixture).latest] + extra)
    }

    func exitCode(_ result: Result) -> Int32? {
        switch result {
        case .exit(let code, _), .answerWithExit(_, let code): code
        case .answer: nil
        }
    }

    func message(_ result: Result) -> String {
        switch result {
        case .answer(let text), .answerWithExit(let text, _): text
        case .exit(_, let message): message
        }
    }

    @Test func countyAnswerAsText() {
        let result = assess(["--areas", "county", "--objectives", "1,2,5", "--impact", "significant"])
        #expect(message(result).hasPrefix("Social value weighting: 10% of the award criteria\n"))
        #expect(exitCode(result) == nil)
    }

    @Test func undeterminedAnswerPrintsAndExitsWithItsOwnCode() throws {
        let result = assess(["--areas", "SPA01", "--objectives", "employment,equity", "--impact", "significant", "--value", "500000"],
                            release: FixtureRelease.withGaps)
        #expect(exitCode(result) == ExitCodes.undetermined && ExitCodes.undetermined == 3)
        #expect(message(result).hasPrefix("Social value weighting: cannot be decided from this release"))
        let json = assess(["--areas", "SPA01", "--objectives", "1,4", "--impact", "significant", "--json"], release: FixtureRelease.withGaps)
        #expect(exitCode(json) == 3)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(message(json).utf8)) as? [String: Any])
        #expect(object["status"] as? String == "undetermined")
        // A decided answer from the same release exits 0.
        let decided = assess(["--areas", "SPA01", "--objectives", "1,2,4", "--impact", "significant"], release: FixtureRelease.withGaps)
        #expect(exitCode(decided) == nil)
    }

    @Test(arguments: [("250000", 250_000.0), ("250,000", 250_000), ("£250,000.50", 250_000.5), ("£250k", 250_000), ("1.2m", 1_200_000), ("£1.5M", 1_500_000)])
    func valuesAsPeopleWriteThem(_ text: String, _ amount: Double) throws {
        let result = assess(["--areas", "SPA01", "--objectives", "1,2", "--impact", "some", "--value", text, "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(message(result).utf8)) as? [String: Any])
        #expect((json["request"] as? [String: Any])?["value"] as? Double == amount)
    }

    @Test func latestUnderDataOut() {
        let result = run(["assess", "--data-out", fixture.dataOut, "--areas", "SPA07", "--objectives", "1,3", "--impact", "some"])
        #expect(message(result).hasPrefix("Social value weighting: 5% of the award criteria\n"))
    }

    @Test func jsonAnswer() throws {
        let result = assess(["--areas", "Burnley,SPA07", "--objectives", "employment,equity", "--impact", "significant",
                             "--value", "£250,000", "--json"])
        let data = Data(message(result).utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["weighting_percent"] as? Int == 10)
        #expect((json["request"] as? [String: Any])?["value"] as? Double == 250_000)
    }

    @Test func adviseAnswers() throws {
        let text = message(run(["advise", "--release", fixture.latest, "--areas", "SPA07"]))
        #expect(text.hasPrefix("Social value objectives for SPA07 Fylde North, greatest need first:"))
        let json = message(run(["advise", "--release", fixture.latest, "--areas", "SPA07", "--json"]))
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
    }

    struct Mistake: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var code: Int32
        var says: String
        var testDescription: String { name }
    }

    static let mistakes: [Mistake] = [
        Mistake(name: "no --impact", arguments: ["--areas", "county", "--objectives", "1,2"], code: 64, says: "--impact"),
        Mistake(name: "an unknown impact", arguments: ["--areas", "county", "--objectives", "1,2", "--impact", "huge"], code: 64, says: "huge"),
        Mistake(name: "no --areas", arguments: ["--objectives", "1,2", "--impact", "some"], code: 64, says: "--areas"),
        Mistake(name: "a value that is not a sum", arguments: ["--areas", "county", "--objectives", "1,2", "--impact", "some", "--value", "lots"], code: 64, says: "lots"),
        Mistake(name: "a value in a form not taken", arguments: ["--areas", "county", "--objectives", "1,2", "--impact", "some", "--value", "100 grand"], code: 64, says: "write it as 250000, 250,000, £250,000.50, £250k or 1.2m"),
        Mistake(name: "a value beyond any sum", arguments: ["--areas", "county", "--objectives", "1,2", "--impact", "some", "--value", String(repeating: "9", count: 400)], code: 64, says: "write it as 250000"),
        Mistake(name: "a threshold beyond any sum", arguments: ["--areas", "county", "--objectives", "1,2", "--impact", "some", "--threshold", String(repeating: "9", count: 330) + "k"], code: 64, says: "is not a sum of pounds"),
        Mistake(name: "a negative value", arguments: ["--areas", "county", "--objectives", "1,2", "--impact", "some", "--value", "-5"], code: 64, says: "must be a sum of pounds, zero or more (--value)"),
        Mistake(name: "a negative threshold", arguments: ["--areas", "county", "--objectives", "1,2", "--impact", "some", "--threshold", "-1"], code: 64, says: "(--threshold)"),
        Mistake(name: "an unknown area", arguments: ["--areas", "Burnly", "--objectives", "1,2", "--impact", "some"], code: 64, says: "unknown area 'Burnly'; did you mean 'Burnley'?"),
        Mistake(name: "an unknown objective", arguments: ["--areas", "county", "--objectives", "1,jobs", "--impact", "some"], code: 64, says: "unknown objective 'jobs'"),
        Mistake(name: "release and pipeline both", arguments: ["--pipeline", "fixture", "--areas", "county", "--objectives", "1,2", "--impact", "some"], code: 64, says: "give --release or --pipeline, not both"),
    ]

    @Test(arguments: mistakes)
    func mistakesExitWithTheirCode(_ mistake: Mistake) {
        let result = assess(mistake.arguments)
        #expect(exitCode(result) == mistake.code)
        #expect(message(result).contains(mistake.says))
    }

    @Test func missingReleaseFolder() {
        let result = run(["assess", "--release", fixture.root + "/nowhere", "--areas", "county", "--objectives", "1,2", "--impact", "some"])
        #expect(exitCode(result) == 66)
        #expect(message(result).contains("no such release folder"))
        let none = run(["advise", "--data-out", fixture.root + "/no-such-folder", "--areas", "county"])
        #expect(exitCode(none) == 66)
        #expect(message(none).contains("no release under"))
    }

    @Test func corruptReleaseIsRefused() throws {
        let own = try FixtureRelease()
        own.overwrite("objective_needs.csv", with: "spa_code,objective_id\nSPA01,1\n")
        let result = assess(["--areas", "county", "--objectives", "1,2", "--impact", "some"], release: own)
        #expect(exitCode(result) == 65)
        #expect(message(result).contains("objective_needs.csv: does not match its checksum in SHA256SUMS"))
        #expect(message(result).contains("No decision is made on a release that fails its checks"))
    }

    @Test func incompleteReleaseIsRefused() throws {
        let own = try FixtureRelease()
        own.remove("indicator_needs.csv")
        let missingTable = run(["advise", "--release", own.latest, "--areas", "county"])
        #expect(exitCode(missingTable) == 65)
        #expect(message(missingTable).contains("indicator_needs.csv: missing from the release"))
        own.remove("SHA256SUMS")
        let noSums = assess(["--areas", "county", "--objectives", "1,2", "--impact", "some"], release: own)
        #expect(exitCode(noSums) == 65)
        #expect(message(noSums).contains("not a complete release (no SHA256SUMS)"))
    }
}
