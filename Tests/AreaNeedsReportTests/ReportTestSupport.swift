import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsReport
import AreaNeedsTestSupport
import Foundation
import Logging
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A release made by running a pipeline in this process, with its report written into it.
final class ReportedRelease: Sendable {
    let release: Release
    /// The report folder.
    let report: String
    /// Where everything lives; removed when the tests end (unless AREANEEDS_KEEP_FIXTURES is set).
    let root: String

    /// The folders the shared releases live in, removed when the test process exits:
    /// shared releases live as long as the process, so their deinit never runs.
    nonisolated(unsafe) private static var folders: [String] = []
    private static let foldersLock = NSLock()
    private static let removeAtExit: Void = {
        atexit {
            guard ProcessInfo.processInfo.environment["AREANEEDS_KEEP_FIXTURES"] == nil else { return }
            ReportedRelease.foldersLock.withLock {
                for folder in ReportedRelease.folders { try? FileManager.default.removeItem(atPath: folder) }
            }
        }
    }()

    /// The bundled synthetic sample: 34 SPAs, 20 indicators. Made once for all the tests.
    static let sample: ReportedRelease = {
        let root = NSTemporaryDirectory() + "areaneeds-report-sample-" + UUID().uuidString
        let pipeline = try! Pipeline.load(path: FixtureProject.repository + "/pipelines/sample.yml", outputRoot: root)
        return try! ReportedRelease(pipeline: pipeline, root: root)
    }()

    /// The six-area fixture, changed so that one area has no figure on one indicator; it
    /// also has an unavailable indicator, a district figure, a split ward, objectives with
    /// no indicator (1 and 4), a rank-valued stand-in for the unavailable indicator, and an
    /// indicator published for the county only (`neet`, every area carrying the county's
    /// figure, not ranked, its vintage recorded as an ISO period); it is not synthetic.
    static let fixture: ReportedRelease = {
        let project = FixtureProject()
        // Ward W6 (area A6) left out of the carers extract: A6 has no carers figure.
        project.write("data-raw/sources/care.csv", FixtureProject.wardCare.replacingOccurrences(of: "W6,60,1000\n", with: ""))
        project.write("data-raw/sources/ranks.csv", ReportedRelease.ranks)
        project.write("data-raw/sources/county.csv", ReportedRelease.countyFile)
        let pipelineFile = FixtureProject.pipeline.replacingOccurrences(of: "geography:\n  areas:\n", with: "geography:\n  county: C1\n  areas:\n")
        project.write("pipelines/test.yml", pipelineFile + ReportedRelease.standIn + ReportedRelease.countyOnly + "checks: {area-without-data: warning}\n")
        let root = NSTemporaryDirectory() + "areaneeds-report-fixture-" + UUID().uuidString
        try! FileManager.default.moveItem(atPath: project.root, toPath: root)
        let pipeline = try! Pipeline.load(path: root + "/pipelines/test.yml")
        return try! ReportedRelease(pipeline: pipeline, root: root)
    }()

    /// National ranks of the fixture's LSOAs (1 = most deprived of 32,844): area a's three
    /// LSOAs rank 5,000 a + 100 n, equal populations, so area a's average reversed rank is
    /// 32,845 - 5,000 a - 200.
    static let ranks: String = {
        var text = "LSOA code,Rank,Population\n"
        for a in 1...6 {
            for n in 1...3 { text += "L\(a)\(n),\(5000 * a + 100 * n),1000\n" }
        }
        return text
    }()

    /// A rank-valued stand-in for the fixture's unavailable wellbeing indicator.
    static let standIn = """
          - id: deprivation
            title: Deprivation, approximated by the average rank of income deprivation over the national small areas (average rank)
            objective: 3
            polarity: higher-is-worse
            unit: rank
            vintage: IoD 2019
            aggregation: average-rank
            national-count: 32844
            stands-in-for: wellbeing
            source:
              file: ../data-raw/sources/ranks.csv
              geography: lsoa11
              area-code: LSOA code
              value: Rank
              population: Population

        """

    /// The county's figure, as the DfE publishes it for local authorities.
    static let countyFile = """
        geographic_level,new_la_code,la_name,NEET_percent
        National,,England,5.6
        Local authority,C1,Our shire,6.4

        """

    /// An indicator published for the county only: every area carries the county's figure.
    static let countyOnly = """
          - id: neet
            title: Young people not in employment, education or training
            objective: 2
            polarity: higher-is-worse
            unit: "%"
            vintage: "2024-09-01/P1Y"
            aggregation: inherit
            source:
              file: ../data-raw/sources/county.csv
              geography: county
              area-code: new_la_code
              area-level: {column: geographic_level, value: Local authority}
              value: NEET_percent

        """

    init(pipeline: Pipeline, root: String) throws {
        ReportedRelease.removeAtExit
        ReportedRelease.foldersLock.withLock { ReportedRelease.folders.append(root) }
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let outcome = try PipelineRunner(pipeline: pipeline, logger: logger).run()
        guard let folder = outcome.releaseFolder else { throw TestFailure("the pipeline published no release") }
        release = try Release.open(folder)
        let index = try AreaReport(release: release).write()
        report = (index as NSString).deletingLastPathComponent
        self.root = root
    }

    /// Every page of the report, relative to it, sorted.
    var pagePaths: [String] {
        let enumerator = FileManager.default.enumerator(atPath: report)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".html") { paths.append(path) }
        }
        return paths.sorted()
    }

    /// A page parsed as XML: its root element.
    func page(_ path: String) throws -> Element {
        try StrictXML.parse(file: report + "/" + path)
    }
}

/// A test's own failure, with a message.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// An element of a parsed page: its name, attributes, children and text.
final class Element {
    let name: String
    let attributes: [String: String]
    weak var parent: Element?
    var children: [Element] = []
    /// The text directly inside, and inside every descendant, in order.
    var text = ""

    init(name: String, attributes: [String: String], parent: Element?) {
        self.name = name
        self.attributes = attributes
        self.parent = parent
    }

    /// This element and every element under it, depth first.
    var all: [Element] { [self] + children.flatMap(\.all) }

    /// The elements named `name` under this one (itself included).
    func elements(named name: String) -> [Element] { all.filter { $0.name == name } }

    subscript(attribute: String) -> String? { attributes[attribute] }
}

/// Parses XML strictly with Foundation's `XMLParser` (libxml2, without its recovery
/// mode): any well-formedness error throws, naming the line; the tests check that it does.
/// (`XMLDocument` on Linux recovers from broken markup, so it cannot be the check.)
final class StrictXML: NSObject, XMLParserDelegate {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    private var stack: [Element] = []
    private var root: Element?

    static func parse(file: String) throws -> Element {
        guard let data = FileManager.default.contents(atPath: file) else { throw TestFailure("\(file): missing") }
        do {
            return try parse(data)
        } catch {
            throw TestFailure("\(file): \(error)")
        }
    }

    static func parse(_ data: Data) throws -> Element {
        let parser = XMLParser(data: data)
        let builder = StrictXML()
        parser.delegate = builder
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        guard parsed, parser.parserError == nil, let root = builder.root else {
            let reason = parser.parserError.map { "\($0)" } ?? "no root element"
            throw Malformed(description: "not well-formed at line \(parser.lineNumber), column \(parser.columnNumber): \(reason)")
        }
        return root
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let element = Element(name: name, attributes: attributes, parent: stack.last)
        stack.last?.children.append(element)
        if root == nil { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for element in stack { element.text += string }
    }
}
