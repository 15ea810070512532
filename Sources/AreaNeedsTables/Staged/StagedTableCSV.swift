extension StagedTableReader {
    /// Writes the table to standard output as the CSV it stands for (`TableWriter`'s
    /// quoting and numbers; a missing number empty).
    package func printCSV() throws {
        try writeCSV { bytes throws(TableError) in
            do throws(SystemError) {
                try SystemCalls.write(SystemCalls.standardOutput, bytes)
            } catch {
                throw TableError(writing: error, file: "standard output")
            }
        }
    }

    /// Writes the table as the CSV file it stands for at `path`, which appears only when whole.
    package func writeCSV(to path: String) throws {
        let output = try FileOutput(path: path)
        try writeCSV { bytes throws(TableError) in try output.write(bytes) }
        try output.commit(durable: false)
    }

    /// Writes the table as the CSV it stands for, handing the text to `emit` a piece at a time.
    func writeCSV(_ emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        let buffer = UnsafeMutablePointer<ByteBuffer>.allocate(capacity: 1)
        buffer.initialize(to: ByteBuffer(capacity: 1 << 17))
        defer {
            buffer.pointee.deallocate()
            buffer.deinitialize(count: 1)
            buffer.deallocate()
        }
        func add(_ fields: [String]) throws {
            var row = TableRow(buffer: buffer)
            for field in fields { row.append(field) }
            buffer.pointee.append(.newline)
            if buffer.pointee.count >= 1 << 16 {
                try emit(UnsafeRawBufferPointer(start: buffer.pointee.bytes, count: buffer.pointee.count))
                buffer.pointee.count = 0
            }
        }
        try add(columns.map(\.name))
        let columns = self.columns
        try forEachRow { row in try add(row.texts(columns)) }
        try emit(UnsafeRawBufferPointer(start: buffer.pointee.bytes, count: buffer.pointee.count))
    }
}
