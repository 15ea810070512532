import AreaNeedsRelease

/// What the report writes for an area without a figure: "no value", and why when the release
/// says (`value_missing_reason`), "no value (suppressed: total population 4,200 is 5,000 or
/// less)". Never a 0 or a blank.
enum NoValueText {
    static func text(_ need: IndicatorNeedRow?) -> String {
        guard let reason = need?.valueMissingReason, !reason.isEmpty else { return "no value" }
        return "no value (\(reason))"
    }

    /// The reason alone, "suppressed: ...", or "no value" when the release gives none.
    static func reason(_ need: IndicatorNeedRow?) -> String {
        guard let reason = need?.valueMissingReason, !reason.isEmpty else { return "no value" }
        return reason
    }
}
