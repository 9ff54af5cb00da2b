import CreditKitCore
import Debt
import Foundation
import InvestmentPromotion
import PPP

extension DemoCity {
    /// The PPP story: 昌黎县住房和城乡建设局 concedes the county's district heating network under the 2023 mechanism
    /// (users pay, the concessionaire holds all the equity, 30 years), each stage answered for by the bureau's head
    /// of the day. The county pays the network's relocation compensation 25 days late and leaves the second
    /// instalment unpaid; after a change of county leaders it narrows the concession's area on its own.
    mutating func buildPPP() {
        guard let bureau = departments.first(where: { $0.name == "昌黎县住房和城乡建设局" }) else { return }
        let project = CaseRef<PPPProject>(
            CaseID(rawValue: "CL-PPP-\(today.adding(days: -700).year)-01"), owner: bureau.id)
        let company = Counterparty(
            name: "昌黎县热力有限公司", identifier: newCode(authority: "9", category: "1", region: bureau.region).rawValue)
        func stage(_ stage: PPPStage, _ day: LocalDate) {
            schedule(
                .perform { kit, _ in
                    // The bureau's head on the day answers for the stage, by the tenure the ledger holds.
                    let head = kit.view.tenures(of: bureau.id).last {
                        $0.tenure.isPrincipal && $0.tenure.start <= day && ($0.end.map { day <= $0 } ?? true)
                    }
                    try await kit.append([
                        project.on(
                            day,
                            PPPStageEntered(
                                stage,
                                responsible: head.map {
                                    PPPProject.Responsible(official: $0.tenure.official, tenure: $0.id)
                                }
                            ))
                    ])
                }, on: day)
        }
        let registered = today.adding(days: -700)
        schedule(
            project.on(
                registered,
                PPPProjectRegistered(
                    name: "昌黎县城区集中供热管网特许经营", level: "county", industry: "城镇供热", totalInvestment: 260_000_000,
                    mode: .bot, mechanism: .userPay)))
        stage(.identification, registered)
        stage(.procurement, registered.adding(days: 40))
        schedule(project.on(registered.adding(days: 75), PPPQualificationReviewed(qualified: 4)))
        let signed = registered.adding(days: 110)
        schedule(
            project.on(
                signed,
                PPPContractSigned(
                    concessionaire: company, termStart: signed.adding(days: 20),
                    termEnd: signed.adding(days: 20).adding(years: 30).adding(days: -1), privateEquityPercent: 100)))
        stage(.execution, signed.adding(days: 20))
        schedule(project.on(signed.adding(days: 30), PPPDisclosed()))
        let first = registered.adding(days: 300)
        let second = today.adding(days: -90)
        for (number, due) in [("BC-1", first), ("BC-2", second)] {
            schedule(
                project.on(
                    signed.adding(days: 20),
                    PPPObligationScheduled(number, .compensation, amount: 4_000_000, due: due)))
        }
        schedule(project.on(first.adding(days: 25), PPPObligationFulfilled("BC-1", amount: 4_000_000)))
        schedule(
            project.on(
                today.adding(days: -50),
                PPPContractChanged("单方面缩小特许经营区域，划出开发区供热片区", reason: .leadershipChange, lawfulProcedure: false)))
    }

