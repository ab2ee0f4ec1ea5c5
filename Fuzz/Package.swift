// swift-tools-version: 6.0
// libFuzzer harness over the whole pipeline (decoding, normalisation, dedup, segmentation, attribution).
// Built separately so the main test build stays lean: see Fuzz/run.sh.
import PackageDescription

let package = Package(
  name: "GongwenFuzz",
  dependencies: [.package(name: "Gongwen", path: "..")],
  targets: [
    .executableTarget(
      name: "GongwenFuzz",
      dependencies: [
        .product(name: "GongwenPipeline", package: "Gongwen"),
      ],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
  ]
)
