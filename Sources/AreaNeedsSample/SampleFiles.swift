import Foundation

/// The sample's extracts: one per published source, named `...-SYNTHETIC.csv`.
struct SampleFiles {
    let world: SyntheticWorld

    private static let synthetic = "SYNTHETIC sample data made by `areaneeds sample generate`: not real figures"

    func all(random: inout SeededRandom) -> [(String, MessyTable)] {
        let lsoa21 = lsoa21Areas(random: &random)
        return [
            ("census-ts067-no-qualifications-lsoa21-SYNTHETIC.csv", census(
                lsoa21, title: "TS067 - Highest level of qualification",
                total: "Highest level of qualification: Total: All usual residents aged 16 years and over",
                count: "Highest level of qualification: No qualifications",
                base: 0.8, typical: 0.2, spread: 0.45, objective: 1, random: &random)),
            ("census-ts038-disability-lsoa21-SYNTHETIC.csv", census(
                lsoa21, title: nil, total: "Disability: Total: All usual residents",
                count: "Disability: Disabled under the Equality Act: Day-to-day activities limited a lot",
                base: 1, typical: 0.08, spread: 0.35, objective: 3, random: &random)),
            ("census-ts039-unpaid-care-lsoa21-SYNTHETIC.csv", census(
                lsoa21, title: nil, total: "Provision of unpaid care: Total: All usual residents aged 5 and over",
                count: "Provision of unpaid care: Provides 50 or more hours unpaid care a week",
                base: 0.94, typical: 0.028, spread: 0.3, objective: 3, random: &random)),
            ("census-ts054-pensioners-living-alone-lsoa21-SYNTHETIC.csv", census(
                lsoa21, title: "Pensioners living alone (derived from TS003 and TS007)",
                total: "Usual residents aged 66 and over", count: "Usual residents aged 66 and over living alone",
                base: 0.19, typical: 0.32, spread: 0.25, objective: 3, random: &random)),
            ("census-ts046-central-heating-lsoa21-SYNTHETIC.csv", census(
                lsoa21, title: nil, total: "Type of central heating in household: Total: All households",
                count: "Type of central heating in household: No central heating",
                base: 0.43, typical: 0.015, spread: 0.4, objective: 5, random: &random)),
            ("iod2019-barriers-lsoa11-SYNTHETIC.csv.gz", barriers(random: &random)),
            ("fuel-poverty-lsoa11-SYNTHETIC.csv", fuelPoverty(random: &random)),
            ("dwp-working-age-benefits-lsoa11-SYNTHETIC.csv", benefits(random: &random)),
            ("children-low-income-lsoa11-SYNTHETIC.csv", childrenInLowIncome(random: &random)),
            ("attainment-ward-SYNTHETIC.csv", attainment(random: &random)),
            ("community-needs-ward-SYNTHETIC.csv", communityNeeds(random: &random)),
            ("neet-msoa11-SYNTHETIC.csv", neet(random: &random)),
            ("median-pay-district-SYNTHETIC.csv", medianPay(random: &random)),
            ("wellbeing-district-SYNTHETIC.csv", wellbeing(random: &random)),
            ("deaths-by-age-lsoa21-SYNTHETIC.csv", deathsByAge(lsoa21, random: &random)),
        ]
    }

    // MARK: - LSOA (2021)

    struct Lsoa21 {
        var code, name, areaCode: String
        var need: Double
        var population: Int
    }

