import AreaNeedsTestSupport
import Foundation
import Testing

/// Where Chromium is, if it is installed.
enum Browser {
    static let path: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        return nil
    }()

    /// Runs scripts/screenshot-report.
    static func screenshot(_ arguments: [String]) throws -> ChildProcess.Result {
        try ChildProcess.run(FixtureProject.repository + "/scripts/screenshot-report", arguments)
    }
}

/// The sample's report in headless Chromium, through scripts/screenshot-report: it loads
/// with nothing on the console, and renders to PNG.
@Suite("The report in a browser",
       .enabled(if: Browser.path != nil, "chromium is not installed (scripts/screenshot-report installs it with apt-get)"))
struct BrowserTests {
    @Test func everyPageOfTheSampleLoadsWithACleanConsole() throws {
        let result = try Browser.screenshot(["--check-only", "--all", ReportedRelease.sample.report])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.standardError.contains("55 page(s) rendered with a clean console"), "\(result.transcript)")
        // An unavailable indicator and an area with a missing figure, from the fixture.
        let fixture = try Browser.screenshot(["--check-only", "--page", "indicators/wellbeing.html", "--page", "areas/A6.html",
                                              "--page", "index.html", ReportedRelease.fixture.report])
        #expect(fixture.status == 0, "\(fixture.transcript)")
    }

    @Test func theOverviewAndAnAreaPageRenderToPNG() throws {
        let output = NSTemporaryDirectory() + "areaneeds-screenshots-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try Browser.screenshot(["-o", output, "--width", "1280", "--height", "1600", ReportedRelease.sample.report])
        #expect(result.status == 0, "\(result.transcript)")
        for name in ["index.png", "areas-SPA01.png"] {
            let data = try #require(FileManager.default.contents(atPath: output + "/" + name), "\(name)")
            // A PNG, 1280 pixels wide (the IHDR chunk), with something drawn in it.
            #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }
            #expect(width == 1280, "\(name)")
            #expect(data.count > 50_000, "\(name): \(data.count) bytes is too little for a drawn page")
        }
    }

    @Test func aConsoleErrorFailsTheCheck() throws {
        // The check above means something only if a broken page fails it.
        let folder = NSTemporaryDirectory() + "areaneeds-broken-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(#"<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><img src="missing.png" alt="x"/><script>console.error("broken")</script></body></html>"#.utf8)
            .write(to: URL(fileURLWithPath: folder + "/index.html"))
        let result = try Browser.screenshot(["--check-only", folder])
        #expect(result.status == 1, "\(result.transcript)")
        #expect(result.standardError.contains("broken"), "\(result.transcript)")
    }
}

/// Where pdftotext is, if poppler-utils is installed.
enum PDFText {
    static let path: String? = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// The fixture's report printed to PDF by headless Chromium, as a council officer would
/// print it: the figures that the screen keeps in a closed disclosure are on paper, and
/// so is everything the charts show, in words.
@Suite("The report on paper",
       .enabled(if: Browser.path != nil && PDFText.path != nil, "chromium or pdftotext (poppler-utils) is not installed"))
struct PrintTests {
    /// The text of a page printed to PDF, and its number of pages.
    func printed(_ page: String) throws -> (text: String, pages: Int) {
        let folder = NSTemporaryDirectory() + "areaneeds-print-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var flags = ["--headless", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage",
                     "--user-data-dir=" + folder + "/profile", "--no-pdf-header-footer", "--print-to-pdf=" + folder + "/page.pdf"]
        if getuid() == 0 { flags.append("--no-sandbox") }
        let browser = try ChildProcess.run(try #require(Browser.path), flags + ["file://" + ReportedRelease.fixture.report + "/" + page])
        #expect(FileManager.default.fileExists(atPath: folder + "/page.pdf"), "\(browser.transcript)")
        let text = try ChildProcess.run(try #require(PDFText.path), [folder + "/page.pdf", "-"])
        return (text.standardOutput, text.standardOutput.components(separatedBy: "\u{0C}").filter { !$0.isEmpty }.count)
    }

    @Test func theOverviewPrintsEveryFigureAndTheKey() throws {
        let (text, pages) = try printed("index.html")
        #expect(pages >= 2)
        // The figures' tables, closed on screen, open on paper.
        for figure in ["The figures, by objective", "27,645 of 32,844", "15,145 of 32,844", "£30,000", "10.0%",
                       "not ranked: no data", "Promote Equity and Fairness"] {
            #expect(text.contains(figure), "\(figure) is not on paper")
        }
        #expect(!text.lowercased().contains("hover"))
    }

    @Test func anAreaPagePrintsTheComparisonInWords() throws {
        let (text, _) = try printed("areas/A1.html")
        for words in ["worse than the county (circle)", "the county's own figure", "27,645 of 32,844", "not ranked: no data",
                      "stand-in for Wellbeing"] {
            #expect(text.contains(words), "\(words) is not on paper")
        }
    }
}
