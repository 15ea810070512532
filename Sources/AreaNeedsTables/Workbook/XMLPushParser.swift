internal import CLibXML2

/// What an XML part of a workbook is read into: the events of libxml2's SAX2 parser, with
/// names and text as bytes that are valid only during the call. Each part's reader is a
/// subclass: libxml2 calls back through a plain pointer to it, and a class method is
/// reached from there with no reference counted, for every element of a sheet.
class XMLEventHandler {
    /// The problem the handler found, if it did: it then ignores the rest, and the parse
    /// stops with this error at the end of the chunk.
    final var failure: TableError? {
        didSet { stopped = failure != nil }
    }
    /// Whether `failure` is set: checked at every event, where copying the error would cost.
    final private(set) var stopped = false
    /// libxml2's first error, from its structured error callback.
    final fileprivate(set) var parseError: String?

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) {}
    func endElement(_ name: XMLName) {}
    /// Some of an element's text (a run may come in several calls), entities decoded.
    func characters(_ text: UnsafeRawBufferPointer) {}
}

/// An element's local name (without its namespace prefix), as libxml2 hands it over.
struct XMLName {
    let bytes: UnsafePointer<UInt8>

    /// Whether the name is `name`.
    @inline(__always)
    func `is`(_ name: StaticString) -> Bool {
        let wanted = name.utf8Start
        let count = name.utf8CodeUnitCount
        for index in 0..<count where bytes[index] != wanted[index] { return false }
        return bytes[count] == 0
    }
}

/// An element's attributes: libxml2's five pointers per attribute (local name, prefix,
/// namespace, start and end of the value).
struct XMLAttributes {
    let pointers: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let count: Int

    /// The value of the attribute with this local name; `prefixed` asks for one in a
    /// namespace (`r:id`), otherwise one without.
    func value(_ name: StaticString, prefixed: Bool = false) -> UnsafeRawBufferPointer? {
        guard let pointers else { return nil }
        for index in 0..<count {
            let base = pointers + index * 5
            guard XMLName(bytes: base[0]!).is(name), (base[1] != nil) == prefixed else { continue }
            let start = base[3]!
            return UnsafeRawBufferPointer(start: start, count: start.distance(to: base[4]!))
        }
        return nil
    }

    /// The value as text, its character references and entities decoded: libxml2 hands
    /// attribute values over with those left in ("R&amp;D" as "R&#38;D").
    func string(_ name: StaticString, prefixed: Bool = false) -> String? {
        value(name, prefixed: prefixed).map { XMLAttributes.decodeReferences(String(decoding: $0, as: UTF8.self)) }
    }

    /// `text` with `&#38;`, `&#x26;` and the five predefined entities made characters.
    static func decodeReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else { break }
            let name = rest[rest.index(after: rest.startIndex)..<semicolon]
            let predefined = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            var character: String? = predefined[String(name)]
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                character = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if name.hasPrefix("#") {
                character = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            }
            guard let character else { break }
            result += character
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    /// The value as a whole number of up to 18 digits; nil when absent or not one.
    func integer(_ name: StaticString) -> Int? {
        value(name).flatMap(parseDigits)
    }
}

/// The digits of `bytes` as a number; nil when they are empty, too long or not all digits.
@inline(__always)
func parseDigits(_ bytes: UnsafeRawBufferPointer) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
    var value = 0
    for byte in bytes {
        let digit = byte &- 48
        guard digit < 10 else { return nil }
        value = value &* 10 &+ Int(digit)
    }
    return value
}

/// libxml2's SAX2 push parser, fed a part of a workbook chunk by chunk as it is inflated,
/// so no part is ever held whole. libxml2 parses several times faster than Foundation's
/// `XMLParser`, which makes a `String` and a dictionary of every element's attributes.
///
/// Entities are decoded but never loaded from outside the file (no network, no external
/// entities); libxml2 guards against entity expansion bombs itself.
final class XMLPushParser {
    private let context: xmlParserCtxtPtr
    private let handler: XMLEventHandler
    private let file: String
    private let part: String

    /// A parser that sends the events of `part` of `file` (for messages) to `handler`.
    init(file: String, part: String, handler: XMLEventHandler) {
        XMLPushParser.initialiseLibrary
        self.file = file
        self.part = part
        self.handler = handler
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = startElementCallback
        sax.endElementNs = endElementCallback
        sax.characters = charactersCallback
        sax.cdataBlock = charactersCallback
        sax.serror = errorCallback
        // libxml2 hands its user data, the handler, to every callback.
        context = xmlCreatePushParserCtxt(&sax, nil, nil, 0, nil)
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
        context.pointee.userData = Unmanaged.passUnretained(handler).toOpaque()
    }

    deinit {
        xmlFreeDoc(context.pointee.myDoc)
        xmlFreeParserCtxt(context)
    }

    /// libxml2 must be set up once, before any thread uses it.
    private static let initialiseLibrary: Void = xmlInitParser()

    /// Parses the next chunk; throws the handler's failure or a syntax error.
    func feed(_ bytes: UnsafeRawBufferPointer) throws(TableError) {
        guard !bytes.isEmpty else { return }
        let status = bytes.withMemoryRebound(to: CChar.self) { chars in
            xmlParseChunk(context, chars.baseAddress, Int32(chars.count), 0)
        }
        try check(status)
    }

    /// Ends the input; throws when the part stops before its end.
    func finish() throws(TableError) {
        try check(xmlParseChunk(context, nil, 0, 1))
    }

    private func check(_ status: Int32) throws(TableError) {
        if let failure = handler.failure { throw failure }
        guard status == 0 else {
            let detail = handler.parseError ?? "libxml2 error \(status)"
            throw TableError(.corruptWorkbook(reason: "its part \(part) is not well-formed XML: \(detail)"), file: file)
        }
    }
}

/// The handler behind libxml2's user data, reached without retaining it: it lives as long
/// as its parser, which holds it.
@inline(__always)
private func withHandler(_ context: UnsafeMutableRawPointer?, _ body: (XMLEventHandler) -> Void) {
    Unmanaged<XMLEventHandler>.fromOpaque(context!)._withUnsafeGuaranteedRef(body)
}

private func startElementCallback(
    _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    _ attributeCount: Int32, _ defaultedCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    withHandler(context) { $0.startElement(XMLName(bytes: localName!), XMLAttributes(pointers: attributes, count: Int(attributeCount))) }
}

private func endElementCallback(
    _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?
) {
    withHandler(context) { $0.endElement(XMLName(bytes: localName!)) }
}

private func charactersCallback(_ context: UnsafeMutableRawPointer?, _ text: UnsafePointer<xmlChar>?, _ length: Int32) {
    withHandler(context) { $0.characters(UnsafeRawBufferPointer(start: text, count: Int(length))) }
}

private func errorCallback(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    withHandler(context) { handler in
        guard handler.parseError == nil else { return }
        let message = error.pointee.message.map { String(cString: $0).trimmingWhitespace() } ?? "error \(error.pointee.code)"
        handler.parseError = "line \(error.pointee.line): \(message)"
    }
}
