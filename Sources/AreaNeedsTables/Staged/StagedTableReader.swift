/// Reads a staged table (`StagedTableWriter`), streaming, in constant memory: from its
/// file, or from the bytes its writer kept (`StagedTable`).
///
/// A file that is not a staged table, or not a whole one, is an error naming the file; a
/// stage meeting one is told to run the stage that writes it again.
///
///     let reader = try StagedTableReader(path: "rows.staged")
///     let code = try reader.column("code", .text)
///     try reader.forEachRow { row in print(row.text(code)) }
package final class StagedTableReader {
    package let path: String
    package private(set) var columns: [StagedColumn] = []

    /// Where the bytes come from.
    private var source: Source
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var inputEnded = false
    private var finished = false
    /// The columns' kinds, behind a plain pointer: read for every field of every row.
    private var kinds: UnsafeMutableBufferPointer<StagedColumn.Kind> = .init(start: nil, count: 0)
    /// The decoded fields of the current row, one slot per column: for text, where its
    /// bytes start in `buffer` and how many; for a number, its bits and whether it is
    /// present; for a count, its value.
    private var first: UnsafeMutablePointer<Int>
    private var second: UnsafeMutablePointer<Int>

    private enum Source {
        case file(descriptor: Int32)
        /// A table in memory, and how much of it was taken: pieces, and bytes of the next.
        case memory(StagedTable, piece: Int, offset: Int)
    }

    /// Opens the file and reads its header.
    package convenience init(path: String) throws(TableError) {
        let descriptor: Int32
        do {
            descriptor = try SystemCalls.openForReading(path)
        } catch {
            throw TableError(reading: error, file: path)
        }
        try self.init(path: path, source: .file(descriptor: descriptor))
    }

    /// Reads a table held in memory, as its file would be read.
    package convenience init(table: StagedTable) throws(TableError) {
        try self.init(path: table.path, source: .memory(table, piece: 0, offset: 0))
    }

    private init(path: String, source: Source) throws(TableError) {
        self.path = path
        self.source = source
        buffer = .allocate(byteCount: 1 << 18, alignment: 16)
        first = .allocate(capacity: 1)
        second = .allocate(capacity: 1)
        // A throw from here on runs `deinit`, which closes and frees what is open.
        columns = try readHeader()
        kinds = .allocate(capacity: columns.count)
        _ = kinds.initialize(from: columns.map(\.kind))
        first.deallocate()
        second.deallocate()
        first = .allocate(capacity: max(columns.count, 1))
        second = .allocate(capacity: max(columns.count, 1))
        first.initialize(repeating: 0, count: max(columns.count, 1))
        second.initialize(repeating: 0, count: max(columns.count, 1))
    }

    deinit {
        if case .file(let descriptor) = source { try? SystemCalls.close(descriptor) }
        kinds.deallocate()
        buffer.deallocate()
        first.deallocate()
        second.deallocate()
    }

    /// The position of the column named `name`, which must hold values of `kind`.
    package func column(_ name: String, _ kind: StagedColumn.Kind) throws(TableError) -> Int {
        guard let index = columns.firstIndex(where: { $0.name == name }) else {
            throw TableError(.columnNotFound(name: name, available: columns.map(\.name)), file: path)
        }
        guard columns[index].kind == kind else {
            throw damaged("the column \"\(name)\" holds \(columns[index].kind) values, not \(kind)")
        }
        return index
    }

    /// Calls `body` with each row in order. A row is valid only during the call.
    package func forEachRow(_ body: (StagedRecord) throws -> Void) throws {
        precondition(!finished, "a staged table is read once")
        var rowsRead = 0
        while true {
            if start == end { try refill() }
            guard start < end else { throw damaged("it ends after \(rowsRead) rows, without its end mark") }
            let marker = buffer[start]
            if marker == StagedTableLayout.endMarker {
                try readEnd(rowsRead: rowsRead)
                return
            }
            guard marker == StagedTableLayout.rowMarker else { throw damaged("row \(rowsRead + 1) does not start with a row mark") }
            guard let next = try decodeRow(at: start + 1, number: rowsRead + 1) else {
                if inputEnded { throw damaged("it ends inside row \(rowsRead + 1)") }
                try refill()
                continue
            }
            rowsRead += 1
            try body(StagedRecord(bytes: UnsafeRawPointer(buffer.baseAddress!), first: first, second: second, kinds: UnsafeBufferPointer(kinds)))
            start = next
        }
    }

    /// Every row as the text its CSV table would have: numbers as `NumberText` writes
    /// them, a missing number empty.
    package func texts() throws -> [[String]] {
        var rows: [[String]] = []
        try forEachRow { row in rows.append(row.texts(columns)) }
        return rows
    }

    // MARK: - Decoding

    /// Decodes the row whose fields start at `position` into `first` and `second`; returns
    /// where the next row starts, or nil when the buffer ends inside the row.
    ///
    /// Through plain pointers, with the common one-byte lengths and counts read in line: this
    /// runs for every row the normalise stage reads (1.6 million on the national benchmark).
    private func decodeRow(at position: Int, number: Int) throws(TableError) -> Int? {
        // The reader's state in locals: each read of a stored property of a class checks
        // at run time that nothing is writing it, for every field.
        let bytes = UnsafePointer(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
        let (end, kinds, first, second) = (self.end, self.kinds, self.first, self.second)
        var position = position
        for index in 0..<kinds.count {
            switch kinds[index] {
            case .text:
                guard position < end else { return nil }
                var length = Int(bytes[position])
                var after = position &+ 1
                if length >= 0x80 {
                    guard let (long, next) = try varint(at: position, row: number) else { return nil }
                    (length, after) = (long, next)
                }
                guard length <= end &- after else { return nil }
                first[index] = after
                second[index] = length
                position = after &+ length
            case .number:
                guard position < end else { return nil }
                switch bytes[position] {
                case StagedTableLayout.missingNumber:
                    second[index] = 0
                    position &+= 1
                case StagedTableLayout.presentNumber:
                    guard position &+ 9 <= end else { return nil }
                    first[index] = Int(bitPattern: UInt(UInt64(littleEndian: UnsafeRawPointer(bytes + position + 1).loadUnaligned(as: UInt64.self))))
                    second[index] = 1
                    position &+= 9
                case StagedTableLayout.wholeNumber:
                    guard let (value, after) = try varint(at: position &+ 1, row: number) else { return nil }
                    guard value <= Int(StagedTableLayout.largestWholeNumber) else {
                        throw damaged("row \(number) has a whole number out of range")
                    }
                    first[index] = Int(bitPattern: UInt(Double(value).bitPattern))
                    second[index] = 1
                    position = after
                default:
                    throw damaged("row \(number) has a number that is neither present nor missing")
                }
            case .count:
                guard let (value, after) = try varint(at: position, row: number) else { return nil }
                first[index] = value
                position = after
            }
        }
        return position
    }

    /// The unsigned LEB128 at `position` and where it ends; nil when the buffer ends first.
    @inline(__always)
    private func varint(at position: Int, row: Int) throws(TableError) -> (Int, Int)? {
        let bytes = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let end = self.end
        var value: UInt64 = 0
        var shift: UInt64 = 0
        var position = position
        while position < end {
            let byte = bytes[position]
            position &+= 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 {
                guard value <= UInt64(Int.max) else { break }
                return (Int(value), position)
            }
            shift &+= 7
            if shift >= 63 { break }
        }
        if position < end || shift >= 63 { throw damaged("row \(row) has a length or count out of range") }
        return nil
    }

    /// Reads the header, which is short: it is within the first piece read.
    private func readHeader() throws(TableError) -> [StagedColumn] {
        _ = try ensure(buffer.count)
        let magic = StagedTableLayout.magic
        guard end >= magic.count + 4, buffer[0..<magic.count].elementsEqual(magic) else {
            throw TableError(.unreadable(reason: "it is not an AreaNeeds staged table (.staged)"), file: path)
        }
        start = magic.count
        let count = Int(fixed(bytes: 4))
        guard count <= ReadLimits().maxFieldsPerRow else { throw damaged("its header is damaged") }
        var columns: [StagedColumn] = []
        for _ in 0..<count {
            guard start < end, let kind = StagedColumn.Kind(rawValue: buffer[start]),
                  let (length, after) = try varint(at: start + 1, row: 0), length <= end - after else {
                throw damaged("its header is damaged")
            }
            columns.append(StagedColumn(String(decoding: UnsafeRawBufferPointer(rebasing: buffer[after..<(after + length)]), as: UTF8.self), kind))
            start = after + length
        }
        return columns
    }

    private func readEnd(rowsRead: Int) throws(TableError) {
        guard try ensure(9) else { throw damaged("its end mark is cut off") }
        start += 1
        let written = fixed(bytes: 8)
        guard written == UInt64(rowsRead) else { throw damaged("it holds \(rowsRead) rows, but was written with \(written)") }
        guard try !ensure(1) else { throw damaged("bytes follow its end mark") }
        finished = true
    }

    /// A little-endian integer of `bytes` bytes at `start`, which the caller has ensured.
    private func fixed(bytes count: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<count { value |= UInt64(buffer[start + index]) << (8 * index) }
        start += count
        return value
    }

    // MARK: - Input

    /// Makes at least `count` bytes available from `start`; false when the file ends first.
    private func ensure(_ count: Int) throws(TableError) -> Bool {
        while end - start < count {
            let before = end - start
            try refill()
            if end - start == before { return false }
        }
        return true
    }

    /// Moves the unread bytes to the front of the buffer (growing it when they fill it)
    /// and reads more after them.
    private func refill() throws(TableError) {
        guard !inputEnded else { return }
        let unread = end - start
        if start > 0 {
            if unread > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: unread) }
            start = 0
            end = unread
        }
        if end == buffer.count {
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
            grown.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
            buffer.deallocate()
            buffer = grown
        }
        let target = UnsafeMutableRawBufferPointer(rebasing: buffer[end...])
        let got: Int
        switch source {
        case .file(let descriptor):
            do {
                got = try SystemCalls.read(descriptor, into: target)
            } catch {
                throw TableError(reading: error, file: path)
            }
        case .memory(let table, var piece, var offset):
            var copied = 0
            while copied < target.count, piece < table.pieces.count {
                let count = min(target.count - copied, table.pieces[piece].count - offset)
                if count > 0 {
                    table.pieces[piece].withUnsafeBytes { bytes in
                        (target.baseAddress! + copied).copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
                    }
                }
                (copied, offset) = (copied + count, offset + count)
                if offset == table.pieces[piece].count { (piece, offset) = (piece + 1, 0) }
            }
            got = copied
            source = .memory(table, piece: piece, offset: offset)
        }
        if got == 0 { inputEnded = true }
        end += got
    }

    private func damaged(_ what: String) -> TableError {
        TableError(.unreadable(reason: "not a whole staged table: \(what); run the stage that writes it again"), file: path)
    }
}

