// The table-reading benchmark: generates a national-scale census-style extract and reads
// it with every numeric field converted, reporting throughput and peak memory.
//
//     areaneeds-bench-tables generate FOLDER [SCALE]   writes census-oa.csv and census-oa.csv.gz
//     areaneeds-bench-tables workbook FOLDER [SCALE]   writes census-oa.xlsx: the same rows as the
//                                                      sheet of a workbook, codes as shared strings
//     areaneeds-bench-tables read FILE                 reads FILE (a workbook's first sheet) once,
//                                                      prints one result line; MB are of the
//                                                      CSV text, or of a sheet's XML
//     areaneeds-bench-tables read-first FILE           the same, reading the code and the first
//                                                      three counts only (`readFields(upTo:)`)
//     areaneeds-bench-tables libcsv FILE               libcsv alone on FILE (no-op callbacks),
//                                                      the ceiling the reader is measured against
//
// `scripts/bench` runs both. Timings are printed, never asserted.
import AreaNeedsTables
import AreaNeedsTestSupport
import CCSV
import Foundation

let outputAreas = 188_880  // output areas of England and Wales, Census 2021
let countColumns = 30

let columnNames = ["OA21CD", "LSOA21CD"] + (1...countColumns).map { "Count \($0)" }

/// The rows of the census-style extract, `scale` times as many as England and Wales has
/// output areas: two codes, then thirty counts of mostly three digits.
func censusRows(scale: Int) -> some Sequence<[String]> {
    var random = SplitMix64(seed: 2021)
    return (0..<scale * outputAreas).lazy.map { index in
        let oa = "E\(String(index).leftPadded(to: 8))"
        let lsoa = "E01\(String(index / 5).leftPadded(to: 6))"
        return [oa, lsoa] + (0..<countColumns).map { _ in String(random.next() % 1000) }
    }
}

func generate(folder: String, scale: Int) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let suffix = scale == 1 ? "" : "-x\(scale)"
    for compression in [TableWriter.Compression.none, .gzip] where scale == 1 || compression == .none {
        let name = "census-oa\(suffix).csv" + (compression == .gzip ? ".gz" : "")
        let writer = try TableWriter(path: folder + "/" + name, columns: columnNames, compression: compression, durable: false)
        for fields in censusRows(scale: scale) { try writer.write(fields) }
        try writer.finish()
        print("wrote \(folder)/\(name)")
    }
}

/// The same rows as the first sheet of a workbook, as Excel writes one: the codes shared
/// strings, the counts numbers.
func generateWorkbook(folder: String, scale: Int) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let name = "census-oa\(scale == 1 ? "" : "-x\(scale)").xlsx"
    let header: [WorkbookCell?] = columnNames.map { .text($0) }
    let rows = [header].lazy + censusRows(scale: scale).lazy.map { fields -> [WorkbookCell?] in
        [.text(fields[0]), .text(fields[1])] + fields.dropFirst(2).map { .number($0) }
    }
    try WorkbookFile(sheets: [WorkbookFile.Sheet("Census", rows: rows)]).write(to: folder + "/" + name)
    print("wrote \(folder)/\(name)")
}

func read(path: String, firstColumns: Bool = false) throws {
    let start = DispatchTime.now()
    let isWorkbook = path.hasSuffix(".xlsx")
    let reader = try TableReader(path: path, options: ReadOptions(sheet: isWorkbook ? .number(1) : nil))
    let columns = try (1...(firstColumns ? 3 : countColumns)).map { try reader.header.column("Count \($0)") }
    let code = try reader.header.column("OA21CD")
    if firstColumns, let last = columns.last { reader.readFields(upTo: last) }
    var rows = 0
    var sum = 0.0
    var codeBytes = 0
    try columns.withUnsafeBufferPointer { columns in
        try reader.forEachRecord { record in
            rows += 1
            codeBytes += record.areaCode(code).byteCount
            for column in columns {
                sum += try record.number(column).number ?? 0
            }
        }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    // For a workbook, the size of the sheet's XML.
    let decompressed = isWorkbook ? reader.fileSize : try decompressedSize(path)
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let peakMB = Double(usage.ru_maxrss) / 1024
    // Processor time of every thread: steadier than wall time on a busy machine.
    let processor = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    let name = (path as NSString).lastPathComponent
    print(String(format: "%-24@ %9d rows %8.1f MB %7.3f s %8.1f MB/s  processor %7.3f s  peak %6.1f MB  (checksum %.0f, %d)",
                 name as NSString, rows, Double(decompressed) / 1e6, seconds, Double(decompressed) / 1e6 / seconds, processor, peakMB, sum, codeBytes))
}

/// libcsv on its own: the same file parsed with callbacks that only count.
func libcsvAlone(path: String) throws {
    let start = DispatchTime.now()
    guard let file = fopen(path, "rb") else { throw CocoaError(.fileNoSuchFile) }
    defer { fclose(file) }
    var parser = csv_parser()
    csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI))
    var counts = (fields: 0, rows: 0)
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 18, alignment: 16)
    defer { buffer.deallocate() }
    var total = 0
    let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = { _, _, context in
        context!.assumingMemoryBound(to: (fields: Int, rows: Int).self).pointee.fields += 1
    }
    let onRow: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        context!.assumingMemoryBound(to: (fields: Int, rows: Int).self).pointee.rows += 1
    }
    withUnsafeMutablePointer(to: &counts) { counts in
        while true {
            let got = fread(buffer, 1, 1 << 18, file)
            if got == 0 { break }
            total += got
            csv_parse(&parser, buffer, got, onField, onRow, counts)
        }
        csv_fini(&parser, onField, onRow, counts)
    }
    csv_free(&parser)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    let name = "libcsv alone: " + (path as NSString).lastPathComponent
    print(String(format: "%-24@ %9d rows %8.1f MB %7.3f s %8.1f MB/s", name as NSString, counts.rows - 1, Double(total) / 1e6, seconds, Double(total) / 1e6 / seconds))
}

/// The size of the text the reader parsed: the file itself, or its decompressed size.
func decompressedSize(_ path: String) throws -> Int {
    let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard path.hasSuffix(".gz") else { return size }
    let plain = String(path.dropLast(3))
    return (try? FileManager.default.attributesOfItem(atPath: plain)[.size] as? Int) ?? size
}

struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

let arguments = CommandLine.arguments.dropFirst()
do {
    switch (arguments.first, arguments.count) {
    case ("generate", 2), ("generate", 3):
        try generate(folder: arguments[arguments.startIndex + 1], scale: arguments.count == 3 ? Int(arguments.last!)! : 1)
    case ("workbook", 2), ("workbook", 3):
        try generateWorkbook(folder: arguments[arguments.startIndex + 1], scale: arguments.count == 3 ? Int(arguments.last!)! : 1)
    case ("read", 2):
        try read(path: arguments.last!)
    case ("read-first", 2):
        try read(path: arguments.last!, firstColumns: true)
    case ("libcsv", 2):
        try libcsvAlone(path: arguments.last!)
    default:
        FileHandle.standardError.write("usage: areaneeds-bench-tables generate FOLDER [SCALE] | workbook FOLDER [SCALE] | read FILE | read-first FILE | libcsv FILE\n".data(using: .utf8)!)
        exit(64)
    }
} catch {
    FileHandle.standardError.write("areaneeds-bench-tables: \(error)\n".data(using: .utf8)!)
    exit(1)
}
