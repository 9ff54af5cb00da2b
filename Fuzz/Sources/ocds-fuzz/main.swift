// SwiftPM gives an executable its own `main`, so libFuzzer's is not linked; this one hands the command line to
// libFuzzer's driver (LLVMFuzzerRunDriver, in the runtime `-sanitize=fuzzer` links), which then calls
// `fuzzOneInput` (OCDSFuzz.swift) for every input. Only a build with that flag links.
import Foundation

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv) { data, count in fuzzOneInput(data, count) })
