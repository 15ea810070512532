import AreaNeedsSample
import Foundation

/// The twenty extracts of the national job, at output area, LSOA, MSOA and district level,
/// written as messily as the real ones: census count tables of 10 to 30 columns (some as
/// Nomis bulk files, some with Nomis title rows and notes), IoD-style scores and ranks
/// (England only, as the IoD is), DWP and DfE tables with suppression markers and totals
/// rows, thousands separators, CRLF, a byte order mark, and gzip.
///
/// Each writer returns the indicators it feeds. Every figure is made up.
struct NationalExtracts {
    let geography: NationalGeography
    let folder: String
    let seed: UInt64

    /// Writes every extract into `<folder>/extracts/`; returns the indicators in pipeline order.
    func write() throws -> [IndicatorDefinition] {
        try FileManager.default.createDirectory(atPath: folder + "/extracts", withIntermediateDirectories: true)
        let iod = IoDFigures(geography: geography, random: random(0))
        var indicators: [IndicatorDefinition] = []
        indicators += try qualifications()
        indicators += try economicActivity()
        indicators += try disability()
        indicators += try unpaidCare()
        indicators += try centralHeating()
        indicators += try carAvailability()
        indicators += try iodScores(iod)
        indicators += try iodRanks(iod)
        indicators += try childrenInLowIncomeFamilies()
        indicators += try benefits()
        indicators += try freeSchoolMeals()
        indicators += try attendanceAllowance()
        indicators += try fuelPoverty()
        indicators += try neet()
        indicators += try householdIncome()
        indicators += try lifeExpectancy()
        indicators += try emergencyAdmissions()
        indicators += try medianPay()
        indicators += try wellbeing()
        indicators += try homelessness()
        return indicators.sorted { $0.objective < $1.objective }
    }

    private func random(_ extract: UInt64) -> SeededRandom {
        SeededRandom(seed: seed &* 1_000 &+ extract)
    }

    private func writer(_ name: String, crlf: Bool = false, byteOrderMark: Bool = false) throws -> ExtractWriter {
        try ExtractWriter(path: folder + "/extracts/" + name, gzip: name.hasSuffix(".gz"), crlf: crlf, byteOrderMark: byteOrderMark)
    }

    private func district(of lsoa: NationalGeography.Lsoa) -> NationalGeography.District {
        geography.districts[lsoa.district]
    }

    // MARK: - Census 2021 at output area level

    /// A census count table over every output area: the `target` category drawn from the
    /// area's deprivation, the others sharing the rest of the universe.
    private func censusTable(
        _ name: String, table: String, universe: String, people: (NationalGeography.OutputArea) -> Int,
        target: String, targetPosition: Int, others: [String], base: Double, slope: Double, extract: UInt64,
        nomisTitles: Bool, crlf: Bool = false, byteOrderMark: Bool = false
    ) throws -> (file: String, headerLine: Int, total: String, target: String) {
        var random = random(extract)
        let out = try writer(name, crlf: crlf, byteOrderMark: byteOrderMark)
        let prefix = table.split(separator: " - ").last.map(String.init) ?? table
        let total = "\(prefix): Total: \(universe)"
        let targetColumn = "\(prefix): \(target)"
        var categories = others.map { "\(prefix): \($0)" }
        categories.insert(targetColumn, at: min(targetPosition, categories.count))
        if nomisTitles {
            try out.titles([table, "ONS Crown Copyright Reserved [from Nomis on 25 November 2026]",
                            "Population: \(universe)", "Units: Persons", "Date: 2021"])
        }
        try out.header(["date", "geography", "geography code", total] + categories)
        var sums = [Int](repeating: 0, count: categories.count + 1)
        for area in geography.outputAreas {
            let count = people(area)
            let hit = random.binomial(count, Logistic.probability(base: base, slope: slope, score: area.deprivation))
            var parts = random.partition(count - hit, parts: others.count)
            parts.insert(hit, at: min(targetPosition, parts.count))
            let figures = [count] + parts
            for index in figures.indices { sums[index] += figures[index] }
            try out.row(["2021", area.code, area.code] + figures.map(String.init))
        }
        if nomisTitles {
            try out.row(["2021", "England and Wales", ""] + sums.map(String.init))
            try out.notes(["In order to protect against disclosure of personal information, records have been swapped between different geographic areas.",
                           "Source: Office for National Statistics, Census 2021 (SYNTHETIC: every figure is made up)"])
        }
        try out.finish()
        return ("extracts/" + name, out.headerLine, total, targetColumn)
    }

    private func census(_ id: String, _ title: String, objective: Int, _ table: (file: String, headerLine: Int, total: String, target: String)) -> IndicatorDefinition {
        IndicatorDefinition(
            id: id, title: title, objective: objective, polarity: "higher-is-worse", unit: "%", vintage: "Census 2021",
            method: "rate", scale: 100, file: table.file, geography: "oa", headerLine: table.headerLine,
            areaCode: "geography code", numerator: table.target, denominator: table.total)
    }

