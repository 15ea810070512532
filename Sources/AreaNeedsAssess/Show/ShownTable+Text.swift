extension ShownTable {
    /// The rows as an aligned table for a terminal `width` characters wide: numbers to the
    /// right and never cut (rounded for reading, as `assess` shows figures), text to the
    /// left, wrapped within its column when the table would not fit otherwise, or cut short
    /// with "…" in a column too narrow to wrap in; headers wrap after an underscore. A last
    /// line counts the rows and names the release.
    package func text(width: Int) -> String {
        let headers = fields.map(\.name)
        let cells = rows.map { row in zip(fields, row).map { ShownTable.display($1, $0.type) } }
        let numeric = fields.map(\.isNumeric)
        var widths = headers.indices.map { column in
            max(headers[column].count, cells.map { $0[column].count }.max() ?? 0)
        }
        // The narrowest each column may become: a number's full width, eight characters of
        // text, five of a text column empty in every row shown (a header breaks into as many
        // lines as it needs).
        let minimums = headers.indices.map { column -> Int in
            if numeric[column] { return max(cells.map { $0[column].count }.max() ?? 0, 4) }
            return min(widths[column], cells.allSatisfy { $0[column].isEmpty } ? 5 : 8)
        }
        let gap = 2
        while widths.reduce(0, +) + gap * max(0, widths.count - 1) > width {
            guard let widest = widths.indices.filter({ widths[$0] > minimums[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        var lines = ShownTable.layout(headers.indices.map { ShownTable.wrapHeader(headers[$0], width: widths[$0]) },
                                      widths: widths, rightAligned: numeric, gap: gap)
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: String(repeating: " ", count: gap)))
        for row in cells {
            let wrapped = row.indices.map { column in
                numeric[column] ? [row[column]] : ShownTable.fit(row[column], width: widths[column])
            }
            lines += ShownTable.layout(wrapped, widths: widths, rightAligned: numeric, gap: gap)
        }
        let count = "\(rows.count) row\(rows.count == 1 ? "" : "s") of \(table.name)"
        let total = widths.reduce(0, +) + gap * max(0, widths.count - 1)
        let tooWide = total > width ? " (\(total) characters wide: choose fewer with --columns)" : ""
        lines.append("")
        lines.append("\(count), release \(release)\(synthetic ? " (SYNTHETIC DATA: made-up figures)" : "")\(tooWide)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines of one row whose cells are already wrapped, padded to the widths.
    private static func layout(_ cells: [[String]], widths: [Int], rightAligned: [Bool], gap: Int) -> [String] {
        let height = cells.map(\.count).max() ?? 1
        return (0..<height).map { line in
            cells.indices.map { column -> String in
                let text = line < cells[column].count ? cells[column][line] : ""
                let padding = String(repeating: " ", count: max(0, widths[column] - text.count))
                return rightAligned[column] ? padding + text : text + padding
            }.joined(separator: String(repeating: " ", count: gap)).trimmingTrailingSpaces()
        }
    }

    /// Text that fits a column: as it is, wrapped in a column wide enough to read wrapped
    /// text, else cut short with "…".
    static func fit(_ text: String, width: Int) -> [String] {
        guard text.count > width else { return [text] }
        return width >= 24 ? wrap(text, width: width) : [String(text.prefix(max(0, width - 1))) + "…"]
    }

    /// Text wrapped at spaces to lines of at most `width` characters; a longer word is cut
    /// into pieces.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard text.count > width, width > 0 else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            var word = word
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            while word.count > width {
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                }
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines
    }

    /// "indicators_in_worst" -> "indicators_", "in_", "worst": where a header may break.
    static func headerPieces(_ header: String) -> [String] {
        var pieces: [String] = []
        var piece = ""
        for character in header {
            piece.append(character)
            if character == "_" {
                pieces.append(piece)
                piece = ""
            }
        }
        if !piece.isEmpty { pieces.append(piece) }
        return pieces
    }

    /// A header on as few lines as `width` allows, broken after underscores.
    static func wrapHeader(_ header: String, width: Int) -> [String] {
        guard header.count > width else { return [header] }
        var lines: [String] = []
        var line = ""
        for piece in headerPieces(header) {
            if !line.isEmpty && line.count + piece.count > width {
                lines.append(line)
                line = ""
            }
            line += piece
        }
        lines.append(line)
        return lines.flatMap { wrap($0, width: width) }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
