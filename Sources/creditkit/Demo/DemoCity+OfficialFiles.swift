import CreditKitCore

extension DemoCity {
    /// The officials' integrity files (公务员诚信档案) of the city's principals in post and of the official moved after
    /// the decision: last year's assessments, this year's personal-matters reports (one late, one not filed, one
    /// concealment found on checking), an honour and integrity training. Drawn without the random source, so the rest
    /// of the story stays as it was.
    mutating func buildOfficialFiles() {
        let year = today.year - 1
        let chosen = posts.filter { $0.end == nil && $0.principal }.prefix(8).map(\.official)
        let moved = movedPost.map { [$0.official] } ?? []
        var files: [Int] = []
        for official in moved + chosen where !files.contains(official) { files.append(official) }
        func at(_ month: Int, _ day: Int, _ y: Int = year + 1) -> LocalDate {
            try! LocalDate(year: y, month: month, day: day)
        }
        func inStory(_ day: LocalDate) -> Bool { day >= start && day <= today }
        for (k, index) in files.enumerated() {
            let official = officials[index].id
            let result: AssessmentResult = k == 1 ? .excellent : k == 4 ? .basicallyCompetent : .competent
            if inStory(at(1, 20)) {
                schedule(
                    AnnualAssessmentRecorded(
                        official: official, year: year, result: result, on: at(1, 20), by: "中共秦皇岛市委组织部"))
            }
            if inStory(at(1, 5)) {
                schedule(PersonalMattersReportRequired(official: official, year: year, due: at(1, 31), on: at(1, 5)))
                let filed: LocalDate? = k == 2 ? at(2, 3) : k == 3 ? nil : at(1, 25)
                if let filed, inStory(filed) {
                    schedule(PersonalMattersReportFiled(official: official, year: year, on: filed))
                    if k == 5 || k == 1, inStory(at(4, 15)) {
                        schedule(
                            PersonalMattersReportVerified(
                                official: official, year: year, outcome: k == 5 ? .concealment : .consistent,
                                on: at(4, 15), by: "中共秦皇岛市委组织部"))
                    }
                }
            }
            if k == 1, inStory(at(12, 10, year)) {
                schedule(HonourAwarded(official: official, title: "全省优秀公务员", level: .provincial, on: at(12, 10, year)))
            }
            let trained = inStory(at(3, 15)) ? at(3, 15) : at(9, 15, year)
            if k != 6, inStory(trained) {
                schedule(
                    IntegrityTrainingCompleted(official: official, course: "政务诚信建设专题培训", hours: 4, on: trained))
            }
        }
    }
}
