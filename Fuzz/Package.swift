// swift-tools-version:6.0
// The libFuzzer harness for the OCDS reader, kept out of the main package: it is built only with
// `-sanitize=fuzzer` (libFuzzer supplies `main`), before releases. See Docs/FUZZING.md.
import PackageDescription

let package = Package(
    name: "CreditKitFuzz",
    dependencies: [.package(name: "CreditKit", path: "..")],
    targets: [
        .executableTarget(
            name: "ocds-fuzz",
            dependencies: [.product(name: "OpenContracting", package: "CreditKit")])
    ]
)
