// swift-tools-version: 6.0
// Gongwen: Chinese government notices -> a canonical dataset of tasks.
//
// The pipeline is visible in the target names, and dependencies run one way:
//
//   CICU, CLibXML2            C libraries, behind plain-C shims
//   ICUKit, MarkupKit         small safe Swift APIs over them (no Foundation)
//   GongwenCore               shared value types: spans, offset maps, records, diagnostics
//   GongwenIngest      1      bytes -> decoded source text (txt, HTML, .docx; any encoding)
//   GongwenNormalize   2      source text -> clean text + offset map
//   GongwenDedup       3      clean text -> clean text without repeated runs
//   GongwenSegment     4      clean text -> metadata + numbered clause tree
//   GongwenAttribute   5      clauses -> department attributions and roles
//   GongwenEmit        6      records -> deterministic JSON/JSONL
//   GongwenRules              Rules/*.yaml -> validated, compiled configuration for every stage
//   GongwenPipeline           the fixed stage order, batches, reports
//   gongwen                   the command-line tool
import PackageDescription

let package = Package(
  name: "Gongwen",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "gongwen", targets: ["gongwen"]),
    .library(name: "GongwenPipeline", targets: ["GongwenPipeline"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
  ],
  targets: [
    // C libraries
    .target(name: "CICU", path: "Sources/CICU", linkerSettings: [
      .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
    ]),
    .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                   providers: [.apt(["libxml2-dev"])]),

    // Safe Swift kits over C (Foundation-free)
    .target(name: "ICUKit", dependencies: ["CICU"]),
    .target(name: "MarkupKit", dependencies: ["CLibXML2"]),

    // Shared types
    .target(name: "GongwenCore", dependencies: ["ICUKit", .product(name: "Crypto", package: "swift-crypto")]),

    // Pipeline stages, in order
    .target(name: "GongwenIngest", dependencies: [
      "GongwenCore", "ICUKit", "MarkupKit", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
    ]),
    .target(name: "GongwenNormalize", dependencies: ["GongwenCore", "ICUKit"]),
    .target(name: "GongwenDedup", dependencies: ["GongwenCore"]),
    .target(name: "GongwenSegment", dependencies: ["GongwenCore", "ICUKit"]),
    .target(name: "GongwenAttribute", dependencies: ["GongwenCore", "ICUKit"]),
    .target(name: "GongwenEmit", dependencies: ["GongwenCore"]),
    // Near-duplicate detection (MinHash + LSH) across notices
    .target(name: "GongwenSimilarity", dependencies: ["GongwenCore"]),

    // Configuration and orchestration
    .target(name: "GongwenRules", dependencies: [
      "GongwenCore", "ICUKit", "GongwenIngest", "GongwenNormalize", "GongwenDedup", "GongwenSegment", "GongwenAttribute",
      "GongwenSimilarity", .product(name: "Yams", package: "Yams"),
    ]),
    .target(name: "GongwenPipeline", dependencies: [
      "GongwenCore", "GongwenRules", "GongwenIngest", "GongwenNormalize", "GongwenDedup",
      "GongwenSegment", "GongwenAttribute", "GongwenEmit", "GongwenSimilarity",
    ]),
    // The SQLite archive archivists ingest into
    .target(name: "GongwenArchive", dependencies: [
      "GongwenCore", "GongwenPipeline", "GongwenSimilarity", "GongwenEmit", .product(name: "GRDB", package: "GRDB.swift"),
    ]),
    // Evaluation against hand-checked expected output (Corpus/expected)
    .target(name: "GongwenEval", dependencies: ["GongwenCore", "GongwenPipeline"]),

    .executableTarget(name: "gongwen", dependencies: [
      "GongwenPipeline", "GongwenRules", "GongwenCore", "GongwenEmit", "GongwenEval", "GongwenArchive",
      "GongwenSimilarity",
      .product(name: "ArgumentParser", package: "swift-argument-parser"),
    ]),

    // Tests: one target per module, plus the golden corpus suite
    .target(name: "GongwenTestSupport", dependencies: ["GongwenCore", "GongwenRules"], path: "Tests/GongwenTestSupport"),
    .testTarget(name: "ICUKitTests", dependencies: ["ICUKit"]),
    .testTarget(name: "GongwenCoreTests", dependencies: ["GongwenCore"]),
    .testTarget(name: "GongwenRulesTests", dependencies: ["GongwenRules", "GongwenTestSupport"]),
    .testTarget(name: "GongwenIngestTests", dependencies: ["GongwenIngest", "GongwenTestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "GongwenNormalizeTests", dependencies: ["GongwenNormalize", "GongwenRules", "GongwenTestSupport", "ICUKit"]),
    .testTarget(name: "GongwenDedupTests", dependencies: ["GongwenDedup", "GongwenRules", "GongwenTestSupport"]),
    .testTarget(name: "GongwenSegmentTests", dependencies: ["GongwenSegment", "GongwenRules", "GongwenTestSupport"]),
    .testTarget(name: "GongwenAttributeTests", dependencies: ["GongwenAttribute", "GongwenRules", "GongwenTestSupport"]),
    .testTarget(name: "GongwenEmitTests", dependencies: ["GongwenEmit", "GongwenPipeline", "GongwenTestSupport"]),
    .testTarget(name: "GongwenPipelineTests", dependencies: ["GongwenPipeline", "GongwenTestSupport"]),
    .testTarget(name: "GongwenEvalTests", dependencies: ["GongwenEval"]),
    .testTarget(name: "GongwenCLITests", dependencies: ["GongwenTestSupport"]),
    .testTarget(name: "GongwenSimilarityTests", dependencies: ["GongwenSimilarity", "GongwenPipeline", "GongwenTestSupport"]),
    .testTarget(name: "GongwenArchiveTests", dependencies: ["GongwenArchive", "GongwenPipeline", "GongwenTestSupport"]),
    .testTarget(name: "CorpusTests", dependencies: ["GongwenPipeline", "GongwenEval", "GongwenTestSupport"]),
  ]
)
