/// How to read a table: which sheet of a workbook, its text encoding, where its header
/// is, extra missing-value markers, and limits.
public struct ReadOptions: Sendable {
    /// Where the header row is.
    public var header: HeaderLocation
    /// The sheet to read when the file is an Excel workbook (.xlsx); required for one, and
    /// an error for any other file.
    public var sheet: SheetChoice?
    /// The text encoding of a CSV file (UTF-8 unless said); a workbook's XML names its own.
    public var encoding: TextEncoding
    /// Markers read as missing values besides the standard ones (see `NumberParser`).
    public var extraMissingMarkers: [String]
    /// Bounds that keep hostile or broken input from exhausting memory.
    public var limits: ReadLimits
    /// Whether lines with no quote are split by the reader itself rather than by libcsv:
    /// the same rows and errors, several times faster. Off only to check that they are
    /// the same, as the tests and the fuzzer do.
    public var splitsPlainLines: Bool

    public init(header: HeaderLocation = .automatic, sheet: SheetChoice? = nil, encoding: TextEncoding = .utf8,
                extraMissingMarkers: [String] = [], limits: ReadLimits = .init(), splitsPlainLines: Bool = true) {
        self.header = header
        self.sheet = sheet
        self.encoding = encoding
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
    /// Most bytes a gzip file, or one part of a workbook, may decompress to (8 GiB): the
    /// guard against decompression bombs.
    public var maxDecompressedBytes: Int
    /// How many lines from the top to search for the header (200).
    public var headerSearchLines: Int
    /// Most shared strings a workbook may have (16,777,216): they are held in memory.
    public var maxSharedStrings: Int
    /// Most bytes a workbook's shared strings may take together (256 MiB).
    public var maxSharedStringBytes: Int

    public init(
        maxFieldBytes: Int = 1 << 20,
        maxRowBytes: Int = 16 << 20,
        maxFieldsPerRow: Int = 16_384,
        maxDecompressedBytes: Int = 8 << 30,
        headerSearchLines: Int = 200,
        maxSharedStrings: Int = 1 << 24,
        maxSharedStringBytes: Int = 256 << 20
    ) {
        self.maxSharedStrings = maxSharedStrings
        self.maxSharedStringBytes = maxSharedStringBytes
        self.maxFieldBytes = maxFieldBytes
        self.maxRowBytes = maxRowBytes
        self.maxFieldsPerRow = maxFieldsPerRow
        self.maxDecompressedBytes = maxDecompressedBytes
        self.headerSearchLines = headerSearchLines
    }
}

/// Which sheet of an Excel workbook to read.
public enum SheetChoice: Sendable, Hashable, CustomStringConvertible {
    /// The sheet with this name (as its tab shows it; case and spaces around it ignored).
    case name(String)
    /// The sheet at this position, counting from 1 in the workbook's order of tabs.
    case number(Int)

    /// For messages: `"Table 3"` or `number 3`.
    public var description: String {
        switch self {
        case .name(let name): "\"\(name)\""
        case .number(let number): "number \(number)"
        }
    }
}

/// The text encoding of a CSV file.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    /// Windows-1252, which older Windows software and ONS downloads write; ISO-8859-1
    /// (Latin-1) files are read as it too, as web browsers do: the two differ only in
    /// 0x80-0x9F, control characters in Latin-1 that text files do not use.
    case windows1252 = "windows-1252"

    /// The encoding a name stands for: `utf-8`, `windows-1252`, `cp1252`, `latin-1`,
    /// `latin1` or `iso-8859-1`, in any case; nil for another name.
    public init?(name: String) {
        switch name.lowercased().trimmingWhitespace() {
        case "utf-8", "utf8": self = .utf8
        case "windows-1252", "cp1252", "latin-1", "latin1", "iso-8859-1", "iso8859-1": self = .windows1252
        default: return nil
        }
    }

    /// The names `init(name:)` knows, for messages.
    public static let knownNames = ["utf-8", "windows-1252", "latin-1", "iso-8859-1"]

    /// The name people know it by: "UTF-8", "Windows-1252".
    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .windows1252: "Windows-1252"
        }
    }
}

extension SheetChoice: Codable {
    /// A number (from 1) or a name, as a pipeline file writes it: `sheet: 3`, `sheet: Table 3`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            guard number >= 1 else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "sheets are numbered from 1, not \(number)")
            }
            self = .number(number)
        } else {
            let name = try container.decode(String.self)
            guard !name.trimmingWhitespace().isEmpty else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "a sheet name cannot be empty")
            }
            self = .name(name)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .name(let name): try container.encode(name)
        case .number(let number): try container.encode(number)
        }
    }
}

extension TextEncoding: Codable {
    /// Any of the names `init(name:)` knows.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let encoding = TextEncoding(name: name) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown encoding \"\(name)\"; this key takes \(TextEncoding.knownNames.joined(separator: ", "))")
        }
        self = encoding
    }
}
