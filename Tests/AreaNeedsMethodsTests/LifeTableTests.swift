import Testing
import AreaNeedsMethods

@Suite("Chiang's abridged life table with Silcocks' last band")
struct LifeTableTests {
    @Test func twoBandsByHand() throws {
        // Bands 0 (n = 1, a = 0.1) and 1+ (open). 1,000 deaths in 100,000 person-years, then
        // 5,000 in 400,000.
        //   M₀ = 0.01;  q₀ = 0.01 / (1 + 0.01 × 0.9) = 0.009910802775024779
        //   l₀ = 100,000;  l₁ = 100,000 × (1 - q₀) = 99008.91972249752;  d₀ = 991.0802775024786
        //   L₀ = 1 × (l₁ + 0.1 × d₀) = 99108.02775024777
        //   M₁ = 0.0125;  L₁ = l₁ / M₁ = 7920713.577799802 (the open band: l/M)
        //   T₀ = L₀ + L₁ = 8019821.60555005;  e₀ = T₀ / l₀ = 80.1982160555005;  e₁ = 1 / M₁ = 80
        //   s²₁ = 4 / (5,000 × 0.0125²) = 5.12;  W₁ = (l₁/2)² × 5.12 = 12547540716.308426
        //   s²₀ = q₀²(1 - q₀) / 1,000 = 9.725053283824917e-08
        //   W₀ = s²₀ × l₀² × ((1 - 0.1) × 1 + e₁)² = s²₀ × 10¹⁰ × 80.9² = 6364862.598251017
        //   SE(e₀) = √((W₀ + W₁) / l₀²) = 1.1204421260782136;  SE(e₁) = √(W₁ / l₁²) = 1.131370849898476
        let scheme = try AgeBandScheme(startAges: [0, 1])
        let table = LifeTable(scheme: scheme, deaths: [1_000, 5_000], population: [100_000, 400_000])
        #expect(table.fractions == [0.1, 0.5])
        #expect(table.widths[0] == 1 && table.widths[1] == 160, "the open band's width is 2/M")
        #expect(abs(table.deathProbabilities[0] - 0.009910802775024779) < 1e-17)
        #expect(abs(table.survivors[1] - 99008.91972249752) < 1e-9)
        #expect(abs(table.yearsLived[0] - 99108.02775024777) < 1e-9)
        #expect(abs(table.yearsLived[1] - 7920713.577799802) < 1e-7)
        #expect(abs(table.expectancies[0] - 80.1982160555005) < 1e-12)
        #expect(abs(table.expectancies[1] - 80) < 1e-12)
        #expect(abs(table.deathProbabilityVariances[1] - 5.12) < 1e-12)
        #expect(abs(table.standardErrors[0] - 1.1204421260782136) < 1e-12)
        #expect(abs(table.standardErrors[1] - 1.131370849898476) < 1e-12)
    }

    @Test func fractionsMayBeGiven() throws {
        // With a = 0.5 in the first band too: q₀ = 0.01 / 1.005, L₀ = l₁ + 0.5 d₀.
        let scheme = try AgeBandScheme(startAges: [0, 1])
        let table = LifeTable(scheme: scheme, deaths: [1_000, 5_000], population: [100_000, 400_000], fractions: [0.5, 0.5])
        #expect(table.deathProbabilities[0] == 0.01 / (1 + 0.01 * 0.5))
        #expect(table.yearsLived[0] == table.survivors[1] + 0.5 * (100_000 - table.survivors[1]))
    }

    @Test func aBandWhereNearlyAllDieEndsTheTable() throws {
        // 500 deaths among 1,000 in a five-year band: more than P / n / a = 400, so q = 1, as
        // phe_life_expectancy has it; nobody reaches the bands after, whose expectancy is 0.
        let scheme = try AgeBandScheme(startAges: [0, 1, 5, 10])
        let table = LifeTable(scheme: scheme, deaths: [1, 1, 500, 10], population: [1_000, 4_000, 1_000, 1_000])
        #expect(table.deathProbabilities[2] == 1)
        #expect(table.survivors[3] == 0)
        #expect(table.expectancies[3] == 0)
        #expect(table.expectancies[0] > 0)
    }
}
