import Foundation

/// What one run of a command cost, as the kernel counts it for that child alone (wait4's resource usage).
struct CommandCost {
    var seconds: Double
    var userSeconds: Double
    var systemSeconds: Double
    /// The peak resident memory, in KiB (what `/usr/bin/time -v` calls "Maximum resident set size").
    var peakKiB: Int
    var status: Int32

    /// The cores kept busy: user and system time over the wall time.
    var cores: Double { (userSeconds + systemSeconds) / seconds }
}

/// Runs a program to its end with its output thrown away, timed, and measured by wait4.
/// - Parameters:
///   - program: The executable.
///   - arguments: Its arguments.
///   - environment: Variables added to this process's.
/// - Returns: The cost.
/// - Throws: When it cannot be started.
func measure(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CommandCost {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let env = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }.map { "\($0)=\($1)" }
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup($0) } + [nil]
    defer { for p in argv + envp { free(p) } }
    var pid: pid_t = 0
    let start = ContinuousClock.now
    let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
    guard spawned == 0 else {
        throw BenchError.message("cannot start \(program): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else { throw BenchError.message("cannot wait for \(program)") }
    }
    let elapsed = seconds(since: start)
    func time(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return CommandCost(
        seconds: elapsed, userSeconds: time(usage.ru_utime), systemSeconds: time(usage.ru_stime),
        peakKiB: Int(usage.ru_maxrss), status: (status >> 8) & 0xFF)
}

/// The user's commands on an OCDS file, each a whole process as a user runs it (`creditkit ocds check` and
/// `creditkit ocds flags`, on one thread, two, and every core), with their wall time, the cores they kept busy and
/// their peak memory; with `--cardinal BIN`, OCP Cardinal's `indicators` on the same file with every indicator on,
/// on one thread and two, in the same run, and each CreditKit figure as a ratio to it.
/// - Parameters:
///   - file: The OCDS file.
///   - cardinal: Cardinal's executable, if given.
func commandWorkload(file: String, cardinal: String?) throws {
    let tool = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("creditkit").path
    guard FileManager.default.isExecutableFile(atPath: tool) else {
        throw BenchError.message("build the creditkit tool beside the bench first: \(tool)")
    }
    let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0
    let settings = FileManager.default.temporaryDirectory.appendingPathComponent("creditkit-bench-\(UUID()).ini").path
    // Every indicator with its defaults: what Cardinal's `init` writes, without the comments.
    try
        (["R003", "R018", "R024", "R025", "R028", "R030", "R035", "R036", "R038", "R048", "R058"].map { "[\($0)]" }
        .joined(separator: "\n") + "\n").write(toFile: settings, atomically: true, encoding: .utf8)
    // The bench's own temporary file; a failure to remove it changes no figure.
    defer { try? FileManager.default.removeItem(atPath: settings) }
    var yardstick: [Int: Double] = [:]
    if let cardinal {
        for threads in [1, 2] {
            let cost = try measure(
                cardinal, ["indicators", "--settings", settings, file],
                environment: ["RAYON_NUM_THREADS": String(threads)])
            guard cost.status == 0 else { throw BenchError.message("\(cardinal) exited with \(cost.status)") }
            yardstick[threads] = cost.seconds
            emitCost("cardinal-indicators", threads, cost, size: size, ratio: nil)
        }
    }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    for (name, arguments) in [
        ("ocds-check-command", ["ocds", "check", file, "--format", "json", "--as-of", "2026-11-23"]),
        ("ocds-flags-command", ["ocds", "flags", file, "--settings", settings, "--format", "cardinal"]),
    ] {
        for threads in Array(Set([1, 2, cores])).sorted() {
            let cost = try measure(tool, arguments + ["--threads", String(threads)])
            guard cost.status == 0 else {
                throw BenchError.message("creditkit \(arguments[1]) exited with \(cost.status)")
            }
            emitCost(name, threads, cost, size: size, ratio: yardstick[threads].map { $0 / cost.seconds })
        }
    }
}

func emitCost(_ workload: String, _ threads: Int, _ cost: CommandCost, size: Int, ratio: Double?) {
    var fields: [(String, Any)] = [
        ("workload", workload), ("threads", threads), ("seconds", cost.seconds),
        ("mb_per_second", Double(size) / 1e6 / cost.seconds), ("cores_busy", cost.cores),
        ("peak_mib", Double(cost.peakKiB) / 1024),
    ]
    // How many times Cardinal's time on the same file and threads: above 1, CreditKit is faster.
    if let ratio { fields.append(("speed_vs_cardinal", ratio)) }
    emit(fields)
}