    private func qualifications() throws -> [IndicatorDefinition] {
        let table = try censusTable(
            "census-ts067-qualifications-oa.csv", table: "TS067 - Highest level of qualification",
            universe: "All usual residents aged 16 years and over", people: { $0.population * 81 / 100 },
            target: "No qualifications", targetPosition: 0,
            others: ["Level 1 and entry level qualifications", "Level 2 qualifications", "Apprenticeship",
                     "Level 3 qualifications", "Level 4 qualifications and above", "Other qualifications"],
            base: 0.18, slope: 0.5, extract: 1, nomisTitles: false)
        return [census("no-qualifications", "Percentage with no qualifications", objective: 1, table)]
    }

    private func economicActivity() throws -> [IndicatorDefinition] {
        let active = "Economically active (excluding full-time students)"
        let inactive = "Economically inactive"
        let others = [
            "\(active): In employment: Employee: Part-time", "\(active): In employment: Employee: Full-time",
            "\(active): In employment: Self-employed with employees: Part-time", "\(active): In employment: Self-employed with employees: Full-time",
            "\(active): In employment: Self-employed without employees: Part-time", "\(active): In employment: Self-employed without employees: Full-time",
            "Economically active and a full-time student: In employment: Employee: Part-time",
            "Economically active and a full-time student: In employment: Employee: Full-time",
            "Economically active and a full-time student: In employment: Self-employed with employees: Part-time",
            "Economically active and a full-time student: In employment: Self-employed with employees: Full-time",
            "Economically active and a full-time student: In employment: Self-employed without employees: Part-time",
            "Economically active and a full-time student: In employment: Self-employed without employees: Full-time",
            "Economically active and a full-time student: Unemployed: Seeking work or waiting to start a job already obtained: Available to start working within 2 weeks",
            "\(inactive): Retired", "\(inactive): Student", "\(inactive): Looking after home or family",
            "\(inactive): Long-term sick or disabled", "\(inactive): Other",
            "\(active): In employment: Employee: Apprentice", "\(active): In employment: Employee: On furlough",
            "\(active): In employment: Employee: Temporarily away from work", "\(active): In employment: Self-employed: Temporarily away from work",
            "\(inactive): Caring for family member",
        ]
        let table = try censusTable(
            "census-ts066-economic-activity-oa.csv", table: "TS066 - Economic activity status",
            universe: "All usual residents aged 16 years and over", people: { $0.population * 81 / 100 },
            target: "\(active): Unemployed: Seeking work or waiting to start a job already obtained: Available to start working within 2 weeks",
            targetPosition: 6, others: others, base: 0.035, slope: 0.6, extract: 2, nomisTitles: true, crlf: true)
        return [census("unemployment", "Residents aged 16 and over who are unemployed", objective: 1, table)]
    }

    private func disability() throws -> [IndicatorDefinition] {
        let table = try censusTable(
            "census-ts038-disability-oa.csv.gz", table: "TS038 - Disability", universe: "All usual residents",
            people: { $0.population }, target: "Disabled under the Equality Act: Day-to-day activities limited a lot", targetPosition: 0,
            others: ["Disabled under the Equality Act: Day-to-day activities limited a little",
                     "Not disabled under the Equality Act: Has long term physical or mental health condition but day-to-day activities are not limited",
                     "Not disabled under the Equality Act: No long term physical or mental health conditions",
                     "Disabled under the Equality Act: Aged 0 to 15", "Disabled under the Equality Act: Aged 16 to 64",
                     "Disabled under the Equality Act: Aged 65 and over"],
            base: 0.075, slope: 0.45, extract: 3, nomisTitles: false)
        return [census("activities-limited-a-lot", "Activities limited a lot", objective: 3, table)]
    }

    private func unpaidCare() throws -> [IndicatorDefinition] {
        let table = try censusTable(
            "census-ts039-unpaid-care-oa.csv", table: "TS039 - Provision of unpaid care",
            universe: "All usual residents aged 5 and over", people: { $0.population * 95 / 100 },
            target: "Provides 50 or more hours unpaid care a week", targetPosition: 7,
            others: ["Provides no unpaid care", "Provides 19 hours or less unpaid care a week",
                     "Provides 9 hours or less unpaid care a week", "Provides 10 to 19 hours unpaid care a week",
                     "Provides 20 to 49 hours unpaid care a week", "Provides 20 to 34 hours unpaid care a week",
                     "Provides 35 to 49 hours unpaid care a week"],
            base: 0.025, slope: 0.35, extract: 4, nomisTitles: true, byteOrderMark: true)
        return [census("unpaid-care-50-hours", "People providing 50+ hours unpaid care per week", objective: 3, table)]
    }

