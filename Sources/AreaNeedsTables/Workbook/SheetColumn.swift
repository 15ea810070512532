/// Sheet columns as Excel names them: A to Z, AA to ZZ, AAA to XFD.
enum SheetColumn {
    /// The letters of the 1-based column `number`: 1 is "A", 27 is "AA".
    static func letters(_ number: Int) -> String {
        var number = number
        var letters: [UInt8] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(remainder))
            number = (number - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// The 1-based column of a cell reference such as "D7" (the letters before the row
    /// number); nil when it does not start with letters, or they name a column beyond
    /// any sheet's (more than three letters).
    @inline(__always)
    static func number(ofReference reference: UnsafeRawBufferPointer) -> Int? {
        var column = 0
        var letters = 0
        for byte in reference {
            let upper = byte & 0xDF
            guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { break }
            // A fourth letter names no column: stop before a long run of them overflows.
            guard letters < 3 else { return nil }
            column = column * 26 + Int(upper - UInt8(ascii: "A")) + 1
            letters += 1
        }
        return letters > 0 && letters <= 3 ? column : nil
    }
}