    /// The investment story: 北戴河区人民政府 signs with a tourism investor, promising land by a day and a subsidy
    /// later; the land comes on time, the subsidy is withdrawn after a change of leaders, and a tax rebate is promised
    /// another company with no legal basis and no fair-competition review.
    mutating func buildInvestment() {
        guard let zone = governments.first(where: { $0.name == "北戴河区人民政府" }),
            let investor = enterprises.first(where: { $0.name == "山海关古城文化旅游开发有限公司" }),
            let other = enterprises.first(where: { $0.name == "秦皇岛玻璃新材料有限公司" })
        else { return }
        let signed = today.adding(days: -500)
        let deal = InvestmentAgreement.agreement(CaseID(rawValue: "BDH-ZS-\(signed.year)-03"), agency: zone.id)
        let reviewed = signed.adding(days: -5)
        for event: any LedgerEvent in [
            deal.on(
                signed,
                InvestmentAgreementSigned(
                    investor: investor.id, project: "北戴河滨海文旅综合体",
                    signedBy: principal(of: zone, on: signed).map { officials[$0].id }, investment: 800_000_000)),
            deal.on(
                signed,
                InvestmentPromised(
                    "P-1", investor: investor.id, .land, terms: "交付建设用地80亩", due: signed.adding(days: 150),
                    legalBasis: "《中华人民共和国土地管理法》", reviewed: reviewed)),
            deal.on(
                signed,
                InvestmentPromised(
                    "P-2", investor: investor.id, .subsidy, terms: "文旅项目建设补助200万元", amount: 2_000_000,
                    due: today.adding(days: -30), legalBasis: "《河北省文化和旅游产业发展专项资金管理办法》", reviewed: reviewed)),
        ] {
            schedule(event)
        }
        schedule(
            .perform { kit, day in
                try await kit.investment.fulfil(deal, promise: "P-1", on: day, inFull: true)
            }, on: signed.adding(days: 140))
        schedule(
            .perform { kit, day in
                try await kit.investment.change(
                    deal, promise: "P-2", on: day, withdraws: true, reason: .leadershipChange)
            }, on: today.adding(days: -120))
        let rebate = InvestmentAgreement.agreement(
            CaseID(rawValue: "BDH-ZS-\(today.adding(days: -200).year)-11"), agency: zone.id)
        schedule(
            rebate.on(today.adding(days: -200), InvestmentAgreementSigned(investor: other.id, project: "玻璃新材料生产线")))
        schedule(
            rebate.on(
                today.adding(days: -200),
                InvestmentPromised(
                    "P-1", investor: other.id, .tax, terms: "地方留成税收全额返还三年", amount: 5_000_000, due: nil)))
    }

    /// The debt story: every district and county reports its debt figures for the last two years; 青龙 crosses the
    /// warning line. 卢龙县 starts its arrears-clearance campaign, and its transport bureau clears a road bill owed to
    /// a small firm only in part.
    mutating func buildDebt() {
        let lastYear = today.year - 1
        for government in governments where government.level == .county {
            let heavy = government.name.hasPrefix("青龙")
            for year in [lastYear - 1, lastYear] {
                let grown = Decimal(year - lastYear + 1) * 20_000
                let figures = DebtYearFigures(
                    region: government.region, regionName: String(government.name.dropLast(4)), year: year,
                    generalBalance: (heavy ? 230_000 : 90_000) + grown, specialBalance: heavy ? 180_000 : 60_000,
                    generalLimit: heavy ? 265_000 : 150_000, specialLimit: heavy ? 215_000 : 100_000,
                    fiscalResources: heavy ? 335_000 : 260_000, generalExpenditure: heavy ? 290_000 : 240_000,
                    fundExpenditure: 60_000, generalInterest: heavy ? 27_000 : 4_000, specialInterest: 4_000,
                    overdue: 0)
                schedule(
                    DebtYear.report(figures, by: government.id, on: LocalDate(validYear: year, month: 12, day: 31)!))
            }
        }
        guard let lulong = governments.first(where: { $0.name == "卢龙县人民政府" }),
            let transport = departments.first(where: { $0.name == "卢龙县交通运输局" }),
            let firm = enterprises.first(where: { $0.name == "卢龙县甘薯产业科技有限公司" })
        else { return }
        let started = today.adding(days: -600)
        let road = DebtArrear.arrear(CaseID(rawValue: "LL-QQ-\(started.year)-04"), debtor: transport.id)
        schedule(DebtCampaign.campaign(lulong.region, government: lulong.id).on(started, DebtCampaignStarted()))
        schedule(
            road.on(
                started.adding(days: 10),
                ArrearRecorded(
                    creditor: firm.id, .works, amount: 1_600_000, due: started.adding(days: -200),
                    project: "卢龙县乡村道路养护工程",
                    delivered: started.adding(days: -260))))
        schedule(road.on(started.adding(days: 200), ArrearCleared(amount: 600_000)))
    }
}