    private func centralHeating() throws -> [IndicatorDefinition] {
        let table = try censusTable(
            "census-ts046-central-heating-oa.csv.gz", table: "TS046 - Central heating", universe: "All households",
            people: { $0.households }, target: "No central heating", targetPosition: 0,
            others: ["Mains gas only", "Tank or bottled gas only", "Electric only", "Oil only", "Wood only", "Solid fuel only",
                     "Renewable energy only", "District or communal heat networks only", "Other central heating only",
                     "Two or more types of central heating (not including renewable energy)",
                     "Two or more types of central heating (including renewable energy)"],
            base: 0.015, slope: 0.5, extract: 5, nomisTitles: false)
        return [census("no-central-heating", "Households with no central heating", objective: 5, table)]
    }

    private func carAvailability() throws -> [IndicatorDefinition] {
        let table = try censusTable(
            "census-ts045-car-availability-oa.csv.gz", table: "TS045 - Car or van availability", universe: "All households",
            people: { $0.households }, target: "No cars or vans in household", targetPosition: 0,
            others: ["1 car or van in household", "2 cars or vans in household", "3 or more cars or vans in household",
                     "3 cars or vans in household", "4 or more cars or vans in household"],
            base: 0.23, slope: 0.55, extract: 6, nomisTitles: true)
        return [census("no-car", "Households without a car or van", objective: 5, table)]
    }

    // MARK: - Indices of Deprivation (England only), LSOA level

    private func iodScores(_ iod: IoDFigures) throws -> [IndicatorDefinition] {
        let file = "iod-scores-lsoa.csv.gz"
        let out = try writer(file)
        try out.header(["LSOA code (2011)", "LSOA name (2011)", "Local Authority District code (2019)", "Local Authority District name (2019)"]
                       + IoDFigures.scoreColumns + IoDFigures.populationColumns)
        for (row, lsoa) in iod.lsoas.enumerated() {
            let info = geography.lsoas[lsoa]
            let scores = iod.scores[row].map { Printed.decimal($0, 3) }
            try out.row([info.code, info.name, district(of: info).code, district(of: info).name] + scores + iod.populations[row].map(Printed.grouped))
        }
        try out.finish()
        func mean(_ id: String, _ title: String, objective: Int, score: String, population: String) -> IndicatorDefinition {
            IndicatorDefinition(
                id: id, title: title, objective: objective, polarity: "higher-is-worse", unit: "score", vintage: "IoD 2019",
                method: "weighted-mean", file: "extracts/" + file, geography: "lsoa", headerLine: out.headerLine,
                areaCode: "LSOA code (2011)", value: score, population: population)
        }
        return [
            mean("employment-deprivation", "Employment deprivation (IoD employment score)", objective: 1,
                 score: "Employment Score (rate)", population: IoDFigures.populationColumns[4]),
            mean("income-deprivation", "Income deprivation (IoD income score)", objective: 2,
                 score: "Income Score (rate)", population: IoDFigures.populationColumns[0]),
            mean("older-people-income-deprivation", "Income deprivation affecting older people (IDAOPI)", objective: 3,
                 score: "Income Deprivation Affecting Older People (IDAOPI) Score (rate)", population: IoDFigures.populationColumns[3]),
            mean("wider-barriers", "Wider barriers to housing and services", objective: 3,
                 score: "Wider Barriers Sub-domain Score", population: IoDFigures.populationColumns[0]),
        ]
    }

    private func iodRanks(_ iod: IoDFigures) throws -> [IndicatorDefinition] {
        let file = "iod-ranks-lsoa.csv"
        let out = try writer(file)
        try out.titles(["English Indices of Deprivation 2019 (SYNTHETIC)", "File 2: domains of deprivation, ranks and deciles"])
        try out.header(["LSOA code (2011)", "LSOA name (2011)", "Local Authority District code (2019)", "Local Authority District name (2019)"]
                       + IoDFigures.rankColumns + [IoDFigures.populationColumns[0]])
        for (row, lsoa) in iod.lsoas.enumerated() {
            let info = geography.lsoas[lsoa]
            var fields = [info.code, info.name, district(of: info).code, district(of: info).name]
            for rank in iod.ranks[row] {
                fields += [Printed.grouped(rank), String(IoDFigures.decile(rank: rank, count: iod.lsoas.count))]
            }
            try out.row(fields + [Printed.grouped(iod.populations[row][0])])
        }
        try out.notes(["Ranks: 1 is the most deprived LSOA in England. Deciles: 1 is the most deprived 10%."])
        try out.finish()
        func ranked(_ id: String, _ title: String, _ method: String, unit: String, extra: (inout IndicatorDefinition) -> Void) -> IndicatorDefinition {
            var indicator = IndicatorDefinition(
                id: id, title: title, objective: 2, polarity: "higher-is-worse", unit: unit, vintage: "IoD 2019", method: method,
                nationalCount: iod.lsoas.count, file: "extracts/" + file, geography: "lsoa", headerLine: out.headerLine,
                areaCode: "LSOA code (2011)")
            extra(&indicator)
            return indicator
        }
        return [
            ranked("imd-average-rank", "Index of Multiple Deprivation: average rank", "average-rank", unit: "rank") {
                $0.value = IoDFigures.rankColumns[0]
                $0.population = IoDFigures.populationColumns[0]
            },
            ranked("imd-extent", "Index of Multiple Deprivation: extent", "extent", unit: "proportion") {
                $0.value = IoDFigures.rankColumns[0]
                $0.population = IoDFigures.populationColumns[0]
            },
            ranked("imd-most-deprived-decile", "LSOAs in the most deprived 10% nationally", "share-in-most-deprived-decile", unit: "proportion") {
                $0.decile = IoDFigures.rankColumns[1]
            },
        ]
    }

