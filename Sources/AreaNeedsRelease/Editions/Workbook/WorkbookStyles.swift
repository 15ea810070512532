/// `xl/styles.xml`: the number formats, fonts, fills and cell formats of `CellStyle`, with
/// the need quintiles in the report's colour-blind-safe palette (`NeedPalette`).
enum WorkbookStyles {
    /// The number formats the workbook adds to Excel's built-in ones, by id.
    static let customFormats: [(id: Int, code: String)] = [(164, "#,##0.0##"), (165, "0.0"), (166, "#,##0.0"), (167, "#,##0.000")]

    private enum Font: Int, CaseIterable {
        case normal, bold, white, title, warning
    }

    /// Fills: the two every workbook starts with, the headers' grey, then one per quintile.
    private static let headerFill = 2
    private static func quintileFill(_ quintile: Int) -> Int { 2 + quintile }

    static var xml: String {
        var xml = XMLBuffer()
        xml.raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#)
        xml.raw(#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#)
        xml.raw(#"<numFmts count="\#(customFormats.count)">"#)
        for format in customFormats {
            xml.raw(#"<numFmt numFmtId="\#(format.id)" formatCode=""#)
            xml.attribute(format.code)
            xml.raw(#""/>"#)
        }
        xml.raw("</numFmts>")
        xml.raw(#"<fonts count="\#(Font.allCases.count)">"#)
        for font in Font.allCases {
            xml.raw("<font>" + fontXML(font) + "</font>")
        }
        xml.raw("</fonts>")
        xml.raw(#"<fills count="\#(3 + NeedPalette.fills.count)">"#)
        xml.raw(#"<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#)
        xml.raw(solidFill("FFE7E6E6"))
        for fill in NeedPalette.fills { xml.raw(solidFill(argb(fill))) }
        xml.raw("</fills>")
        xml.raw(#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#)
        // The "Normal" style, which a cell without a format of its own takes, at the top too.
        xml.raw(#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment vertical="top"/></xf></cellStyleXfs>"#)
        xml.raw(#"<cellXfs count="\#(CellStyle.all.count)">"#)
        for style in CellStyle.all { xml.raw(formatXML(style)) }
        xml.raw("</cellXfs>")
        xml.raw(#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#)
        xml.raw(#"<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>"#)
        xml.raw("</styleSheet>")
        return String(decoding: xml.bytes, as: UTF8.self)
    }

    private static func fontXML(_ font: Font) -> String {
        switch font {
        case .normal: #"<sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/>"#
        case .bold: #"<b/><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/>"#
        case .white: #"<sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/>"#
        case .title: #"<b/><sz val="16"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/>"#
        case .warning: #"<b/><sz val="14"/><color rgb="FFC00000"/><name val="Calibri"/><family val="2"/>"#
        }
    }

    private static func solidFill(_ argb: String) -> String {
        #"<fill><patternFill patternType="solid"><fgColor rgb="\#(argb)"/><bgColor indexed="64"/></patternFill></fill>"#
    }

    /// "#3B528B" as Excel writes colours: "FF3B528B".
    private static func argb(_ hex: String) -> String {
        "FF" + hex.dropFirst().uppercased()
    }

    /// A cell format. Every cell sits at the top of its row, so that a row made tall by
    /// wrapped text still reads across.
    private static func formatXML(_ style: CellStyle) -> String {
        var font = Font.normal
        var fill = 0
        var alignment: String? = #"<alignment vertical="top"/>"#
        switch style {
        case .header:
            (font, fill, alignment) = (.bold, headerFill, #"<alignment vertical="top" wrapText="1"/>"#)
        case .text, .literalText:
            alignment = #"<alignment vertical="top" wrapText="1"/>"#
        case .title:
            font = .title
        case .warning:
            (font, alignment) = (.warning, #"<alignment vertical="top" wrapText="1"/>"#)
        case .label:
            (font, alignment) = (.bold, #"<alignment vertical="top"/>"#)
        case .groupHeader:
            (font, fill, alignment) = (.bold, headerFill, #"<alignment horizontal="center" vertical="center" wrapText="1"/>"#)
        case .columnHeader:
            (font, fill, alignment) = (.bold, headerFill, #"<alignment vertical="bottom" wrapText="1"/>"#)
        default:
            break
        }
        if let quintile = style.quintile {
            fill = quintileFill(quintile)
            font = NeedPalette.ink(quintile: quintile) == "#FFFFFF" ? .white : .normal
            if style.isQuintile { alignment = #"<alignment horizontal="center" vertical="top"/>"# }
        }
        var xml = #"<xf numFmtId="\#(style.numberFormat)" fontId="\#(font.rawValue)" fillId="\#(fill)" borderId="0" xfId="0""#
        if style.numberFormat != 0 { xml += #" applyNumberFormat="1""# }
        if font != .normal { xml += #" applyFont="1""# }
        if fill != 0 { xml += #" applyFill="1""# }
        if alignment != nil { xml += #" applyAlignment="1""# }
        if style == .literalText { xml += #" quotePrefix="1""# }
        guard let alignment else { return xml + "/>" }
        return xml + ">" + alignment + "</xf>"
    }
}
