// swift-tools-version: 6.0
//
// CreditKit: government-integrity (政务诚信) credit management as an embeddable Swift SDK.
// No package dependencies: the toolchain plus the system's SQLite, OpenSSL libcrypto and (for the platform store)
// libpq.

import PackageDescription

let sectors = ["Procurement", "PPP", "Bidding", "InvestmentPromotion", "Debt", "Townships"]

var targets: [Target] = [
    .systemLibrary(
        name: "CSQLite",
        path: "Sources/CSQLite",
        providers: [.apt(["libsqlite3-dev"])]
    ),
    .systemLibrary(
        name: "CCryptoShim",
        path: "Sources/CCryptoShim",
        providers: [.apt(["libssl-dev"])]
    ),
    .systemLibrary(
        name: "CPostgreSQL",
        path: "Sources/CPostgreSQL",
        pkgConfig: "libpq",
        providers: [.apt(["libpq-dev"])]
    ),
    .target(name: "CreditKitCore", dependencies: ["CSQLite", "CCryptoShim"]),
    // The PostgreSQL store in a library of its own: an integrator who does not want libpq does not link it.
    .target(name: "CreditKitPostgreSQL", dependencies: ["CreditKitCore", "CPostgreSQL"]),
    .testTarget(
        name: "CreditKitPostgreSQLTests",
        dependencies: ["CreditKitPostgreSQL", "CreditKitCore", "CreditKitTesting", "ledger-crash-writer"]),
    .target(name: "CreditKitTesting", dependencies: ["CreditKitCore"]),
    .target(name: "OpenContracting", dependencies: ["CreditKitCore"]),
    .testTarget(name: "OpenContractingTests", dependencies: ["OpenContracting", "CreditKitTesting"]),
    .executableTarget(
        name: "creditkit",
        dependencies: ["CreditKitCore", "CreditKitPostgreSQL", "OpenContracting"] + sectors.map { .target(name: $0) }
    ),
    .executableTarget(
        name: "creditkit-bench",
        dependencies: ["CSQLite", "CreditKitCore", "CreditKitPostgreSQL", "CreditKitTesting", "OpenContracting"]
            + sectors.map { .target(name: $0) },
        path: "Benchmarks/CreditKitBench"
    ),
    .executableTarget(
        name: "LedgerExample",
        dependencies: ["CreditKitCore"],
        path: "Examples/LedgerExample"
    ),
    .executableTarget(
        name: "IntegrityFileExample",
        dependencies: ["CreditKitCore"],
        path: "Examples/IntegrityFileExample"
    ),
    .executableTarget(
        name: "BiddingExample",
        dependencies: ["CreditKitCore", "Bidding"],
        path: "Examples/BiddingExample"
    ),
    .executableTarget(
        name: "DebtExample",
        dependencies: ["CreditKitCore", "Debt"],
        path: "Examples/DebtExample"
    ),
    .executableTarget(
        name: "InvestmentPromotionExample",
        dependencies: ["CreditKitCore", "InvestmentPromotion"],
        path: "Examples/InvestmentPromotionExample"
    ),
    .executableTarget(
        name: "PPPExample",
        dependencies: ["CreditKitCore", "PPP"],
        path: "Examples/PPPExample"
    ),
    .executableTarget(
        name: "TownshipsExample",
        dependencies: ["CreditKitCore", "Townships"],
        path: "Examples/TownshipsExample"
    ),
    .executableTarget(
        name: "ProcurementExample",
        dependencies: ["CreditKitCore", "OpenContracting", "Procurement"],
        path: "Examples/ProcurementExample"
    ),
    .testTarget(name: "CreditKitCoreTests", dependencies: ["CreditKitCore", "CreditKitTesting", "CSQLite"]),
    .testTarget(name: "CreditKitTestingTests", dependencies: ["CreditKitCore", "CreditKitTesting"]),
    .testTarget(
        name: "creditkitTests",
        dependencies: ["creditkit", "CreditKitCore", "CreditKitPostgreSQL", "CreditKitTesting", "OpenContracting"],
        exclude: ["Golden"]
    ),
    .testTarget(
        name: "ExamplesTests",
        dependencies: [
            "LedgerExample", "ProcurementExample", "BiddingExample", "PPPExample", "DebtExample",
            "InvestmentPromotionExample", "TownshipsExample", "IntegrityFileExample",
        ]),
    .executableTarget(
        name: "ledger-crash-writer", dependencies: ["CreditKitCore", "CreditKitTesting", "CreditKitPostgreSQL"],
        path: "Tests/CrashWriter"),
    .testTarget(
        name: "LedgerCrashTests", dependencies: ["CreditKitCore", "CreditKitTesting", "ledger-crash-writer"]),
]

// Every sector depends on the core only, never on another sector.
// The sectors that read open-contracting data share the OCDS reader.
let readsOCDS: Set<String> = ["Procurement", "Bidding", "PPP"]
for sector in sectors {
    let reader: [Target.Dependency] = readsOCDS.contains(sector) ? ["OpenContracting"] : []
    targets.append(.target(name: sector, dependencies: ["CreditKitCore"] + reader))
    targets.append(
        .testTarget(name: "\(sector)Tests", dependencies: [.target(name: sector), "CreditKitTesting"] + reader))
}

// One place for the strict settings every Swift target shares.
for target in targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny")
        ]
}

let package = Package(
    name: "CreditKit",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "CreditKitCore", targets: ["CreditKitCore"]),
        .library(name: "CreditKitPostgreSQL", targets: ["CreditKitPostgreSQL"]),
        .library(name: "CreditKitTesting", targets: ["CreditKitTesting"]),
        .library(name: "OpenContracting", targets: ["OpenContracting"]),
        .executable(name: "creditkit", targets: ["creditkit"]),
        .executable(name: "creditkit-bench", targets: ["creditkit-bench"]),
    ] + sectors.map { .library(name: $0, targets: [$0]) },
    targets: targets,
    swiftLanguageModes: [.v6]
)