    // MARK: - Other LSOA-level tables (England and Wales)

    /// Stat-Xplore style: title rows, several years, a totals row, ".." for suppressed cells.
    private func childrenInLowIncomeFamilies() throws -> [IndicatorDefinition] {
        var random = random(10)
        let file = "children-low-income-lsoa.csv"
        let out = try writer(file)
        try out.titles(["Dataset: Children in Low Income Families (Local Measures) (SYNTHETIC)",
                        "Measure: Number of children aged 0 to 15 in relative low income families", "Geography: LSOA (2011)"])
        let years = ["FYE 2020", "FYE 2021", "FYE 2022", "FYE 2023", "FYE 2024"]
        try out.header(["LSOA code", "LSOA name", "Local authority code", "Local authority name"] + years.map { "Children in relative low income families: \($0)" }
                       + ["Children aged 0-15 (mid-2023)"])
        for lsoa in geography.lsoas {
            let children = lsoa.population * random.integer(15...22) / 100
            var fields = [lsoa.code, lsoa.name, district(of: lsoa).code, district(of: lsoa).name]
            for _ in years {
                let count = random.binomial(children, Logistic.probability(base: 0.17, slope: 0.7, score: lsoa.deprivation))
                fields.append(random.chance(0.004) ? ".." : Printed.grouped(count))
            }
            try out.row(fields + [Printed.grouped(children)])
        }
        try out.row(["", "Total", "", ""] + years.map { _ in "" } + [""])
        try out.notes(["Source: DWP Stat-Xplore (SYNTHETIC)", "\"..\" denotes a figure suppressed to protect confidentiality."])
        try out.finish()
        return [IndicatorDefinition(
            id: "children-in-poverty", title: "Children in relative low income families", objective: 2, polarity: "higher-is-worse",
            unit: "%", vintage: "FYE 2024", method: "rate", scale: 100, file: "extracts/" + file, geography: "lsoa",
            headerLine: out.headerLine, areaCode: "LSOA code",
            numerator: "Children in relative low income families: FYE 2024", denominator: "Children aged 0-15 (mid-2023)")]
    }

    private func benefits() throws -> [IndicatorDefinition] {
        var random = random(11)
        let file = "dwp-working-age-benefits-lsoa.csv.gz"
        let out = try writer(file)
        let groups = ["Universal Credit (not in work)", "Jobseeker's Allowance", "ESA and incapacity benefits", "Lone parent",
                      "Carer", "Others on income related benefit", "Disabled", "Bereaved"]
        try out.header(["LSOA code", "LSOA name", "Working age population (16-64)", "Working age benefit claimants"] + groups)
        for lsoa in geography.lsoas {
            let population = lsoa.population * random.integer(58...66) / 100
            let claimants = random.binomial(population, Logistic.probability(base: 0.09, slope: 0.7, score: lsoa.deprivation))
            let parts = random.partition(claimants, parts: groups.count).map { $0 < 5 ? "c" : String($0) }
            try out.row([lsoa.code, lsoa.name, Printed.grouped(population), random.chance(0.002) ? "c" : String(claimants)] + parts)
        }
        try out.finish()
        return [IndicatorDefinition(
            id: "working-age-benefits", title: "Working age benefit claimants", objective: 1, polarity: "higher-is-worse",
            unit: "%", vintage: "May 2025", method: "rate", scale: 100, file: "extracts/" + file, geography: "lsoa",
            headerLine: out.headerLine, areaCode: "LSOA code",
            numerator: "Working age benefit claimants", denominator: "Working age population (16-64)")]
    }

