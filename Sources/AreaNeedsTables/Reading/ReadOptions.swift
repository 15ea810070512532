/// How to read a table: where its header is, extra missing-value markers, and limits.
public struct ReadOptions: Sendable {
    /// Where the header row is.
    public var header: HeaderLocation
    /// Markers read as missing values besides the standard ones (see `NumberParser`).
    public var extraMissingMarkers: [String]
    /// Bounds that keep hostile or broken input from exhausting memory.
    public var limits: ReadLimits
    /// Whether lines with no quote are split by the reader itself rather than by libcsv:
    /// the same rows and errors, several times faster. Off only to check that they are
    /// the same, as the tests and the fuzzer do.
    public var splitsPlainLines: Bool

    public init(header: HeaderLocation = .automatic, extraMissingMarkers: [String] = [], limits: ReadLimits = .init(),
                splitsPlainLines: Bool = true) {
        self.header = header
        self.extraMissingMarkers = extraMissingMarkers
        self.limits = limits
        self.splitsPlainLines = splitsPlainLines
    }
}

/// Where a table's header row is. Rows above it (titles, blank rows) are skipped.
public enum HeaderLocation: Sendable, Equatable {
    /// The first row with at least two non-empty fields (a title row has one).
    case automatic
    /// The row that starts on this line of the file (1-based, as an editor counts).
    case line(Int)
    /// The first row that has all of these column names (trimmed, case-insensitive).
    case containing([String])
}

/// Limits on what one input may hold. Exceeding one is an error naming the limit.
public struct ReadLimits: Sendable, Equatable {
    /// Largest single field, in bytes (1 MiB): larger usually means a quote left open.
    public var maxFieldBytes: Int
    /// Largest row, in bytes (16 MiB).
    public var maxRowBytes: Int
    /// Most fields in one row (16,384).
    public var maxFieldsPerRow: Int
    /// Most bytes a gzip file may decompress to (8 GiB): the guard against decompression bombs.
    public var maxDecompressedBytes: Int
    /// How many lines from the top to search for the header (200).
    public var headerSearchLines: Int

    public init(
        maxFieldBytes: Int = 1 << 20,
        maxRowBytes: Int = 16 << 20,
        maxFieldsPerRow: Int = 16_384,
        maxDecompressedBytes: Int = 8 << 30,
        headerSearchLines: Int = 200
    ) {
        self.maxFieldBytes = maxFieldBytes
        self.maxRowBytes = maxRowBytes
        self.maxFieldsPerRow = maxFieldsPerRow
        self.maxDecompressedBytes = maxDecompressedBytes
        self.headerSearchLines = headerSearchLines
    }
}
