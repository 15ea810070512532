extension StagedTableReader {
    /// Writes the table as the CSV it stands for (`TableWriter`'s quoting and numbers; a
    /// missing number empty), handing the text to `emit` a piece at a time.
    public func writeCSV(_ emit: (UnsafeRawBufferPointer) throws -> Void) throws {
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
