import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsCore

/// Pipeline files, the framework file and areaneeds.yml are read strictly: whatever makes
/// a value other than it looks, or costs time and memory out of proportion, is refused
/// with a configuration error that names the line and quotes at most a short excerpt.
@Suite("Reading configuration files strictly")
struct ConfigurationFileTests {
    let temporary = TemporaryFolder("areaneeds-configuration")

    func write(_ text: String, name: String = "pipeline.yml") -> String {
        temporary.file(name, text)
    }

    func loadError(_ text: String) -> AreaNeedsError? {
        do {
            _ = try Pipeline.load(path: write(text))
            return nil
        } catch {
            return error
        }
    }

    /// The pipeline of `PipelineLoaderTests`, with `text` in place of `original`.
    func changed(_ original: String, _ text: String) -> String {
        #expect(PipelineLoaderTests.valid.contains(original), "no \(original) in the pipeline")
        return PipelineLoaderTests.valid.replacingOccurrences(of: original, with: text)
    }

    /// The tag that turned a unit into a title: refused, with its line, whichever check sees it.
    @Test func theTagHoleIsClosed() {
        let text = changed("    title: Households in fuel poverty\n", "").replacingOccurrences(
            of: "    unit: \"%\"\n", with: "    unit: !!str &n title\n    ? *n\n    : Evil\n")
        let error = loadError(text)
        #expect(error?.category == .configuration)
        #expect(error?.message.contains("pipeline.yml, line 15: tags (!!str, !name) are not allowed in a pipeline file") == true)
    }

    @Test(arguments: [
        ("  label: test", "  label: !!str test", 4), ("objective: 5", "objective: !!int 5", 14),
        ("release:\n", "release: !!map\n", 3), ("    scale: 100", "    scale: !!float 100", 19),
        ("  label: test", "  label: !local test", 4), ("  label: test", "  label: ! test", 4),
    ])
    func everyTagIsRefused(original: String, replacement: String, line: Int) {
        let error = loadError(changed(original, replacement))
        #expect(error?.category == .configuration)
        #expect(error?.message.contains("line \(line): tags (!!str, !name) are not allowed") == true, "\(error?.message ?? "loaded")")
    }

    @Test(arguments: ["release:\n  <<: {label: other}", "release: {<<: {label: other}}", "release:\n  label: test\n  \"<<\": {}"])
    func mergeKeysAreRefused(replacement: String) {
        let error = loadError(changed("release:\n  label: test", replacement))
        #expect(error?.category == .configuration)
        #expect(error?.message.contains("merge keys (<<) are not allowed in a pipeline file") == true, "\(error?.message ?? "loaded")")
    }

    @Test(arguments: ["? title\n: Other\n", "? [a, b]\n: c\n", "{? a: b}: c\n"])
    func complexKeysAreRefused(addition: String) {
        let error = loadError(addition + PipelineLoaderTests.valid)
        #expect(error?.category == .configuration)
        #expect(error?.message.contains("line 1: complex keys (\"? key\") are not allowed") == true, "\(error?.message ?? "loaded")")
    }

    /// A few lines of nested aliases would expand to gigabytes: refused from the text, quickly.
    @Test func nestedAliasesAreRefusedBeforeParsing() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<12 { text += "l\(level): &l\(level) [" + Array(repeating: level == 1 ? "*a" : "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let error = loadError(text)
        #expect(error?.message == "\(temporary.path)/pipeline.yml, line 1: anchors and aliases (&name, *name) are not allowed in a pipeline file; write each setting out so it can be read on its own")
    }

    @Test func deepNestingIsRefusedBeforeParsing() {
        let error = loadError("title: " + String(repeating: "[", count: 100_000))
        #expect(error?.message.contains("line 1: nested more than 32 levels deep on one line") == true)
        let sequences = loadError(String(repeating: "- ", count: 100_000) + "x\n")
        #expect(sequences?.message.contains("nested more than 32 levels deep") == true)
    }

    /// A file above the limit is refused by its size, before any of it is read; a 50 MB
    /// file of nothing but repeated keys made the old reader take 545 MB and print it all.
    @Test func fileAboveOneMebibyteIsRefusedUnread() throws {
        let path = temporary.path + "/huge.yml"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 50_000_000)
        try handle.close()
        do {
            _ = try Pipeline.load(path: path)
            Issue.record("a 50 MB pipeline file loaded")
        } catch {
            #expect(error.category == .configuration)
            #expect(error.message == "\(path): larger than 1 MiB, the most a pipeline file may be; is it the right file?")
        }
        let justOver = write(String(repeating: "# a comment\n", count: ConfigurationFile.maximumBytes / 12 + 1), name: "over.yml")
        #expect(throws: AreaNeedsError.self) { try Pipeline.load(path: justOver) }
    }

