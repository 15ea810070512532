/// The part of a small area's figures that goes to one target area.
///
/// A small area wholly inside an area has one share of weight 1; one split between areas
/// has a share per area, with weights that sum to 1. District figures, which every area
/// of the district inherits, give each of its areas weight 1.
package struct AreaShare: Sendable, Hashable {
    package var areaCode: String
    package var weight: Double

    package init(areaCode: String, weight: Double) {
        self.areaCode = areaCode
        self.weight = weight
    }
}
