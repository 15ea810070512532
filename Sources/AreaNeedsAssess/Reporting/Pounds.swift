import AreaNeedsRelease
import Foundation

/// Sums of money as people write them: "£214,904", "£1,250.50".
enum Pounds {
    static func format(_ amount: Double) -> String {
        guard amount.isFinite, abs(amount) < 1e15 else { return "£\(amount)" }
        let pence = Int64((abs(amount) * 100).rounded())
        let fraction = pence % 100 == 0 ? "" : String(format: ".%02lld", pence % 100)
        return (amount < 0 ? "-£" : "£") + FigureText.grouped(String(pence / 100)) + fraction
    }
}
