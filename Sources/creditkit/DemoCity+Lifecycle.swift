import CreditKitCore

extension DemoCity {
    /// Reviews and publications (most on time, some late, one withheld), objections (one decided late), repairs
    /// granted and refused.
    mutating func buildLifecycles() {
        let profile = JurisdictionProfile.national
        var objectionKey = 0
        var repairKey = 0
        var withheld = false
        for (index, record) in records.enumerated() {
            guard record.polarity == .dishonesty, let severity = record.severity else { continue }
            let known = events.first {
                if case .enterRecord(index) = $0.action { return true }
                return false
            }!.known
            let reviewed = max(known, record.decisionDate.adding(days: 1))
            if !withheld, record.basis == .administrativePenalty, severity == .ordinary {
                withheld = true
                schedule(.lifecycle(index, .review(on: reviewed, .withheld(.commercialSecret))), on: reviewed)
                continue
            }
            schedule(.lifecycle(index, .review(on: reviewed, .publishable)), on: reviewed)
            let late = chance(12)
            let published = reviewed.adding(days: late ? Int(12 + rng.next() % 10) : Int(rng.next() % 4))
            guard published < today else { continue }
            schedule(.lifecycle(index, .publish(on: published)), on: published)

            if chance(9), objectionKey < 6 {
                let filed = published.adding(days: Int(5 + rng.next() % 30))
                let answeredLate = objectionKey == 1
                let decided = filed.adding(days: answeredLate ? 14 : Int(1 + rng.next() % 4))
                guard decided < today else { continue }
                let key = objectionKey
                objectionKey += 1
                let outcome: ObjectionOutcome = [.upheld, .corrected, .revoked, .upheld][key % 4]
                schedule(.lifecycle(index, .object(key: key, on: filed, grounds: "认定事实与实际不符，申请核查。")), on: filed)
                schedule(
                    .lifecycle(
                        index,
                        .resolve(
                            key: key, on: decided, outcome,
                            reason: outcome == .upheld ? "经核查，原认定事实清楚、证据确凿。" : "经核查，原认定存在错误。",
                            corrected: outcome == .corrected ? record.facts + "（经异议核查更正：涉及金额已全部清偿）" : nil)),
                    on: decided)
                if outcome == .revoked { continue }
            }

            guard severity != .serious, repairKey < 6,
                let minimum = try? profile.figure(
                    RuleID("record.display.minimum.\(severity.rawValue)"), on: record.decisionDate),
                let period = minimum.figure.period
            else { continue }
            let earliest = profile.calendar.deadline(period, from: record.decisionDate, restDayExtension: false).due
            let applied = max(earliest, published).adding(days: Int(5 + rng.next() % 20))
            let decided = applied.adding(days: 1)
            guard decided < today, chance(45) else { continue }
            let key = repairKey
            repairKey += 1
            let granted = key != 2
            schedule(.lifecycle(index, .applyForRepair(key: key, on: applied)), on: applied)
            schedule(
                .lifecycle(
                    index,
                    .decideRepair(
                        key: key, on: decided, granted: granted,
                        reason: granted ? "已纠正失信行为、履行义务并作出信用承诺。" : "申请材料不能证明已履行相关义务。")),
                on: decided)
        }
    }

    /// Hotline and website complaints against townships and bureaus: verified, rejected, one still open.
    mutating func buildComplaints() {
        let channels: [ComplaintChannel] = [.hotline12345, .hotline12328, .creditWebsite, .hotline12345, .letter]
        let handler = departments.first { $0.name.hasSuffix("市场监督管理局") }
        for n in 0..<5 {
            let target = n % 2 == 0 ? pick(townships) : pick(departments)
            let received = day(from: today.adding(days: -200), to: today.adding(days: -60))
            let complaint = ComplaintReceived(
                against: target.id, channel: channels[n], on: received, handler: handler?.id,
                summary: ["承诺时限内未办结低保申请", "道路运输证办理超期", "政策奖励资金未按承诺兑现", "窗口工作人员推诿", "工程款拖欠"][n])
            complaints.append(complaint)
            schedule(.receiveComplaint(n), on: received)
            let decided = received.adding(days: Int(10 + rng.next() % 15))
            switch n {
            case 0, 2, 4:
                let record = CreditRecord(
                    subject: target.id, polarity: .dishonesty, basis: .verifiedComplaint, severity: .minor,
                    actDate: received.adding(days: -10), decisionDate: decided,
                    authority: Authority(name: handler?.name ?? "秦皇岛市12345政务服务便民热线", creditCode: handler?.creditCode),
                    documentNumber: "秦诉核〔\(decided.year)〕\(n + 1)号",
                    legalBasis: [LegalCitation(document: "国发〔2016〕76号", article: "三（三）")],
                    facts: "投诉举报经核实：\(complaint.summary)。")
                schedule(.verifyComplaint(n, record, on: decided), on: decided)
            case 1:
                schedule(.rejectComplaint(n, on: decided, reason: "经核实，已在承诺时限内办结，投诉不属实。"), on: decided)
            default:
                break  // still open: past its 30 days, a finding
            }
        }
    }
}
