/// A sheet of a workbook as a stream of CSV text (`SheetCSVWriter`), made on a background
/// thread: its shared strings and styles are read, then its XML is inflated and parsed
/// chunk by chunk while the reader parses the CSV on another core. Memory stays flat: a
/// few chunks of CSV in flight, the parser's state, and the shared strings.
enum SheetSource {
    /// The source; its progress counts bytes of the sheet's XML inflated.
    static func open(_ sheet: WorkbookSheet, of workbook: Workbook) -> BackgroundSource {
        let handoff = WorkbookHandoff(workbook: workbook, sheet: sheet)
        return BackgroundSource { queue in
            do throws(TableError) {
                try handoff.produce(into: queue)
                queue.end()
            } catch {
                queue.fail(error)
            }
        }
    }
}

/// The workbook, moved to the background thread: the reader's thread never touches it again.
private struct WorkbookHandoff: @unchecked Sendable {
    let workbook: Workbook
    let sheet: WorkbookSheet

    func produce(into queue: ChunkQueue) throws(TableError) {
        let strings = try workbook.sharedStrings()
        let styles = try workbook.cellStyles()
        var inflated = 0
        let writer = SheetCSVWriter(file: workbook.path, sheet: sheet.name, strings: strings, styles: styles,
                                    uses1904: workbook.uses1904, limits: workbook.limits) { chunk in
            queue.put(chunk, bytesRead: inflated)
        }
        let parser = XMLPushParser(file: workbook.path, part: sheet.part, handler: writer)
        do {
            try workbook.archive.read(sheet.part, limit: workbook.limits.maxDecompressedBytes) { chunk in
                inflated += chunk.count
                try parser.feed(chunk)
            }
            try parser.finish()
        } catch {
            throw error.inSheet(sheet.name)
        }
        writer.finish()
    }
}

extension TableError {
    /// The error, naming `sheet` when it names none yet.
    func inSheet(_ sheet: String) -> TableError {
        var located = self
        if located.sheet == nil { located.sheet = sheet }
        return located
    }
}
