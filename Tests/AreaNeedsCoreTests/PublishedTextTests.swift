import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsCore

/// Text a release publishes, from the pipeline file, is refused when a spreadsheet or a
/// terminal would act on it: a formula start (=, +, -, @, tab, carriage return) or a
/// control character, with its line and key.
@Suite("Published text from the pipeline file")
struct PublishedTextTests {
    let temporary = TemporaryFolder("areaneeds-text")

    func error(_ original: String, _ replacement: String) -> AreaNeedsError? {
        #expect(PipelineLoaderTests.valid.contains(original), "no \(original) in the pipeline")
        let path = temporary.file("pipeline.yml", PipelineLoaderTests.valid.replacingOccurrences(of: original, with: replacement))
        do {
            _ = try Pipeline.load(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("title: Test pipeline", "title: \"=HYPERLINK(\\\"http://x\\\",\\\"click\\\")\"", "line 2 (title)", "begins with \"=\""),
        ("  label: test", "  label: \"+cmd|calc\"", "line 4 (release.label)", "begins with \"+\""),
        ("    title: Households in fuel poverty", "    title: \"-2+3\"", "line 13 (indicators[0].title)", "begins with \"-\""),
        ("    unit: \"%\"", "    unit: \"@SUM(A1)\"", "line 16 (indicators[0].unit)", "begins with \"@\""),
        ("    unavailable: No source this year", "    unavailable: No source\n    notes: \"=1+1\"", "(indicators[1].notes)", "begins with \"=\""),
        ("      file: fuel.csv", "      file: \"=cmd.csv\"", "(indicators[0].source.file)", "begins with \"=\""),
    ])
    func formulaStartsAreRefused(original: String, replacement: String, place: String, reason: String) {
        let error = error(original, replacement)
        #expect(error?.category == .configuration)
        #expect(error?.message.contains(place) == true, "\(error?.message ?? "loaded")")
        #expect(error?.message.contains("\(reason), which makes a spreadsheet read the cell as a formula") == true, "\(error?.message ?? "loaded")")
        #expect(error?.message.contains("published text may not hold control characters") == true)
    }

    /// A tab or carriage return, the other formula starts, is a control character: refused
    /// anywhere in a pipeline file.
    @Test(arguments: [
        ("    vintage: \"2020\"", "    vintage: \"\\t=1\"", "line 17 (indicators[0].vintage)", "a tab, U+0009"),
        ("    unavailable: No source this year", "    unavailable: \"\\r=1\"", "(indicators[1].unavailable)", "a carriage return, U+000D"),
    ])
    func tabsAndCarriageReturnsAreRefused(original: String, replacement: String, place: String, named: String) {
        let error = error(original, replacement)
        #expect(error?.message.contains(place) == true, "\(error?.message ?? "loaded")")
        #expect(error?.message.contains("holds a control character (\(named)), which is not allowed in a pipeline file") == true)
    }

    @Test(arguments: [
        ("title: Test pipeline", "title: |\n  Two\n  lines", "(title)"),
        ("    title: Households in fuel poverty", "    title: >\n      Folded\n\n      paragraphs", "(indicators[0].title)"),
    ])
    func lineBreaksInOneLineTextAreRefused(original: String, replacement: String, place: String) {
        let error = error(original, replacement)
        #expect(error?.message.contains(place) == true, "\(error?.message ?? "loaded")")
        #expect(error?.message.contains("control character (a line break, U+000A)") == true, "\(error?.message ?? "loaded")")
    }

    @Test(arguments: [
        ("title: Test pipeline", "title: \"R&D - a plan: +5% @ 2020 = good\""),
        ("    unavailable: No source this year", "    unavailable: |\n      No source this year.\n      Perhaps next year.\n"),
        ("    title: Households in fuel poverty", "    title: \"Households (2020-21) – fuel poverty\""),
        ("    unit: \"%\"", "    unit: \"£\""),
    ])
    func ordinaryTextIsPublished(original: String, replacement: String) {
        #expect(error(original, replacement) == nil)
    }
}
