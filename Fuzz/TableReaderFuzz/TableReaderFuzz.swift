import AreaNeedsTables
import Foundation

/// The fuzz target for `TableReader`: libFuzzer calls it with made-up bytes, millions of
/// times, steering towards inputs that reach new code. The bytes are written to a file and
/// read as a table three ways (the header found and found by name, with small limits;
/// declared on line 1, with large ones), every field read as text and as a number, every
/// error described. Each way is read twice, with plain lines split by the reader and with
/// every line through libcsv, and the two must agree.
/// Any crash, hang, sanitizer report or disagreement is a bug; a `TableError` is the right
/// answer to broken input. Run it with `scripts/fuzz`.
@_cdecl("LLVMFuzzerTestOneInput")
public func tableReaderFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard FileManager.default.createFile(atPath: FuzzInput.path, contents: Data(bytes)) else {
        fatalError("cannot write \(FuzzInput.path)")
    }
    FuzzInput.readBothWays(ReadOptions(header: .automatic, extraMissingMarkers: ["n/a"], limits: FuzzInput.smallLimits))
    FuzzInput.readBothWays(ReadOptions(header: .line(1), limits: FuzzInput.largeLimits))
    FuzzInput.readBothWays(ReadOptions(header: .containing(["code", "value"]), limits: FuzzInput.smallLimits))
    return 0
}

enum FuzzInput {
    /// One file per process, on a memory file system when there is one.
    static let path: String = {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return folder + "/areaneeds-fuzz-\(getpid()).csv"
    }()

    /// Small limits, so that the fuzzer reaches every one of them with inputs of a few
    /// hundred bytes.
    static let smallLimits = ReadLimits(
        maxFieldBytes: 64, maxRowBytes: 256, maxFieldsPerRow: 16, maxDecompressedBytes: 4_096, headerSearchLines: 8)

    /// The reader's own limits (but 1 MiB decompressed, to stay quick), so that long rows
    /// and many fields take the paths that grow its buffers.
    static let largeLimits: ReadLimits = {
        var limits = ReadLimits()
        limits.maxDecompressedBytes = 1 << 20
        return limits
    }()

    /// Reads the input with plain lines split by the reader and through libcsv alone, and
    /// told to split only up to the second column (every field still read); stops the
    /// fuzzer when they disagree.
    static func readBothWays(_ options: ReadOptions) {
        var libcsvOnly = options
        libcsvOnly.splitsPlainLines = false
        let split = read(options)
        let parsed = read(libcsvOnly)
        if split != parsed {
            fatalError("split plain lines gave \(split), libcsv alone \(parsed)")
        }
        let prefix = read(options, upTo: 1)
        if prefix != parsed {
            fatalError("split up to the second column gave \(prefix), libcsv alone \(parsed)")
        }
    }

    /// Reads the input, touching every field, the reader told (with `upTo`) that no column
    /// after that one is read; returns the rows and notes, or the error.
    static func read(_ options: ReadOptions, upTo: Int? = nil) -> String {
        var seen: [String] = []
        do {
            let reader = try TableReader(path: path, options: options)
            if let upTo { reader.readFields(upTo: TableColumn(index: upTo, name: "")) }
            seen.append(reader.header.names.joined(separator: "|"))
            for name in reader.header.names {
                _ = try? reader.header.column(name)
            }
            try reader.forEachRecord { record in
                for index in 0..<record.count {
                    let column = TableColumn(index: index, name: "")
                    _ = record.text(column)
                    _ = record.nonEmptyText(column)
                    if let cell = try? record.number(column) {
                        _ = cell.missingMarker?.description
                    }
                    _ = try? record.wholeNumber(column)
                }
                seen.append("\(record.line): \(record.texts.joined(separator: "|"))")
            }
            seen += reader.notes.map(\.text)
            seen.append("\(reader.blankRowsSkipped) blank")
        } catch let error as TableError {
            seen.append(error.description)
        } catch {
            fatalError("the reader threw something other than a TableError: \(error)")
        }
        return seen.joined(separator: "\n")
    }
}
