import CreditKitCore

extension DemoCity {
    /// Reviews and publications (most on time, some late, one withheld), objections (one decided late), repairs
    /// granted and refused.
    mutating func buildLifecycles() throws {
        let profile = JurisdictionProfile.national
        var objectionKey = 0
        var repairKey = 0
        var withheld = false
        for (index, record) in records.enumerated() {
            // Discipline and accountability decisions stay inside the discipline system: never reviewed for
            // publication, never published.
            guard record.polarity == .dishonesty, let severity = record.severity, !record.basis.isNeverPublished
            else { continue }
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
                            corrected: outcome == .corrected
                                ? record.facts + "（经异议核查更正：行为发生日期有误，已按原始凭证更正）" : nil)),
                    on: decided)
                if outcome == .revoked { continue }
            }

            guard severity != .serious, repairKey < 6,
                let minimum = try profile.figureInForce(
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
                records.append(record)
                schedule(.verifyComplaint(n, record: records.count - 1, on: decided), on: decided)
            case 1:
                schedule(.rejectComplaint(n, on: decided, reason: "经核实，已在承诺时限内办结，投诉不属实。"), on: decided)
            default:
                break  // still open: past its 30 days, a finding
            }
        }
    }
}

extension DemoCity {
    mutating func scheduleCommitment(_ commitment: Commitment) {
        commitments.append(commitment)
        schedule(.makeCommitment(commitments.count - 1), on: commitment.madeOn)
    }

    /// Rectification of every agency's dishonesty record within the period, except one left overdue.
    mutating func buildRectifications() {
        var leftOverdue = false
        for (index, record) in records.enumerated() where record.polarity == .dishonesty {
            guard agencies.contains(where: { $0.id == record.subject }) else { continue }
            if !leftOverdue, record.severity == .serious, record.decisionDate < today.adding(days: -120) {
                leftOverdue = true
                continue
            }
            let on = record.decisionDate.adding(days: Int(20 + rng.next() % 60))
            guard on < today else { continue }
            schedule(.lifecycle(index, .rectify(on: on)), on: on)
        }
    }

    /// Publication and fulfilment of commitments: mostly on time, some late, some still open past due; one policy
    /// promise broken with a new-leadership excuse, one changed lawfully with compensation.
    mutating func buildCommitmentStories() {
        var brokeOne = false
        var changedOne = false
        for (index, c) in commitments.enumerated() {
            let published = c.madeOn.adding(days: Int(1 + rng.next() % 3))
            if published < today { schedule(.commitmentStep(index, .publish(on: published)), on: published) }
            guard let due = c.dueDate else { continue }
            if c.kind == .policy, !brokeOne,
                let successor = posts.first(where: { $0.agency.id == c.promisor && $0.principal && $0.start > c.madeOn }
                ),
                successor.start.adding(days: 30) < today
            {
                brokeOne = true
                schedule(
                    .commitmentStep(
                        index,
                        .end(
                            on: successor.start.adding(days: 30),
                            .breached(.leadershipChange, "新任主要负责人认为前任作出的奖励承诺标准过高，不再兑现。"))),
                    on: successor.start.adding(days: 30))
                continue
            }
            if c.kind == .policy, !changedOne, c.madeOn.adding(days: 90) < today {
                changedOne = true
                let on = c.madeOn.adding(days: 90)
                schedule(
                    .commitmentStep(
                        index,
                        .change(
                            on: on,
                            CommitmentChange(
                                reason: .publicInterest, approvingAuthority: "秦皇岛市人民政府",
                                procedureDocument: "秦政函〔\(on.year)〕21号", compensation: 350_000,
                                newTerms: "因城市规划调整，配套道路改线建设，竣工期限顺延六个月。", newDueDate: due.adding(months: 6)))),
                    on: on)
                continue
            }
            guard due < today else { continue }
            let roll = rng.next() % 100
            if roll < 70 {
                let on = max(c.madeOn, due.adding(days: -Int(rng.next() % 30)))
                schedule(.commitmentStep(index, .end(on: on, .fulfilled)), on: on)
            } else if roll < 85, due.adding(days: 20) < today {
                let on = due.adding(days: Int(3 + rng.next() % 17))
                schedule(.commitmentStep(index, .end(on: on, .fulfilled)), on: on)
            }
        }
    }

    /// When no policy promise met a change of leadership, the story adds one: a promise to an investor by the
    /// agency the moved official left, broken a month after the successor took over.
    mutating func buildLeadershipBreach() {
        guard let moved = movedPost, let end = moved.end,
            let investor = enterprises.first(where: { $0.roles.contains(.investor) }),
            end.adding(days: 31) < today
        else { return }
        let made = max(start, end.adding(days: -200))
        scheduleCommitment(
            Commitment(
                promisor: moved.agency.id, beneficiary: investor.name, beneficiarySubject: investor.id, kind: .policy,
                terms: "对新建生产线给予设备投资额10%的一次性补助，投产后六个月内兑现。", madeOn: made,
                dueDate: end.adding(days: 150), sector: "investment"))
        let index = commitments.count - 1
        schedule(.commitmentStep(index, .publish(on: made.adding(days: 1))), on: made.adding(days: 1))
        schedule(
            .commitmentStep(
                index,
                .end(on: end.adding(days: 31), .breached(.leadershipChange, "新任主要负责人认为前任作出的补助承诺不符合本届班子的工作思路，不再兑现。"))),
            on: end.adding(days: 31))
    }

    /// A major decision taken without its risk assessment by the agency of the official who later moved post, and
    /// the accountability applied after the move.
    mutating func buildDecision() {
        guard let moved = movedPost, let end = moved.end else { return }
        let decided = max(start, end.adding(days: -60))
        func step(_ kind: DecisionStepKind, _ from: Int, _ to: Int, _ document: String) -> DecisionStep {
            DecisionStep(
                kind: kind, start: decided.adding(days: from), end: decided.adding(days: to), document: document)
        }
        decisions.append(
            MajorDecisionMade(
                agency: moved.agency.id, title: "\(moved.agency.name)关于调整城区停车收费标准的决定", decidedOn: decided,
                steps: [
                    step(.publicParticipation, -70, -41, "征求意见公告"), step(.expertArgumentation, -35, -35, "专家论证意见"),
                    step(.legalityReview, -30, -10, "合法性审查意见书"), step(.collectiveDiscussion, 0, 0, "党组会议纪要"),
                    step(.publication, 3, 3, "决定公告"), step(.archive, 10, 10, "立卷归档"),
                ]))
        schedule(.recordDecision(0), on: decided)
        let held = end.adding(days: 30)
        if held < today {
            schedule(.holdAccountable(0, official: moved.official, form: .admonishingTalk, on: held), on: held)
        }
    }
}