    /// Errors quote at most one line's worth: the repeated key of a large file is named,
    /// the file is not printed.
    @Test func aRepeatedKeyInALargeFileIsNamedInOneLine() {
        let text = PipelineLoaderTests.valid + "\n" + (0..<5_000).map { "# filler \($0)" }.joined(separator: "\n") + "\ntitle: Again\n"
        let message = loadError(text)?.message ?? ""
        #expect(message == "\(temporary.path)/pipeline.yml, line 2: the key \"title\" is given more than once in one mapping (first on this line); keep one")
        let long = loadError("\(String(repeating: "k", count: 500)): 1\n\(String(repeating: "k", count: 500)): 2\n")?.message ?? ""
        #expect(long.count < 300 && !long.contains("\n"))
    }

    @Test(arguments: [
        "title: [unclosed\n", "title: \"unclosed\n", "a: b: c\n", "- a\nb: c\n", "title: @at\n", "\u{1B}[31m: x\n",
    ])
    func syntaxErrorsNameTheLineAndQuoteNothing(text: String) {
        let error = loadError(text)
        #expect(error?.category == .configuration)
        #expect(error?.message.hasPrefix("\(temporary.path)/pipeline.yml, line ") == true, "\(error?.message ?? "loaded")")
        #expect(error?.message.contains("\n") == false)
        #expect(error?.message.contains("\u{1B}") == false)
    }

    /// Escapes in quoted text make control characters the file does not show: refused
    /// wherever they are, keys included.
    @Test(arguments: [
        ("title: \"Test\\e[31m pipeline\"", "escape, U+001B"), ("title: \"Ring\\a\"", "bell, U+0007"),
        ("title: \"\\u202Eevil\"", "U+202E"), ("title: \"next\\Nline\"", "U+0085"), ("title: \"a\\tb\"", "a tab, U+0009"),
        ("\"ti\\u0000tle\": x", "U+0000"), ("title: \"\\u2066isolate\"", "U+2066"),
    ])
    func controlCharactersAreRefusedWherever(line: String, named: String) {
        let error = loadError(changed("title: Test pipeline", line))
        #expect(error?.category == .configuration)
        #expect(error?.message.contains("line 2") == true)
        #expect(error?.message.contains("holds a control character (\(named)), which is not allowed in a pipeline file") == true,
                "\(error?.message ?? "loaded")")
    }

    @Test func lineBreaksInNotesAreAllowed() throws {
        let text = changed("    unavailable: No source this year", "    unavailable: >\n      No source\n      this year\n    notes: |\n      First line.\n      Second line.")
        let pipeline = try Pipeline.load(path: write(text))
        #expect(pipeline.file.indicators[1].notes?.hasPrefix("First line.\nSecond line.") == true)
    }

    @Test func projectSettingsAreReadTheSameWay() throws {
        temporary.file("areaneeds.yml", "default-pipeline: &p sample\ndata-out: *p\n")
        #expect(throws: AreaNeedsError.self) { try ProjectSettings.load(in: temporary.path) }
        do {
            _ = try ProjectSettings.load(in: temporary.path)
        } catch {
            #expect(error.category == .configuration)
            #expect(error.message == "\(temporary.path)/areaneeds.yml, line 1: anchors and aliases (&name, *name) are not allowed in a project settings file; write each setting out so it can be read on its own")
        }
        temporary.file("areaneeds.yml", "default-pipeline: !!str sample\n")
        #expect(throws: AreaNeedsError.self) { try ProjectSettings.load(in: temporary.path) }
        temporary.file("areaneeds.yml", "default-pipline: sample\n")
        do {
            _ = try ProjectSettings.load(in: temporary.path)
            Issue.record("a misspelt key loaded")
        } catch {
            #expect(error.message.hasPrefix("\(temporary.path)/areaneeds.yml, line 1 (default-pipline): unknown key \"default-pipline\""))
        }
        temporary.file("areaneeds.yml", "# nothing set\n")
        #expect(try ProjectSettings.load(in: temporary.path) == ProjectSettings())
    }

    @Test func theFrameworkFileIsReadTheSameWay() throws {
        let framework = try String(contentsOfFile: FixtureProject.repository + "/data-raw/framework/social-value-framework.yml", encoding: .utf8)
        #expect(throws: Never.self) { try SocialValueFramework.load(path: write(framework, name: "framework.yml")) }
        let measure = "          - Recruitment of local community"
        #expect(framework.contains(measure))
        for (replacement, expected) in [
            ("          - =HYPERLINK(\"http://x\")", "begins with \"=\", which makes a spreadsheet read the cell as a formula"),
            ("          - \"Recruit\\e[5m\"", "holds a control character (escape, U+001B)"),
            ("          - &m Recruitment", "anchors and aliases"),
        ] {
            let path = write(framework.replacingOccurrences(of: measure, with: replacement), name: "framework.yml")
            do {
                _ = try SocialValueFramework.load(path: path)
                Issue.record("loaded with \(replacement)")
            } catch {
                #expect(error.category == .configuration)
                #expect(error.message.contains(expected), "\(error.message)")
                #expect(error.message.contains("framework.yml, line 26"), "\(error.message)")
            }
        }
    }
}
