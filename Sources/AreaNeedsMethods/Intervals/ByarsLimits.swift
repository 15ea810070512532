/// Byar's approximation to the exact Poisson confidence limits of a count, as
/// PHEindicatormethods' `byars_lower` and `byars_upper` compute them (Breslow and Day 1987):
///
///     lower = x (1 - 1/(9x) - z/(3√x))³
///     upper = (x + 1) (1 - 1/(9(x + 1)) + z/(3√(x + 1)))³
///
/// with z the two-sided normal quantile of the confidence level. The count need not be whole.
package enum ByarsLimits {
    /// The lower limit of a count `x` > 0; nil where the approximation goes below zero (the
    /// package's NA), which happens only for very small counts.
    package static func lower(_ x: Double, confidence: Double = 0.95) -> Double? {
        let z = NormalQuantile.zScore(confidence: confidence)
        let limit = x * cube(1 - 1 / (9 * x) - z / (3 * x.squareRoot()))
        return limit.isFinite && limit >= 0 ? limit : nil
    }

    /// The upper limit of a count `x` >= 0.
    package static func upper(_ x: Double, confidence: Double = 0.95) -> Double? {
        let z = NormalQuantile.zScore(confidence: confidence)
        let limit = (x + 1) * cube(1 - 1 / (9 * (x + 1)) + z / (3 * (x + 1).squareRoot()))
        return limit.isFinite ? limit : nil
    }

    /// v³ as R's `v^3` computes it (R_pow_di: v × v², by repeated squaring).
    private static func cube(_ v: Double) -> Double {
        v * (v * v)
    }
}