    /// DfE open data style: long column names in snake case, "c" and "x" for suppressed cells.
    private func freeSchoolMeals() throws -> [IndicatorDefinition] {
        var random = random(12)
        let file = "pupils-free-school-meals-lsoa.csv"
        let out = try writer(file)
        try out.header(["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "la_code", "la_name",
                        "lsoa_code", "lsoa_name", "headcount", "fsm_eligible", "percent_fsm"])
        for lsoa in geography.lsoas {
            let info = district(of: lsoa)
            let pupils = lsoa.population * random.integer(12...17) / 100
            let eligible = random.binomial(pupils, Logistic.probability(base: 0.22, slope: 0.75, score: lsoa.deprivation))
            let shown = eligible < 3 || random.chance(0.005) ? "c" : random.chance(0.001) ? "x" : String(eligible)
            let percent = shown == String(eligible) ? Printed.decimal(100 * Double(eligible) / Double(max(pupils, 1)), 1) : shown
            try out.row(["202425", "Academic year", "LSOA", info.isWelsh ? "W92000004" : "E92000001", info.isWelsh ? "Wales" : "England",
                         info.code, info.name, lsoa.code, lsoa.name, String(pupils), shown, percent])
        }
        try out.finish()
        return [IndicatorDefinition(
            id: "free-school-meals", title: "Pupils eligible for free school meals", objective: 2, polarity: "higher-is-worse",
            unit: "%", vintage: "2024/25", method: "rate", scale: 100, file: "extracts/" + file, geography: "lsoa",
            headerLine: out.headerLine, areaCode: "lsoa_code", numerator: "fsm_eligible", denominator: "headcount")]
    }

    private func attendanceAllowance() throws -> [IndicatorDefinition] {
        var random = random(13)
        let file = "attendance-allowance-lsoa.csv"
        let out = try writer(file, crlf: true)
        try out.titles(["Attendance Allowance: cases in payment, February 2025 (SYNTHETIC)"])
        let breakdown = ["Higher rate", "Lower rate", "Male", "Female", "Aged 65-69", "Aged 70-79", "Aged 80-89", "Aged 90 and over"]
        try out.header(["LSOA code", "LSOA name", "Attendance Allowance claimants", "Population aged 65 and over"] + breakdown)
        for lsoa in geography.lsoas {
            let older = lsoa.population * random.integer(14...26) / 100
            let claimants = random.binomial(older, Logistic.probability(base: 0.12, slope: 0.4, score: lsoa.deprivation))
            let rates = random.partition(claimants, parts: 2)
            let sexes = random.partition(claimants, parts: 2)
            let ages = random.partition(claimants, parts: 4)
            let shown = (rates + sexes + ages).map { $0 < 5 ? "*" : String($0) }
            try out.row([lsoa.code, lsoa.name, random.chance(0.002) ? "*" : String(claimants), Printed.grouped(older)] + shown)
        }
        try out.notes(["* fewer than five, or suppressed to protect confidentiality", "Source: DWP (SYNTHETIC)"])
        try out.finish()
        return [IndicatorDefinition(
            id: "attendance-allowance", title: "People aged 65 and over claiming Attendance Allowance", objective: 3,
            polarity: "higher-is-worse", unit: "%", vintage: "February 2025", method: "rate", scale: 100, file: "extracts/" + file,
            geography: "lsoa", headerLine: out.headerLine, areaCode: "LSOA code",
            numerator: "Attendance Allowance claimants", denominator: "Population aged 65 and over")]
    }

    private func fuelPoverty() throws -> [IndicatorDefinition] {
        var random = random(14)
        let file = "fuel-poverty-lsoa.csv"
        let out = try writer(file)
        try out.titles(["Sub-regional fuel poverty, 2023 data (SYNTHETIC)", "Low Income Low Energy Efficiency (LILEE) indicator"])
        try out.header(["LSOA Code", "LSOA Name", "LA Code", "LA Name", "Region", "Number of households",
                        "Number of households in fuel poverty", "Proportion of households fuel poor (%)",
                        "Average fuel poverty gap (£)", "Aggregate fuel poverty gap (£m)"])
        for lsoa in geography.lsoas {
            let info = district(of: lsoa)
            let households = outputAreas(of: lsoa).reduce(0) { $0 + $1.households }
            let poor = random.binomial(households, Logistic.probability(base: 0.13, slope: 0.45, score: lsoa.deprivation))
            let gap = random.uniform(300...600)
            try out.row([lsoa.code, lsoa.name, info.code, info.name, info.isWelsh ? "Wales" : "England", Printed.grouped(households),
                         String(poor), Printed.decimal(100 * Double(poor) / Double(households), 1), Printed.decimal(gap, 0),
                         Printed.decimal(gap * Double(poor) / 1e6, 3)])
        }
        try out.notes(["Source: Department for Energy Security and Net Zero (SYNTHETIC)"])
        try out.finish()
        return [IndicatorDefinition(
            id: "fuel-poverty", title: "Households in fuel poverty", objective: 5, polarity: "higher-is-worse", unit: "%",
            vintage: "2023", method: "rate", scale: 100, file: "extracts/" + file, geography: "lsoa", headerLine: out.headerLine,
            areaCode: "LSOA Code", numerator: "Number of households in fuel poverty", denominator: "Number of households")]
    }

