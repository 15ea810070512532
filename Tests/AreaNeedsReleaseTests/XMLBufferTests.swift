import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import AreaNeedsRelease

/// The workbook's XML writer: every text escaped, what XML forbids removed, and what an XML
/// parser reads back is the text.
@Suite("The workbook's XML text")
struct XMLBufferTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("A & B <c> \"d\" 'e'", "A &amp; B &lt;c&gt; \"d\" 'e'"),
        ("line\nbreak\ttab", "line\nbreak\ttab"),
        ("carriage\r\nreturn", "carriage&#13;\nreturn"),
        ("bell\u{07}escape\u{1B}[31mnull\u{00}", "bellescape[31mnull"),
        ("not a character: \u{FFFE}\u{FFFF}, kept: \u{FFFD}\u{EFFF}", "not a character: , kept: \u{FFFD}\u{EFFF}"),
        ("Ynys Môn – “quoted”", "Ynys Môn – “quoted”"),
    ])
    func elementText(text: String, written: String) {
        var buffer = XMLBuffer()
        buffer.text(text)
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == written)
    }

    @Test func attributesEscapeQuotesAndWhiteSpace() {
        var buffer = XMLBuffer()
        buffer.attribute("a \"b\"\tc\nd")
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == "a &quot;b&quot;&#9;c&#10;d")
    }

    @Test func aParserReadsBackTheTextLessTheForbiddenCharacters() throws {
        let text = "=HYPERLINK(\"http://x\") & <b>\r\n\u{01}\u{FFFE}ü\u{1F600}"
        var buffer = XMLBuffer()
        buffer.raw("<t>")
        buffer.text(text)
        buffer.raw("</t>")
        final class Text: NSObject, XMLParserDelegate {
            var read = ""
            func parser(_ parser: XMLParser, foundCharacters string: String) { read += string }
        }
        let collector = Text()
        let parser = XMLParser(data: Data(buffer.bytes))
        parser.delegate = collector
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(collector.read == "=HYPERLINK(\"http://x\") & <b>\r\nü\u{1F600}")
    }

    @Test func edgeSpacesAreMarkedToBeKept() {
        #expect(XMLBuffer.needsPreservedSpace(" lead"))
        #expect(XMLBuffer.needsPreservedSpace("trail\n"))
        #expect(!XMLBuffer.needsPreservedSpace("in side"))
        #expect(!XMLBuffer.needsPreservedSpace(""))
    }
}