    /// The 2021 LSOAs: most keep their 2011 code; about one in twenty-five was split in
    /// two, with new codes and names that the geography resolves through the MSOA name.
    private func lsoa21Areas(random: inout SeededRandom) -> [Lsoa21] {
        var lettersUsed: [String: Character] = [:]
        for lsoa in world.lsoas {
            let letter = lsoa.name.last ?? "A"
            lettersUsed[lsoa.msoaName] = max(lettersUsed[lsoa.msoaName] ?? "A", letter)
        }
        var result: [Lsoa21] = []
        var nextCode = 1
        for lsoa in world.lsoas {
            guard random.uniform() < 0.04, let last = lettersUsed[lsoa.msoaName]?.asciiValue else {
                result.append(Lsoa21(code: lsoa.code, name: lsoa.name, areaCode: lsoa.areaCode, need: lsoa.need, population: lsoa.population))
                continue
            }
            for offset in 1...2 {
                let letter = Character(Unicode.Scalar(last + UInt8(offset)))
                let code = "E0109" + String(format: "%04d", nextCode)
                nextCode += 1
                result.append(Lsoa21(code: code, name: lsoa.msoaName + String(letter), areaCode: lsoa.areaCode, need: lsoa.need + random.normal(sd: 0.1),
                                     population: lsoa.population / 2 + Int(random.normal(sd: 40))))
            }
            lettersUsed[lsoa.msoaName] = Character(Unicode.Scalar(last + 2))
        }
        return result
    }

    private func census(_ areas: [Lsoa21], title: String?, total: String, count: String, base: Double,
                        typical: Double, spread: Double, objective: Int, random: inout SeededRandom) -> MessyTable {
        var table = MessyTable(header: ["date", "geography", "geography code", total, count])
        if let title { table.titleRows = [title + " (" + SampleFiles.synthetic + ")"] }
        table.crlf = title == nil
        for area in areas {
            let people = Int((Double(area.population) * base * (1 + random.normal(sd: 0.03))).rounded())
            let need = area.need + world.shift(area.areaCode, objective: objective)
            let share = SyntheticWorld.proportion(typical: typical, spread: spread, need: need, noise: random.normal(sd: 0.08))
            let counted = min(people, Int((Double(people) * share).rounded()))
            table.rows.append(["2021", area.name, area.code, String(people), String(counted)])
        }
        if title != nil {
            table.notes = ["Source: " + SampleFiles.synthetic + ".", "Figures are not rounded or suppressed."]
        }
        return table
    }

    /// Deaths and person-years over five years, and the disabled among the people counted in
    /// one year, per 2021 LSOA, sex and standard age band (`HealthSchedule`): the counts a
    /// public health team holds, from which the pipeline builds life tables.
    private func deathsByAge(_ areas: [Lsoa21], random: inout SeededRandom) -> MessyTable {
        var table = MessyTable(header: ["LSOA21CD", "LSOA21NM", "Sex", "Age band", "Deaths", "Person-years", "Disabled", "Surveyed"])
        table.titleRows = ["Deaths and person-years 2018-22, and disability at Census 2021, by age band (" + SampleFiles.synthetic + ")"]
        let schedule = HealthSchedule()
        for area in areas {
            let need = area.need + world.shift(area.areaCode, objective: 4)
            for sex in HealthSchedule.Sex.allCases {
                for counts in schedule.counts(population: area.population, sex: sex, need: need, random: &random) {
                    let figures: [Int] = [counts.deaths, counts.personYears, counts.disabled, counts.surveyed]
                    table.rows.append([area.code, area.name, sex.rawValue, counts.band.label] + figures.map(String.init))
                }
            }
        }
        return table
    }

    // MARK: - LSOA (2011)

    private func barriers(random: inout SeededRandom) -> MessyTable {
        var table = MessyTable(header: [
            "LSOA code (2011)", "LSOA name (2011)", "Local Authority District code (2019)",
            "Geographical Barriers Sub-domain Score", "Wider Barriers Sub-domain Score",
            "Total population: mid 2015 (excluding prisoners)",
        ])
        for lsoa in world.lsoas {
            // Geographical barriers (distance to services) are worst in rural areas, which
            // are not the most deprived: a weak, opposite link to need.
            let need = world.need(lsoa, objective: 3)
            let geographical = -0.25 * need + random.normal(sd: 0.7)
            let wider = 0.55 * need + random.normal(sd: 0.35)
            table.rows.append([lsoa.code, lsoa.name, lsoa.districtCode, MessyTable.decimal(geographical, 3),
                               MessyTable.decimal(wider, 3), String(lsoa.population)])
        }
        return table
    }

