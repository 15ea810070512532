/// The workbook's shared strings (`xl/sharedStrings.xml`): text that repeats down a column,
/// such as area codes, indicator ids and qualities, stored once and referred to by number
/// from each cell. A need table of 185,000 rows names 7,142 areas and 26 indicators:
/// shared, its sheet's XML is a tenth smaller. Numbers are given in the order the strings
/// are first met, so the same sheets always give the same file.
final class SharedStrings {
    private var numbers: [String: Int] = [:]
    private var strings: [String] = []

    /// The number of `text`, added when new.
    func number(of text: String) -> Int {
        if let known = numbers[text] { return known }
        let number = strings.count
        numbers[text] = number
        strings.append(text)
        return number
    }

    var isEmpty: Bool { strings.isEmpty }

    /// The part's XML.
    var xml: String {
        var xml = XMLBuffer()
        xml.raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#)
        xml.raw(#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="\#(strings.count)">"#)
        for text in strings {
            xml.raw(XMLBuffer.needsPreservedSpace(text) ? #"<si><t xml:space="preserve">"# : "<si><t>")
            xml.text(text)
            xml.raw("</t></si>")
        }
        xml.raw("</sst>")
        return String(decoding: xml.bytes, as: UTF8.self)
    }
}