/// One row of a staged table, valid only inside the closure it is passed to.
///
/// Each accessor is for columns of one kind (`StagedTableReader.column(_:_:)` checks the
/// kind when it finds the column); test builds check it again on every call.
package struct StagedRecord {
    @usableFromInline let bytes: UnsafeRawPointer
    @usableFromInline let first: UnsafeMutablePointer<Int>
    @usableFromInline let second: UnsafeMutablePointer<Int>
    @usableFromInline let kinds: UnsafeBufferPointer<StagedColumn.Kind>

    /// The text of a text column.
    package func text(_ column: Int) -> String {
        assert(kinds[column] == .text, "column \(column + 1) holds text")
        // Most names and districts of a source are empty: no decoding for them.
        if second[column] == 0 { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: bytes + first[column], count: second[column]), as: UTF8.self)
    }

    /// A text column as an area code, its bytes as read: no text is made for it.
    @inlinable
    package func areaCode(_ column: Int) -> AreaCode {
        assert(kinds[column] == .text, "column \(column + 1) holds text")
        return AreaCode(bytes: UnsafeRawBufferPointer(start: bytes + first[column], count: second[column]))
    }

    /// True when a text column is empty.
    package func isEmpty(_ column: Int) -> Bool {
        assert(kinds[column] == .text, "column \(column + 1) holds text")
        return second[column] == 0
    }

    /// The number of a number column; nil when it is missing.
    package func number(_ column: Int) -> Double? {
        assert(kinds[column] == .number, "column \(column + 1) holds numbers")
        return second[column] == 0 ? nil : Double(bitPattern: UInt64(UInt(bitPattern: first[column])))
    }

    /// The value of a count column.
    package func count(_ column: Int) -> Int {
        assert(kinds[column] == .count, "column \(column + 1) holds counts")
        return first[column]
    }

    /// Every field as the text its CSV table would hold.
    func texts(_ columns: [StagedColumn]) -> [String] {
        columns.indices.map { index in
            switch columns[index].kind {
            case .text: text(index)
            case .number: number(index).map(NumberText.format) ?? ""
            case .count: String(count(index))
            }
        }
    }
}
