import Testing
@testable import AreaNeedsCore

@Suite("Finding what configuration files refuse in their text")
struct YAMLFeatureScanTests {
    func found(_ text: String) -> YAMLFeatureScan.Finding? {
        YAMLFeatureScan.first(in: text)
    }

    @Test func quotesCommentsBlockScalarsAndPlainTextHoldNothing() {
        let text = """
            title: "R&D *bold* & more !important"   # a comment with &anchor, *alias and !tag
            notes: Burnley & Pendle, *not an alias, !not a tag, ? not a key
            markers: ["*", "&", "!"]
            url: http://example.org/a?b=c
            description: |
              a block with &anchor
              and *alias and !tag
              ? and a key
            quoted: "a quote that
              goes on &here"
            single: 'it''s
              *fine'
            list:
              - - nested
                - once
            """
        #expect(found(text) == nil)
    }

    @Test(arguments: [
        ("a: &x 1\n", 1), ("a: *x\n", 1), ("a: [1, *x]\n", 1), ("a: {b: &x 1}\n", 1), ("list:\n  - &first item\n", 2),
        ("a: 1\nb:\n  - *x\n", 3), ("--- &doc\na: 1\n", 1), ("quoted: \"x\" \nb: *x\n", 2),
    ])
    func anchorsAndAliases(text: String, line: Int) {
        #expect(found(text) == YAMLFeatureScan.Finding(line: line, feature: .anchorOrAlias))
    }

    @Test(arguments: [
        ("unit: !!str &n title\n", 1), ("a: !x 1\n", 1), ("a: ! 1\n", 1), ("!!str key: 1\n", 1), ("a:\n  - !!int 1\n", 2),
        ("a: [!!str 1]\n", 1), ("--- !!map\na: 1\n", 1),
    ])
    func tags(text: String, line: Int) {
        #expect(found(text) == YAMLFeatureScan.Finding(line: line, feature: .tag))
    }

    @Test(arguments: [("? *n\n: Evil\n", 1), ("a:\n  ? [x]\n  : y\n", 2), ("a: {? b: c}\n", 1), ("- ? x\n", 1)])
    func complexKeys(text: String, line: Int) {
        #expect(found(text) == YAMLFeatureScan.Finding(line: line, feature: .complexKey))
    }

    @Test func nestingDeeperThanTheLimit() {
        let deep = YAMLFeatureScan.maximumDepth + 1
        #expect(found("a: " + String(repeating: "[", count: deep) + "\n")?.feature == .deepNesting)
        #expect(found(String(repeating: "- ", count: deep) + "x\n")?.feature == .deepNesting)
        #expect(found("a: " + String(repeating: "{b: ", count: deep) + "\n")?.feature == .deepNesting)
        #expect(found("a: " + String(repeating: "[", count: deep - 1) + String(repeating: "]", count: deep - 1) + "\n") == nil)
        // Brackets closed on later lines still count.
        #expect(found(String(repeating: "[\n", count: deep))?.line == deep)
    }
}
