// The standard library has no logarithm; the platform's C maths library has one.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The quantile function of the standard normal distribution (R's `qnorm`).
///
/// Wichura's algorithm AS 241 (PPND16), "The percentage points of the normal distribution",
/// Applied Statistics 37(3), 1988, pages 477-484: rational approximations accurate to about
/// 1 part in 10^16. R's `qnorm`, which PHEindicatormethods calls for its z values, uses the
/// same algorithm, so the z values here agree with R's.
enum NormalQuantile {
    /// The value below which a standard normal variable falls with probability `p`;
    /// NaN unless 0 < p < 1.
    static func value(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return .nan }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            // Central region: a rational function of r = 0.180625 - q^2.
            let r = 0.180625 - q * q
            return q * horner(centralNumerator, r) / horner(centralDenominator, r)
        }
        // Tails: a rational function of sqrt(-log(tail probability)).
        var r = q < 0 ? p : 1 - p
        r = (-log(r)).squareRoot()
        let magnitude: Double
        if r <= 5 {
            magnitude = horner(nearNumerator, r - 1.6) / horner(nearDenominator, r - 1.6)
        } else {
            magnitude = horner(farNumerator, r - 5) / horner(farDenominator, r - 5)
        }
        return q < 0 ? -magnitude : magnitude
    }

    /// The two-sided z value for a confidence level, `qnorm(confidence + (1 - confidence) / 2)`,
    /// as PHEindicatormethods computes it (1.959963984540054 for 0.95); NaN unless
    /// 0 < confidence < 1.
    static func zScore(confidence: Double) -> Double {
        guard confidence > 0, confidence < 1 else { return .nan }
        return value(confidence + (1 - confidence) / 2)
    }

    /// Evaluates c[0] + c[1] x + ... + c[k] x^k, innermost term first, as AS 241 does.
    private static func horner(_ coefficients: [Double], _ x: Double) -> Double {
        var value = 0.0
        for coefficient in coefficients.reversed() { value = value * x + coefficient }
        return value
    }

    // The coefficients of AS 241, constant term first.
    private static let centralNumerator: [Double] = [
        3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3, 1.3731693765509461125e+4,
        4.5921953931549871457e+4, 6.7265770927008700853e+4, 3.3430575583588128105e+4, 2.5090809287301226727e+3,
    ]
    private static let centralDenominator: [Double] = [
        1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
        2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4, 5.2264952788528545610e+3,
    ]
    private static let nearNumerator: [Double] = [
        1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0, 3.64784832476320460504e0,
        1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4,
    ]
    private static let nearDenominator: [Double] = [
        1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
        1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9,
    ]
    private static let farNumerator: [Double] = [
        6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0, 2.96560571828504891230e-1,
        2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
    ]
    private static let farDenominator: [Double] = [
        1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
        7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15,
    ]
}
