extension TableWriter {
    /// Appends the data rows of a table a `TableWriter` wrote at `path`, after checking that
    /// its header line is `header`: for publishing a staged table under the release's header
    /// without reading and writing each field again.
    ///
    /// Throws `.unreadable`, naming `path`, when it cannot be read, has another header or
    /// ends inside a row; `.unwritable` when the copy cannot be written.
    package func copyRows(ofTableAt path: String, header: [String]) throws(TableError) {
        let file = try FileInput(path: path)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        let expected = Array((header.joined(separator: ",") + "\n").utf8)
        var filled = 0
        var headerDone = false
        var last = UInt8.newline
        while true {
            let got = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if got == 0 { break }
            filled += got
            var start = 0
            if !headerDone {
                // The header line is short: it is within the first piece read.
                guard filled >= expected.count else { continue }
                guard buffer[0..<expected.count].elementsEqual(expected) else {
                    let line = String(decoding: buffer[0..<filled].prefix { $0 != .newline }, as: UTF8.self)
                    throw TableError(.unreadable(reason: "it has the header \(line), not \(header.joined(separator: ","))"), file: path)
                }
                headerDone = true
                start = expected.count
            }
            if filled > start {
                last = buffer[filled - 1]
                try write(formattedRows: UnsafeRawBufferPointer(rebasing: buffer[start..<filled]))
            }
            filled = 0
        }
        guard headerDone, last == .newline else {
            throw TableError(.unreadable(reason: "it is not a whole table: no header line, or a last row without its line end"), file: path)
        }
    }
}