    private func outputAreas(of lsoa: NationalGeography.Lsoa) -> ArraySlice<NationalGeography.OutputArea> {
        geography.outputAreas[lsoa.outputAreas]
    }

    // MARK: - MSOA level

    /// The MSOA's population and mean deprivation.
    private func profile(_ msoa: NationalGeography.Msoa) -> (population: Int, deprivation: Double) {
        let lsoas = geography.lsoas[msoa.lsoas]
        let population = lsoas.reduce(0) { $0 + $1.population }
        let deprivation = lsoas.reduce(0.0) { $0 + $1.deprivation } / Double(lsoas.count)
        return (population, deprivation)
    }

    private func neet() throws -> [IndicatorDefinition] {
        var random = random(20)
        let file = "neet-msoa.csv"
        let out = try writer(file)
        try out.titles(["Participation in education, employment or training: 16 and 17 year olds, 2024 (SYNTHETIC)"])
        try out.header(["MSOA code", "MSOA name", "LA code", "LA name", "Young people aged 16-17 known to the local authority",
                        "NEET", "Activity not known", "NEET or activity not known", "Proportion NEET or not known (%)",
                        "In education", "In training", "In employment"])
        for msoa in geography.msoas {
            let info = geography.districts[msoa.district]
            let young = profile(msoa).population * random.integer(20...28) / 1_000
            let neet = random.binomial(young, Logistic.probability(base: 0.05, slope: 0.5, score: profile(msoa).deprivation))
            let unknown = random.binomial(young, 0.015)
            let rest = random.partition(young - neet - unknown, parts: 3)
            let suppressed = young < 100 || random.chance(0.004)
            try out.row([msoa.code, msoa.name, info.code, info.name, Printed.grouped(young), suppressed ? "x" : String(neet),
                         String(unknown), suppressed ? "x" : String(neet + unknown),
                         suppressed ? "x" : Printed.decimal(100 * Double(neet + unknown) / Double(max(young, 1)), 1)] + rest.map(String.init))
        }
        try out.notes(["x = suppressed (fewer than 100 young people known, or disclosive)"])
        try out.finish()
        return [IndicatorDefinition(
            id: "neet", title: "Young people not in employment, education or training (or not known)", objective: 1,
            polarity: "higher-is-worse", unit: "%", vintage: "2024", method: "rate", scale: 100, file: "extracts/" + file,
            geography: "msoa", headerLine: out.headerLine, areaCode: "MSOA code",
            numerator: "NEET or activity not known", denominator: "Young people aged 16-17 known to the local authority")]
    }

    private func householdIncome() throws -> [IndicatorDefinition] {
        var random = random(21)
        let file = "household-income-msoa.csv.gz"
        let out = try writer(file)
        try out.header(["MSOA code", "MSOA name", "Local authority code", "Local authority name", "Region code", "Region name",
                        "Net annual income after housing costs (£)", "Upper confidence limit (£)", "Lower confidence limit (£)",
                        "Confidence interval (£)", "Households"])
        for msoa in geography.msoas {
            let info = geography.districts[msoa.district]
            let (population, deprivation) = profile(msoa)
            let income = Int((random.normal(mean: 31_000, sd: 2_500) - 3_500 * deprivation) / 100) * 100
            let interval = random.integer(40...70) * 100
            try out.row([msoa.code, msoa.name, info.code, info.name, info.isWelsh ? "W92000004" : "E12000002", info.isWelsh ? "Wales" : "North West",
                         Printed.grouped(income), Printed.grouped(income + interval / 2), Printed.grouped(income - interval / 2),
                         Printed.grouped(interval), Printed.grouped(population * 10 / 24)])
        }
        try out.finish()
        return [IndicatorDefinition(
            id: "household-income", title: "Net annual household income after housing costs", objective: 2,
            polarity: "higher-is-better", unit: "£", vintage: "FYE 2023", method: "median", file: "extracts/" + file,
            geography: "msoa", headerLine: out.headerLine, areaCode: "MSOA code",
            value: "Net annual income after housing costs (£)", population: "Households")]
    }