    private func fuelPoverty(random: inout SeededRandom) -> MessyTable {
        var table = MessyTable(header: [
            "LSOA Code", "LSOA Name", "LA Code", "LA Name", "Number of households",
            "Number of households in fuel poverty", "Proportion of households fuel poor (%)",
        ])
        table.titleRows = ["Table 3: Fuel Poverty by LSOA [Note A], 2020 (" + SampleFiles.synthetic + ")"]
        table.crlf = true
        var households = 0
        var poor = 0
        for lsoa in world.lsoas {
            let homes = Int((Double(lsoa.population) / 2.3 + random.normal(sd: 25)).rounded())
            let share = SyntheticWorld.proportion(typical: 0.14, spread: 0.35, need: world.need(lsoa, objective: 5), noise: random.normal(sd: 0.1))
            let count = Int((Double(homes) * share).rounded())
            households += homes
            poor += count
            table.rows.append([lsoa.code, lsoa.name, lsoa.districtCode, lsoa.districtName, MessyTable.count(homes),
                               String(count), String(100 * Double(count) / Double(homes))])
        }
        table.rows.append(["", "", "", "Lancashire", MessyTable.count(households), MessyTable.count(poor), ""])
        table.notes = [
            "Note A: Estimates of fuel poverty at LSOA level should be treated with caution.",
            "Source: " + SampleFiles.synthetic,
        ]
        return table
    }

    private func benefits(random: inout SeededRandom) -> MessyTable {
        var table = MessyTable(header: ["LSOA code", "LSOA name", "Working age population (16-64)", "Working age benefit claimants"])
        table.titleRows = ["Working age benefit claimants by LSOA, May 2025 (" + SampleFiles.synthetic + ")"]
        for lsoa in world.lsoas {
            let working = Int((Double(lsoa.population) * 0.62 + random.normal(sd: 20)).rounded())
            let share = SyntheticWorld.proportion(typical: 0.12, spread: 0.55, need: world.need(lsoa, objective: 1), noise: random.normal(sd: 0.1))
            // Counts are rounded to the nearest 5 and small ones suppressed, as DWP does.
            let claimants = Int((Double(working) * share / 5).rounded()) * 5
            table.rows.append([lsoa.code, lsoa.name, MessyTable.count(working), claimants < 10 ? "*" : String(claimants)])
        }
        table.notes = ["* fewer than 10 claimants: suppressed.", "Counts are rounded to the nearest 5."]
        return table
    }

    private func childrenInLowIncome(random: inout SeededRandom) -> MessyTable {
        var table = MessyTable(header: ["LSOA code", "LSOA name", "Children aged 0-15", "Children in relative low income families"])
        table.titleRows = ["Children in low income families, LSOA, financial year ending 2024 (" + SampleFiles.synthetic + ")"]
        for lsoa in world.lsoas {
            let children = Int((Double(lsoa.population) * 0.19 + random.normal(sd: 15)).rounded())
            let share = SyntheticWorld.proportion(typical: 0.2, spread: 0.65, need: world.need(lsoa, objective: 2), noise: random.normal(sd: 0.1))
            let count = Int((Double(children) * share).rounded())
            table.rows.append([lsoa.code, lsoa.name, String(children), count < 5 ? "[c]" : String(count)])
        }
        table.notes = ["[c] confidential: fewer than 5 children."]
        return table
    }

    // MARK: - Wards

    /// A ward's need: the mean need of the SPAs it lies in, weighted by its shares.
    private func wardNeed(_ ward: SampleGeography.Ward, objective: Int) -> Double {
        ward.shares.reduce(0) { total, share in
            total + ((world.needByArea[share.area] ?? 0) + world.shift(share.area, objective: objective)) * share.weight
        }
    }

