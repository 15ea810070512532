import AreaNeedsRelease
import Testing

@Suite("Release versions")
struct ReleaseVersionTests {
    @Test func versionsReadAndCountOn() throws {
        let version = try #require(ReleaseVersion("1.2.3"))
        #expect(version == ReleaseVersion(1, 2, 3))
        #expect(version.next(for: .data) == ReleaseVersion(1, 3, 0))
        #expect(version.next(for: .schemaOrGeography) == ReleaseVersion(2, 0, 0))
        #expect(version.next(for: .correction) == ReleaseVersion(1, 2, 4))
        #expect(try #require(ReleaseVersion("1000000.1000000.1000000")).next(for: .schemaOrGeography) == ReleaseVersion(1_000_001, 0, 0))
    }

    /// A folder named like a version with parts beyond a million is no release: the next
    /// version after it could not be counted (it trapped).
    @Test(arguments: ["9223372036854775807.0.0", "0.9223372036854775807.0", "1.0.99999999999999999999", "1000001.0.0", "1.2", "1.2.3.4", "01.2.3", "1.2.x", "", "1..2"])
    func whatIsNoVersion(text: String) {
        #expect(ReleaseVersion(text) == nil)
    }
}
