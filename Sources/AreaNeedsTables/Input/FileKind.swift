/// What a file is, told by its first bytes, never by its name.
enum FileKind {
    case text
    case gzip
    /// A zip archive: an Excel workbook, or an OpenDocument spreadsheet, or something else.
    case zip
    /// An OLE2 compound file: the old binary Excel format (.xls), or an encrypted
    /// workbook, which Excel keeps in one.
    case compoundFile

    init(magic: [UInt8]) {
        if magic.starts(with: [0x1F, 0x8B]) {
            self = .gzip
        } else if magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) || magic.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            self = .zip
        } else if magic.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            self = .compoundFile
        } else {
            self = .text
        }
    }

    /// Why a compound file is not read: a password-protected workbook keeps its
    /// encrypted package beside an `EncryptionInfo` stream; anything else is taken for the
    /// old binary format. The stream names are UTF-16 in the file's directory, which is
    /// searched in the first 64 MiB.
    static func compoundFileError(_ file: FileInput) throws(TableError) -> TableError {
        let name = Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let block = 1 << 20
        var offset = 0
        while offset < min(file.size, 64 << 20) {
            let bytes = try file.bytes(at: offset, count: block + name.count)
            if bytes.count >= name.count, bytes.indices.dropLast(name.count - 1).contains(where: { bytes[$0..<$0 + name.count].elementsEqual(name) }) {
                return TableError(.encryptedWorkbook, file: file.path)
            }
            offset += block
        }
        return TableError(.binaryExcelFormat, file: file.path)
    }
}