    private func lifeExpectancy() throws -> [IndicatorDefinition] {
        var random = random(22)
        let file = "life-expectancy-msoa.csv"
        let out = try writer(file)
        try out.titles(["Life expectancy at birth by MSOA, 2016 to 2020 (SYNTHETIC)"])
        try out.header(["MSOA code", "MSOA name", "LA code", "LA name", "Male life expectancy at birth (years)", "Male LCI", "Male UCI",
                        "Female life expectancy at birth (years)", "Female LCI", "Female UCI", "Male population", "Female population"])
        for msoa in geography.msoas {
            let info = geography.districts[msoa.district]
            let (population, deprivation) = profile(msoa)
            let male = random.normal(mean: 79.4, sd: 1.2) - 2.2 * deprivation
            let female = random.normal(mean: 83.1, sd: 1.0) - 1.8 * deprivation
            let males = population * random.integer(48...50) / 100
            try out.row([msoa.code, msoa.name, info.code, info.name,
                         Printed.decimal(male, 1), Printed.decimal(male - 1.4, 1), Printed.decimal(male + 1.4, 1),
                         Printed.decimal(female, 1), Printed.decimal(female - 1.3, 1), Printed.decimal(female + 1.3, 1),
                         Printed.grouped(males), Printed.grouped(population - males)])
        }
        try out.finish()
        func expectancy(_ id: String, _ title: String, _ value: String, _ population: String) -> IndicatorDefinition {
            IndicatorDefinition(
                id: id, title: title, objective: 4, polarity: "higher-is-better", unit: "years", vintage: "2016-20",
                method: "weighted-mean", file: "extracts/" + file, geography: "msoa", headerLine: out.headerLine,
                areaCode: "MSOA code", value: value, population: population)
        }
        return [
            expectancy("life-expectancy-male", "Life expectancy at birth (males)", "Male life expectancy at birth (years)", "Male population"),
            expectancy("life-expectancy-female", "Life expectancy at birth (females)", "Female life expectancy at birth (years)", "Female population"),
        ]
    }

    private func emergencyAdmissions() throws -> [IndicatorDefinition] {
        var random = random(23)
        let file = "emergency-admissions-msoa.csv"
        let out = try writer(file)
        try out.header(["MSOA code", "MSOA name", "Emergency admissions (all causes), 2019/20 to 2023/24", "Person-years at risk",
                        "Standardised admission ratio", "Lower CI", "Upper CI", "Admissions per 1,000 person-years",
                        "Significance", "Suppressed"])
        for msoa in geography.msoas {
            let (population, deprivation) = profile(msoa)
            let years = population * 5
            let admissions = random.binomial(years, Logistic.probability(base: 0.095, slope: 0.3, score: deprivation))
            let ratio = 100 * Double(admissions) / (0.095 * Double(years))
            try out.row([msoa.code, msoa.name, Printed.grouped(admissions), Printed.grouped(years), Printed.decimal(ratio, 1),
                         Printed.decimal(ratio - 4, 1), Printed.decimal(ratio + 4, 1),
                         Printed.decimal(1_000 * Double(admissions) / Double(years), 1), ratio > 104 ? "Higher" : ratio < 96 ? "Lower" : "Similar", "No"])
        }
        try out.finish()
        return [IndicatorDefinition(
            id: "emergency-admissions", title: "Emergency hospital admissions per 1,000 person-years", objective: 4,
            polarity: "higher-is-worse", unit: "per 1,000", vintage: "2019/20 to 2023/24", method: "rate", scale: 1_000,
            file: "extracts/" + file, geography: "msoa", headerLine: out.headerLine, areaCode: "MSOA code",
            numerator: "Emergency admissions (all causes), 2019/20 to 2023/24", denominator: "Person-years at risk")]
    }

    // MARK: - District level, with country and region rows as published

    private static let regions = [("E12000001", "North East"), ("E12000002", "North West"), ("E12000003", "Yorkshire and The Humber"),
                                  ("E12000004", "East Midlands"), ("E12000005", "West Midlands"), ("E12000006", "East of England"),
                                  ("E12000007", "London"), ("E12000008", "South East"), ("E12000009", "South West")]

    /// One row per country and region (not districts: outside the geography), then per district.
    private func districtRows(_ out: ExtractWriter, _ fields: (_ code: String, _ name: String, _ district: NationalGeography.District?) -> [String]) throws {
        try out.row(fields("K04000001", "England and Wales", nil))
        try out.row(fields("E92000001", "England", nil))
        for (code, name) in NationalExtracts.regions { try out.row(fields(code, name, nil)) }
        try out.row(fields("W92000004", "Wales", nil))
        for district in geography.districts { try out.row(fields(district.code, district.name, district)) }
    }

    private func inherited(_ id: String, _ title: String, objective: Int, polarity: String, unit: String, vintage: String,
                           file: String, headerLine: Int, code: String, value: String) -> IndicatorDefinition {
        IndicatorDefinition(
            id: id, title: title, objective: objective, polarity: polarity, unit: unit, vintage: vintage, method: "inherit",
            file: "extracts/" + file, geography: "district", headerLine: headerLine, areaCode: code, value: value)
    }

