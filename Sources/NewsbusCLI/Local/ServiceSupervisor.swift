import Foundation
import NewsbusTransport
import NewsbusTransportZMQ
import Synchronization

/// Starts the services of a local pipeline as separate processes, waits until each answers its status request,
/// restarts one that dies, and stops them all in reverse order (SIGTERM, then SIGKILL after a grace period).
/// Each process logs to `<data>/logs/<name>.log`.
final class ServiceSupervisor: Sendable {
    /// The services it runs, in start order.
    let plans: [ServicePlan]
    private let binDirectory: URL
    private let logDirectory: URL
    private let state = Mutex<(processes: [String: Process], stopping: Bool, restarts: Int)>(([:], false, 0))
    private let transport: ZMQTransport

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// - Parameter security: CURVE for the supervisor's own status probes, when the services use it.
    init(plans: [ServicePlan], dataDirectory: String, security: CurveSecurity? = nil) throws {
        self.plans = plans
        self.binDirectory = Self.executableDirectory()
        self.logDirectory = URL(fileURLWithPath: dataDirectory).appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logDirectory, withIntermediateDirectories: true)
        self.transport = try ZMQTransport(security: security)
        for plan in plans {
            let path = binDirectory.appendingPathComponent(plan.executable).path
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw Failure(description: "\(plan.executable) is not built next to newsbus (looked in \(binDirectory.path))")
            }
        }
    }

    /// The folder of the running `newsbus` executable, where the service executables are built too.
    static func executableDirectory() -> URL {
        (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
            .deletingLastPathComponent()
    }

    /// Process ids by service name.
    var processIDs: [String: Int32] {
        state.withLock { $0.processes.mapValues(\.processIdentifier) }
    }

    /// The exit status of every service that has stopped, by name.
    var exitStatuses: [String: Int32] {
        state.withLock { state in
            state.processes.filter { !$0.value.isRunning }.mapValues(\.terminationStatus)
        }
    }

    /// How many times a service had to be restarted.
    var restarts: Int { state.withLock { $0.restarts } }

    /// Starts every service in order, each once the previous one answers its status request.
    /// - Throws: ``Failure`` naming a service that did not come up (and where its log is).
    func start(readinessTimeout: Duration = .seconds(30)) async throws {
        for plan in plans {
            try launch(plan)
            guard await StatusProbe.waitUntilReady(plan.status, transport: transport, within: readinessTimeout) != nil
            else {
                await stop()
                throw Failure(
                    description: "\(plan.name) did not answer at \(plan.status.endpoint) within \(readinessTimeout); "
                        + "see \(logURL(plan).path)")
            }
        }
    }

    private func logURL(_ plan: ServicePlan) -> URL { logDirectory.appendingPathComponent("\(plan.name).log") }

    private func launch(_ plan: ServicePlan) throws {
        let process = Process()
        process.executableURL = binDirectory.appendingPathComponent(plan.executable)
        process.arguments = plan.arguments
        if !FileManager.default.fileExists(atPath: logURL(plan).path),
            !FileManager.default.createFile(atPath: logURL(plan).path, contents: nil)
        {
            throw Failure(description: "cannot create the log file \(logURL(plan).path)")
        }
        let log = try FileHandle(forWritingTo: logURL(plan))
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        process.terminationHandler = { [weak self] finished in
            try? log.close()
            self?.handleExit(of: plan, process: finished)
        }
        try process.run()
        state.withLock { $0.processes[plan.name] = process }
    }

    /// A service that dies while the pipeline runs is started again, after a short pause.
    private func handleExit(of plan: ServicePlan, process: Process) {
        let restart = state.withLock { state -> Bool in
            guard !state.stopping, state.processes[plan.name] === process else { return false }
            state.restarts += 1
            return true
        }
        guard restart else { return }
        FileHandle.standardError.write(
            Data("\(plan.name) exited with status \(process.terminationStatus); restarting it (log: \(logURL(plan).path))\n".utf8))
        Thread.sleep(forTimeInterval: 0.5)
        try? launch(plan)
    }

    /// Kills one service at once with SIGKILL, as a crash would; like any service that dies, it is then restarted.
    /// For failure tests (the chaos test kills every service at random moments).
    /// - Parameter service: a plan's name (`"ingest"`, or `"parse-2"` when parse has replicas).
    /// - Returns: whether a running process was killed; `false` while the service is being restarted, or stopping.
    @discardableResult
    func kill(_ service: String) -> Bool {
        state.withLock { state in
            guard !state.stopping, let process = state.processes[service], process.isRunning else { return false }
            return Foundation.kill(process.processIdentifier, SIGKILL) == 0
        }
    }

    /// Stops every service, last started first: SIGTERM, then SIGKILL after `grace`. Idempotent.
    func stop(grace: Duration = .seconds(10)) async {
        let processes: [Process] = state.withLock { state in
            state.stopping = true
            return plans.reversed().compactMap { state.processes[$0.name] }
        }
        for process in processes where process.isRunning {
            process.terminate()
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: grace)
            while process.isRunning, clock.now < deadline {
                try? await Task.sleep(for: .milliseconds(20))
            }
            if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        }
        transport.shutdown()
    }

    /// Resource use of each running service: CPU seconds and peak resident memory (from /proc).
    func resourceUse() -> [String: ProcessResources] {
        processIDs.compactMapValues { ProcessResources.read(pid: $0) }
    }
}

/// CPU time and peak memory of a process, read from `/proc/<pid>`.
struct ProcessResources: Sendable {
    let cpuSeconds: Double
    let peakResidentMegabytes: Double

    static func read(pid: Int32) -> ProcessResources? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: state is field 3; utime and stime are fields 14 and 15 (1-based).
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .flatMap { Double($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
        return ProcessResources(cpuSeconds: (user + system) / ticks, peakResidentMegabytes: (peak ?? 0) / 1024)
    }
}
