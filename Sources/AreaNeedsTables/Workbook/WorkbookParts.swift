/// The small parts of a workbook that say where everything is: the relationships
/// (`_rels/.rels`, `xl/_rels/workbook.xml.rels`) and the workbook itself (`xl/workbook.xml`:
/// the sheets in tab order and the date system). Names are matched without their
/// namespaces, so Strict Open XML workbooks read too.
enum WorkbookParts {
    /// One relationship of a part: what it is (the end of its type URI) and its target,
    /// resolved to a path inside the archive.
    struct Relationship {
        var id: String
        var kind: String
        var target: String
    }

    /// The relationships of the part at `part` (its `_rels/NAME.rels` beside it); none
    /// when it has no such part.
    static func relationships(of part: String, in archive: WorkbookArchive, limit: Int) throws(TableError) -> [Relationship] {
        let folder = WorkbookParts.folder(of: part)
        let name = String(part.split(separator: "/").last ?? "")
        let relsPart = folder + "_rels/" + name + ".rels"
        guard archive.contains(relsPart) else { return [] }
        let handler = RelationshipsHandler(folder: folder)
        try parse(relsPart, in: archive, with: handler, limit: limit)
        return handler.relationships
    }

    /// The folder a part is in, with its trailing slash ("xl/"), or "" at the top.
    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// A relationship's target as a path inside the archive: absolute ("/xl/sheet1.xml")
    /// or relative to the source part's folder, with ".." resolved.
    static func resolve(_ target: String, inFolder folder: String) -> String {
        var components: [Substring] = []
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
        for component in joined.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    /// Parses `part` with `handler`, streaming.
    static func parse(_ part: String, in archive: WorkbookArchive, with handler: XMLEventHandler, limit: Int) throws(TableError) {
        let parser = XMLPushParser(file: archive.path, part: part, handler: handler)
        try archive.read(part, limit: limit) { try parser.feed($0) }
        try parser.finish()
    }

    /// `xl/workbook.xml`: the sheets with their relationship ids, and the date system.
    final class WorkbookHandler: XMLEventHandler {
        var sheets: [(name: String, relationship: String, hidden: Bool)] = []
        var usesDate1904 = false

        override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
            if name.is("sheet") {
                let state = attributes.string("state") ?? "visible"
                sheets.append((attributes.string("name") ?? "", attributes.string("id", prefixed: true) ?? "", state != "visible"))
            } else if name.is("workbookPr") {
                let flag = attributes.string("date1904")?.lowercased()
                usesDate1904 = flag == "1" || flag == "true"
            }
        }

    }

    /// A `.rels` part.
    private final class RelationshipsHandler: XMLEventHandler {
        let folder: String
        var relationships: [Relationship] = []

        init(folder: String) {
            // Targets are relative to the folder of the part the relationships belong to.
            self.folder = folder
        }

        override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
            guard name.is("Relationship"), attributes.string("TargetMode") != "External",
                  let id = attributes.string("Id"), let type = attributes.string("Type"),
                  let target = attributes.string("Target") else { return }
            let kind = String(type.split(separator: "/").last ?? "")
            relationships.append(Relationship(id: id, kind: kind, target: WorkbookParts.resolve(target, inFolder: folder)))
        }

    }
}