    /// ASHE table 8.7a style: title rows, jobs in thousands, percentiles, "x" where unreliable.
    private func medianPay() throws -> [IndicatorDefinition] {
        var random = random(30)
        let file = "ashe-annual-pay-district.csv"
        let out = try writer(file)
        try out.titles(["Table 8.7a   Annual pay - Gross (£) - For all employee jobs: United Kingdom, 2025 (SYNTHETIC)",
                        "Place of residence by local authority"])
        try out.header(["Description", "Code", "Number of jobs (thousand)", "Median", "Annual percentage change", "Mean",
                        "Annual percentage change", "10", "20", "25", "30", "40", "60", "70", "75", "80", "90"])
        try districtRows(out) { code, name, district in
            let median = Int(random.normal(mean: 31_000, sd: 2_800) - 2_500 * (district?.effect ?? 0))
            let shown = district != nil && random.chance(0.01) ? "x" : Printed.grouped(median)
            var fields = [name, code, Printed.decimal(random.uniform(20...600), 0), shown, Printed.decimal(random.normal(mean: 4, sd: 2), 1),
                          Printed.grouped(median * 115 / 100), Printed.decimal(random.normal(mean: 4, sd: 2), 1)]
            for percent in [10, 20, 25, 30, 40, 60, 70, 75, 80, 90] { fields.append(Printed.grouped(median * (percent + 50) / 100)) }
            return fields
        }
        try out.notes(["x = estimate unreliable or unavailable", "Source: Annual Survey of Hours and Earnings (SYNTHETIC)"])
        try out.finish()
        return [inherited("median-pay", "Median annual pay (residents)", objective: 2, polarity: "higher-is-better", unit: "£",
                          vintage: "2025", file: file, headerLine: out.headerLine, code: "Code", value: "Median")]
    }

    private func wellbeing() throws -> [IndicatorDefinition] {
        var random = random(31)
        let file = "aps-wellbeing-district.csv"
        let out = try writer(file)
        try out.header(["Area code", "Area name", "Life satisfaction: mean score (out of 10)", "Worthwhile: mean score",
                        "Happiness: mean score", "Anxiety: mean score", "Life satisfaction: Poor (%)", "Life satisfaction: Fair (%)",
                        "Life satisfaction: Good (%)", "Life satisfaction: Very good (%)"])
        try districtRows(out) { code, name, district in
            let satisfaction = random.normal(mean: 7.45, sd: 0.15) - 0.1 * (district?.effect ?? 0)
            let shown = district != nil && random.chance(0.01) ? "[x]" : Printed.decimal(satisfaction, 2)
            let parts = random.partition(1_000, parts: 4).map { Printed.decimal(Double($0) / 10, 1) }
            return [code, name, shown, Printed.decimal(random.normal(mean: 7.7, sd: 0.15), 2),
                    Printed.decimal(random.normal(mean: 7.4, sd: 0.2), 2), Printed.decimal(random.normal(mean: 3.2, sd: 0.3), 2)] + parts
        }
        try out.finish()
        return [inherited("wellbeing", "Self-reported wellbeing (mean life satisfaction)", objective: 3, polarity: "higher-is-better",
                          unit: "score out of 10", vintage: "2024/25", file: file, headerLine: out.headerLine, code: "Area code",
                          value: "Life satisfaction: mean score (out of 10)")]
    }

    private func homelessness() throws -> [IndicatorDefinition] {
        var random = random(32)
        let file = "homelessness-district.csv.gz"
        let out = try writer(file)
        try out.header(["Area code", "Area name", "Households assessed", "Owed a prevention or relief duty", "Households (thousands)",
                        "Households owed a duty per 1,000", "Threatened with homelessness", "Homeless", "Main duty",
                        "In temporary accommodation"])
        try districtRows(out) { code, name, district in
            let households = random.integer(40...500)
            let rate = max(2, random.normal(mean: 11, sd: 3) + 2.5 * (district?.effect ?? 0))
            let owed = Int(rate * Double(households))
            let parts = random.partition(owed, parts: 4)
            return [code, name, Printed.grouped(owed * 11 / 10), Printed.grouped(owed), String(households), Printed.decimal(rate, 2)]
                + parts.map(Printed.grouped)
        }
        try out.finish()
        return [inherited("homelessness", "Households owed a homelessness duty per 1,000", objective: 4, polarity: "higher-is-worse",
                          unit: "per 1,000 households", vintage: "2024/25", file: file, headerLine: out.headerLine, code: "Area code",
                          value: "Households owed a duty per 1,000")]
    }
}
