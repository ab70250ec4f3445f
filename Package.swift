// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "mandate",
  products: [
    .library(name: "MandateKit", targets: ["MandateKit"]),
    .library(name: "MandateWeb", targets: ["MandateWeb"]),
    .executable(name: "mandate", targets: ["mandate"]),
  ],
  dependencies: [
    // YAML: libyaml (CYaml) events for reading with positions, Yams' emitter for writing.
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // Command-line parsing, help and shell completion; only the `mandate` target imports it.
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // The derived index: SQLite in WAL mode with FTS5 full-text search.
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    // CSV import: streaming, quoted fields with newlines.
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    // Aligned text tables for the terminal.
    .package(url: "https://github.com/ordo-one/TextTable", from: "0.0.2"),
    // HTML reports: Mustache templates whose {{x}} escapes text and attribute values.
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    // The web workspace (`mandate serve`): HTTP server, router and in-process request tests.
    // Without the swift-configuration trait, which the server does not use.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
  ],
  targets: [
    // The system zlib (zlib1g-dev), for the gzip files that keep fetched bodies under Snapshots/.
    .systemLibrary(
      name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
    // Snowball's stemmers (libstemmer-dev; no pkg-config file): its header includes nothing else, so Swift
    // imports it directly, without the small C target that libxml2's headers need.
    .systemLibrary(
      name: "CStemmer", path: "Sources/CStemmer", providers: [.apt(["libstemmer-dev"]), .brew(["snowball"])]),
    .target(
      name: "MandateKit",
      dependencies: [
        "CZlib",
        "CStemmer",
        .product(name: "Yams", package: "Yams"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        .product(name: "CSV", package: "CSV.swift"),
        .product(name: "TextTable", package: "TextTable"),
        .product(name: "Mustache", package: "swift-mustache"),
        "CHTMLParser",
        "CSHA256",
      ]
    ),
    // SHA-256's block function on the processor's SHA instructions (x86 SHA-NI) where it has them:
    // every imported item's id is a SHA-256.
    .target(name: "CSHA256"),
    // libxml2 (Debian libxml2-dev), seen only by CHTMLParser: Swift importing libxml2's headers directly
    // clashes with Foundation's ICU module.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
    ),
    // Saved web pages: libxml2's tolerant HTML parser behind the project's own small C API.
    .target(
      name: "CHTMLParser",
      dependencies: ["CLibXML2"]
    ),
    // The web workspace: maps HTTP requests to MandateKit, as the CLI maps arguments.
    .target(
      name: "MandateWeb",
      dependencies: [
        "MandateKit",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    .executableTarget(
      name: "mandate",
      dependencies: [
        "MandateKit",
        "MandateWeb",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Benchmarks print figures; run by hand with a release build (Scripts/benchmark.sh).
    .executableTarget(
      name: "mandate-bench",
      dependencies: ["MandateKit"]
    ),
    // libFuzzer target for every parser, with its harness (Scripts/fuzz.sh builds it with
    // -sanitize=fuzzer,address and -DFUZZING); a plain build gives a replayer:
    // `mandate-fuzz --target NAME FILE...`.
    .executableTarget(
      name: "mandate-fuzz",
      dependencies: ["MandateKit"]
    ),
    .testTarget(
      name: "MandateKitTests",
      dependencies: ["MandateKit"],
      exclude: ["Fixtures", "Golden"]
    ),
    // Replays the fuzzing corpora and every crash kept from them through the harness.
    .testTarget(
      name: "FuzzTests",
      dependencies: ["mandate-fuzz", "MandateKit"]
    ),
    .testTarget(
      name: "MandateWebTests",
      dependencies: [
        "MandateWeb", "MandateKit",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]
    ),
    .testTarget(
      name: "mandateTests",
      dependencies: ["mandate", "MandateKit"]
    ),
  ]
)
