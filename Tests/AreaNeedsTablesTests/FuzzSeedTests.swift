import Foundation
import Testing
@testable import AreaNeedsTables

/// The fuzzer's committed seeds (`Fuzz/Corpus/TableReader`), read as the fuzz target reads
/// them, in the ordinary test run: each gives rows or a `TableError`, never anything else.
/// Inputs the fuzzer finds that crash the reader become tests beside these.
@Suite("The fuzzer's seeds")
struct FuzzSeedTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path + "/Fuzz/Corpus/TableReader"

    static var seeds: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// The rows, or the table error, of a seed read with the header found.
    func outcome(_ name: String) -> Result<[[String]], TableError> {
        do {
            return .success(try readTable(Self.folder + "/" + name).rows)
        } catch let error as TableError {
            return .failure(error)
        } catch {
            Issue.record("\(name): \(error) is not a TableError")
            return .success([])
        }
    }

    @Test func thereAreSeeds() {
        #expect(Self.seeds.count >= 10)
    }

    @Test(arguments: seeds)
    func everySeedGivesRowsOrATableError(_ name: String) throws {
        let path = Self.folder + "/" + name
        for options in [ReadOptions(), ReadOptions(header: .line(1)), ReadOptions(header: .containing(["code", "value"]))] {
            do {
                let reader = try TableReader(path: path, options: options)
                try reader.forEachRecord { record in
                    for index in 0..<record.count { _ = try? record.number(TableColumn(index: index, name: "")) }
                }
            } catch is TableError {
            }
        }
    }

    @Test func seedsReadAsTheyShould() throws {
        #expect(try outcome("plain.csv").get() == [["E01000001", "12"], ["E01000002", "7.5"]])
        #expect(try outcome("plain.csv.gz").get() == outcome("plain.csv").get())
        #expect(try outcome("two-members.csv.gz").get() == [["E01", "1"], ["E02", "2"]])
        #expect(try outcome("bom-crlf.csv").get() == [["E01", "1"], ["E02", "2"], ["E03", "3"]])
        #expect(try outcome("quoted.csv").get() == [["E01", "Smith, \"Jo\"", "1"], ["E02", "two\nlines", "2"]])
        // A zip archive is read as a workbook: this one is not whole.
        guard case .failure(let zip) = outcome("zip.csv"), case .corruptWorkbook = zip.kind else {
            Issue.record("a zip archive that is not a whole workbook should be refused as such")
            return
        }
    }
}
