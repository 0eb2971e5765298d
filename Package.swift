// swift-tools-version: 6.1
import PackageDescription

/// Settings every Newsbus module builds with: Swift 6 language mode and explicit existentials.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Newsbus",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "newsbus", targets: ["newsbus"]),
        .library(name: "NewsbusProtocol", targets: ["NewsbusProtocol"]),
        .library(name: "NewsbusTransport", targets: ["NewsbusTransport"]),
        .library(name: "NewsbusTransportZMQ", targets: ["NewsbusTransportZMQ"]),
        .library(name: "ZeroMQ", targets: ["ZeroMQ"]),
        .library(name: "NewsbusParse", targets: ["NewsbusParse"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // MARK: ZeroMQ: the C library and its Swift wrapper
        .systemLibrary(
            name: "CZeroMQ",
            pkgConfig: "libzmq",
            providers: [.apt(["libzmq3-dev"])]
        ),
        .target(
            name: "ZeroMQ",
            dependencies: ["CZeroMQ"],
            swiftSettings: strictSettings
        ),

        // MARK: zlib, for reading gzip-compressed article files
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // MARK: The wire protocol (Foundation only)
        .target(
            name: "NewsbusProtocol",
            swiftSettings: strictSettings
        ),

        // MARK: The transport seam and its implementations
        .target(
            name: "NewsbusTransport",
            dependencies: [
                "NewsbusProtocol",
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NewsbusTransportZMQ",
            dependencies: [
                "NewsbusTransport",
                "ZeroMQ",
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Stages: the shared shell, the cores, the services
        .target(
            name: "NewsbusStage",
            dependencies: [
                "NewsbusProtocol",
                "NewsbusTransport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NewsbusSQLite",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NewsbusIngest",
            dependencies: [
                "NewsbusProtocol",
                "NewsbusSQLite",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NewsbusStore",
            dependencies: [
                "NewsbusProtocol",
                "NewsbusSQLite",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NewsbusServices",
            dependencies: [
                "NewsbusProtocol",
                "NewsbusTransport",
                "NewsbusTransportZMQ",
                "NewsbusStage",
                "NewsbusIngest",
                "NewsbusStore",
                "NewsbusSQLite",
                "NewsbusParse",
                "NewsbusExtract",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "newsbus-ingest",
            dependencies: ["NewsbusServices", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "newsbus-store",
            dependencies: ["NewsbusServices", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "newsbus-parse",
            dependencies: ["NewsbusServices", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "newsbus-extract",
            dependencies: ["NewsbusServices", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "newsbus-relay",
            dependencies: ["NewsbusServices", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),

        // MARK: The parse core: libxml2's HTML parser, CLD2 language identification
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "CCLD2",
            linkerSettings: [.linkedLibrary("cld2")]
        ),
        .target(
            name: "NewsbusParse",
            dependencies: ["NewsbusProtocol", "CLibXML2", "CCLD2"],
            swiftSettings: strictSettings
        ),

        // MARK: Extract core: tokenizer, tagger, rules, canonical entities (Foundation and NewsbusProtocol only)
        .target(
            name: "NewsbusExtract",
            dependencies: ["NewsbusProtocol"],
            resources: [.copy("Resources")],
            // Optimised in debug builds too: loading the models and tagging are tight loops that are far too slow
            // unoptimised for the test suite and local runs.
            swiftSettings: strictSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),

        // MARK: Test kit: conformance suites and schema validation (never linked into executables)
        .target(
            name: "NewsbusTesting",
            dependencies: ["NewsbusTransport", "NewsbusProtocol"],
            swiftSettings: strictSettings
        ),

        // MARK: The `newsbus` command-line tool
        .target(
            name: "NewsbusCLI",
            dependencies: [
                "NewsbusProtocol",
                "NewsbusTransport",
                "NewsbusTransportZMQ",
                "ZeroMQ",
                "CZlib",
                "NewsbusServices",
                "NewsbusIngest",
                "NewsbusParse",
                "NewsbusExtract",
                "NewsbusStore",
                "NewsbusSQLite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            resources: [.copy("Samples")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "newsbus",
            dependencies: [
                "NewsbusCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Tests
        .testTarget(
            name: "ZeroMQTests",
            dependencies: ["ZeroMQ"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsbusProtocolTests",
            dependencies: ["NewsbusProtocol", "NewsbusTesting"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsbusTransportTests",
            dependencies: [
                "NewsbusProtocol",
                "NewsbusTransport",
                "NewsbusTransportZMQ",
                "ZeroMQ",
                "NewsbusTesting",
                "newsbus",
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsbusIngestTests",
            dependencies: ["NewsbusIngest", "NewsbusProtocol"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsbusStoreTests",
            dependencies: [
                "NewsbusStore", "NewsbusSQLite", "NewsbusProtocol", "NewsbusTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsbusServicesTests",
            dependencies: [
                "NewsbusServices",
                "NewsbusStage",
                "NewsbusTransportZMQ",
                "ZeroMQ",
                "NewsbusStore",
                "NewsbusIngest",
                "NewsbusTesting",
                "newsbus-ingest",
                "newsbus-store",
                "newsbus-relay",
                "newsbus-parse",
                "newsbus-extract",
                "NewsbusParse",
                "NewsbusExtract",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsbusParseTests",
            dependencies: ["NewsbusParse", "NewsbusProtocol", "NewsbusTesting"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsbusExtractTests",
            dependencies: ["NewsbusExtract", "NewsbusProtocol"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsbusCLITests",
            dependencies: [
                "NewsbusCLI",
                "NewsbusTesting",
                "NewsbusTransportZMQ",
                "ZeroMQ",
                "newsbus",
                "newsbus-ingest",
                "newsbus-parse",
                "newsbus-extract",
                "newsbus-store",
                "newsbus-relay",
            ],
            swiftSettings: strictSettings
        ),
    ]
)
