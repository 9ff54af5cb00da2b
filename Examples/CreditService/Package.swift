// swift-tools-version:6.0
// CreditService: a reference credit service that embeds CreditKit in a Swift server, as an integrator would. This
// example alone depends on a framework (Hummingbird); the SDK it embeds keeps no package dependencies.
import PackageDescription

let package = Package(
    name: "CreditService",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "CreditService", targets: ["CreditService"])
    ],
    dependencies: [
        .package(name: "CreditKit", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    ],
    targets: [
        .target(
            name: "CreditServiceKit",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "CreditKitCore", package: "CreditKit"),
                .product(name: "OpenContracting", package: "CreditKit"),
                .product(name: "Procurement", package: "CreditKit"),
                .product(name: "PPP", package: "CreditKit"),
                .product(name: "Bidding", package: "CreditKit"),
                .product(name: "InvestmentPromotion", package: "CreditKit"),
                .product(name: "Debt", package: "CreditKit"),
                .product(name: "Townships", package: "CreditKit"),
            ]),
        .executableTarget(name: "CreditService", dependencies: ["CreditServiceKit"]),
        .testTarget(
            name: "CreditServiceTests",
            dependencies: [
                "CreditServiceKit",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "CreditKitTesting", package: "CreditKit"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)

// The example's own code builds with warnings as errors (the framework's own warnings are its own).
for target in package.targets {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-warnings-as-errors"])]
}
