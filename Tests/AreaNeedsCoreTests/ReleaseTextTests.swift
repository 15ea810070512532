import AreaNeedsGeography
import AreaNeedsMethods
import Testing
@testable import AreaNeedsCore

@Suite("The release's text of closed sets")
struct ReleaseTextTests {
    func roundTrips<Value: ReleaseTextValue & Equatable>(_ type: Value.Type) -> Bool {
        Value.allCases.allSatisfy { ReleaseText.value(ReleaseText.text($0), as: Value.self) == $0 }
    }

    @Test func everyValueReadsBackFromItsText() {
        #expect(roundTrips(Polarity.self) && roundTrips(AggregationMethod.self) && roundTrips(GeographyLevel.self))
        #expect(roundTrips(Quality.self) && roundTrips(CountyComparison.self))
    }

    @Test func textsAreThePipelineFilesNamesInOrder() {
        #expect(ReleaseText.texts(of: Polarity.self) == ["higher-is-worse", "higher-is-better"])
        #expect(ReleaseText.texts(of: Quality.self) == ["exact", "apportioned", "inherited", "approximate", "proxy"])
        #expect(ReleaseText.text(AggregationMethod.shareInMostDeprivedDecile) == "share-in-most-deprived-decile")
        #expect(ReleaseText.value("higher-is-worse ", as: Polarity.self) == nil && ReleaseText.value("", as: Quality.self) == nil)
    }
}
