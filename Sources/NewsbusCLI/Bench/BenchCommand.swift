import ArgumentParser

/// `newsbus bench …`: measurements, printed as a table or as one JSON object.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput and latency.",
        subcommands: [
            PipelineBenchCommand.self, TransportBenchCommand.self, ParseBenchCommand.self, ExtractBenchCommand.self,
            StoreBenchCommand.self,
        ],
        defaultSubcommand: PipelineBenchCommand.self
    )
}

/// `newsbus bench transport`: messages per second through the raw libzmq wrapper and through the transport seam.
struct TransportBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transport",
        abstract: "Messages and megabytes per second over inproc, ipc and tcp, raw and through the seam.",
        discussion: """
            Each case pushes messages of one size from one sender to one receiver for --seconds, then reports what \
            the receiver got. `raw` is the libzmq wrapper on two plain threads; `zeromq` and `inprocess` go \
            through the transport seam with async code on both ends (the in-process transport has no notion of \
            ipc or tcp, so it is measured once, as inproc).
            """
    )

    @Option(name: .long, help: "Seconds of sending per case.")
    var seconds: Double = 1.0

    @Option(name: .long, parsing: .upToNextOption, help: "Message sizes in bytes.")
    var sizes: [Int] = [1024, 4096, 65536]

    @Option(name: .long, parsing: .upToNextOption, help: "Implementations: raw, zeromq, inprocess.")
    var impls: [TransportBenchmark.Implementation] = TransportBenchmark.Implementation.allCases

    @Option(name: .long, parsing: .upToNextOption, help: "Transports: inproc, ipc, tcp.")
    var transports: [TransportBenchmark.Kind] = TransportBenchmark.Kind.allCases

    @Flag(name: .long, help: "Print one JSON object instead of a table.")
    var json = false

    func validate() throws {
        guard seconds > 0, seconds <= 60 else { throw ValidationError("--seconds must be in (0, 60], got \(seconds)") }
        guard sizes.allSatisfy({ (1...(64 << 20)).contains($0) }) else {
            throw ValidationError("--sizes must be between 1 byte and 64 MiB")
        }
    }

    func run() async throws {
        let benchmark = TransportBenchmark(duration: .milliseconds(Int(seconds * 1000)))
        var results: [TransportBenchmark.Result] = []
        for impl in impls {
            for kind in transports where impl != .inprocess || kind == .inproc {
                for size in sizes {
                    let result = try await benchmark.measure(impl, kind, size: size)
                    results.append(result)
                    if !json { FileHandleOutput.standardError.write(".") }
                }
            }
        }
        if json {
            print(try TransportBenchmark.json(results))
        } else {
            FileHandleOutput.standardError.write("\n")
            print(TransportBenchmark.table(results))
        }
    }
}

extension TransportBenchmark.Implementation: ExpressibleByArgument {}
extension TransportBenchmark.Kind: ExpressibleByArgument {}