    private func attainment(random: inout SeededRandom) -> MessyTable {
        var table = MessyTable(header: [
            "Ward code", "Ward name", "KS2 pupils", "KS2 pupils meeting the expected standard",
            "KS4 pupils", "KS4 pupils achieving grade 5 or above in English and maths",
        ])
        table.titleRows = ["Attainment by pupil residence ward, 2024/25 (" + SampleFiles.synthetic + ")"]
        for ward in world.geography.wards {
            let need = wardNeed(ward, objective: 1) + random.normal(sd: 0.25)
            let ks2 = max(8, Int(random.normal(mean: 70, sd: 20).rounded()))
            let ks4 = max(8, Int(random.normal(mean: 65, sd: 18).rounded()))
            let ks2Met = Int((Double(ks2) * SyntheticWorld.proportion(typical: 0.6, spread: -0.45, need: need, noise: 0)).rounded())
            let ks4Met = Int((Double(ks4) * SyntheticWorld.proportion(typical: 0.45, spread: -0.55, need: need, noise: 0)).rounded())
            // Cohorts under ten pupils are suppressed with "x", as the DfE does.
            table.rows.append([ward.code, ward.name, ks2 < 10 ? "x" : String(ks2), ks2 < 10 ? "x" : String(ks2Met),
                               ks4 < 10 ? "x" : String(ks4), ks4 < 10 ? "x" : String(ks4Met)])
        }
        table.notes = ["x = fewer than 10 pupils: suppressed."]
        return table
    }

    private func communityNeeds(random: inout SeededRandom) -> MessyTable {
        var table = MessyTable(header: ["Ward code (2019)", "Ward name", "Community Needs Index score", "Population"])
        table.byteOrderMark = true
        for ward in world.geography.wards {
            let score = 100 + 35 * (wardNeed(ward, objective: 3) + random.normal(sd: 0.3))
            let population = max(1500, Int(random.normal(mean: 6500, sd: 1800).rounded()))
            table.rows.append([ward.code, ward.name, MessyTable.decimal(score, 1), MessyTable.count(population)])
        }
        return table
    }

    // MARK: - MSOAs

    private func neet(random: inout SeededRandom) -> MessyTable {
        var table = MessyTable(header: ["MSOA code", "MSOA name", "Young people aged 16-17 known to the local authority", "NEET or activity not known"])
        table.titleRows = ["Young people not in education, employment or training, 2024 (" + SampleFiles.synthetic + ")"]
        for msoa in world.geography.msoas {
            let need = (world.needByMsoa[msoa.name] ?? 0) + world.shift(msoa.areaCode, objective: 1)
            let cohort = max(40, Int((Double(world.populationByMsoa[msoa.name] ?? 7000) * 0.022).rounded()))
            let count = Int((Double(cohort) * SyntheticWorld.proportion(typical: 0.055, spread: 0.5, need: need, noise: random.normal(sd: 0.15))).rounded())
            table.rows.append([msoa.code, msoa.name, String(cohort), String(count)])
        }
        return table
    }

    // MARK: - Districts

    private func medianPay(random: inout SeededRandom) -> MessyTable {
        var table = MessyTable(header: ["District code", "District name", "Median annual pay (£)"])
        table.titleRows = ["Annual pay of residents, 2025 (" + SampleFiles.synthetic + ")"]
        for district in world.districts {
            let pay = 28_500 - 2_600 * (world.needByDistrict[district.code] ?? 0) + random.normal(sd: 700)
            table.rows.append([district.code, district.name, "£" + MessyTable.count(Int(pay.rounded()))])
        }
        table.rows.append(["", "England", "£" + MessyTable.count(31_602)])
        return table
    }

    private func wellbeing(random: inout SeededRandom) -> MessyTable {
        var table = MessyTable(header: ["Area code", "Area name", "Life satisfaction: mean score (out of 10)"])
        for district in world.districts {
            let score = 7.45 - 0.12 * (world.needByDistrict[district.code] ?? 0) + random.normal(sd: 0.06)
            table.rows.append([district.code, district.name, MessyTable.decimal(score, 2)])
        }
        return table
    }
}
