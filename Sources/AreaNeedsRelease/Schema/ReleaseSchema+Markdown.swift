import Foundation

extension ReleaseSchema {
    /// The marks around the generated part of `data-out/README.md`.
    package static let markdownStart = "<!-- The tables below are generated from ReleaseSchema: do not edit them by hand. -->"
    package static let markdownEnd = "<!-- End of the generated tables. -->"

    /// Every table and column as Markdown, for `data-out/README.md`: written from the
    /// schema itself, so the documentation cannot drift from what is published.
    package var markdown: String {
        var lines = [ReleaseSchema.markdownStart, ""]
        for table in tables {
            lines += ["### `\(table.fileName)`: \(table.title)", "", table.description, ""]
            lines.append("Primary key: " + table.primaryKey.map { "`\($0)`" }.joined(separator: ", ") + ".")
            if !table.foreignKeys.isEmpty {
                let references = table.foreignKeys.map { key in
                    key.fields.map { "`\($0)`" }.joined(separator: ", ") + " → `"
                        + key.resource + "." + key.referencedFields.joined(separator: ", ") + "`"
                }
                lines.append("References: " + references.joined(separator: "; ") + ".")
            }
            lines += ["", "| column | type | constraints | description |", "|---|---|---|---|"]
            for field in table.fields {
                let cells = ["`\(field.name)`", field.type.rawValue, constraints(field), field.description]
                lines.append("| " + cells.map(escaped).joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        lines.append(ReleaseSchema.markdownEnd)
        return lines.joined(separator: "\n") + "\n"
    }

    private func constraints(_ field: TableSchema.Field) -> String {
        var parts: [String] = []
        if field.required { parts.append("required") }
        if field.unique { parts.append("unique") }
        switch (field.minimum, field.maximum) {
        case let (minimum?, maximum?): parts.append("\(number(minimum)) to \(number(maximum))")
        case let (minimum?, nil): parts.append("at least \(number(minimum))")
        case let (nil, maximum?): parts.append("at most \(number(maximum))")
        case (nil, nil): break
        }
        if let allowed = field.allowed { parts.append("one of " + allowed.map { "`\($0)`" }.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    private func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A table cell: a `|` would end the cell.
    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
