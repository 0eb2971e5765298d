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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
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

        // MARK: Extract core: tokenizer, tagger, rules, canonical entities (Foundation and NewsbusProtocol only)
        .target(
            name: "NewsbusExtract",
            dependencies: ["NewsbusProtocol"],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
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
                "NewsbusExtract",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
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
                "NewsbusTransport",
                "NewsbusTransportZMQ",
                "NewsbusTesting",
                "newsbus",
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsbusExtractTests",
            dependencies: ["NewsbusExtract", "NewsbusProtocol"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsbusCLITests",
            dependencies: ["NewsbusCLI", "NewsbusTesting", "newsbus"],
            swiftSettings: strictSettings
        ),
    ]
)
