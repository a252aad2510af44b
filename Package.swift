// swift-tools-version: 6.1
// The benchmark suite for exp-heavy activation kernels (see README.md and DESIGN).
import PackageDescription
import Foundation

/// The CPU the Swift kernels are compiled for. Without it swiftc targets baseline x86-64 (SSE2) and the
/// SIMD kernels are measured at a quarter of their width. `native` is the default because the suite
/// measures the machine it is built on; set ACTIVATION_BENCH_TARGET_CPU to build for another CPU
/// (e.g. `x86-64-v3`, `znver4`). `bench info` and every result record the value.
let targetCPU = ProcessInfo.processInfo.environment["ACTIVATION_BENCH_TARGET_CPU"] ?? "native"
let swiftSIMDFlags: [SwiftSetting] = targetCPU.isEmpty || targetCPU == "none"
    ? []
    : [.unsafeFlags(["-target-cpu", targetCPU])]

let package = Package(
    name: "ActivationBench",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bench", targets: ["Bench"]),
        .library(name: "BenchKit", targets: ["BenchKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C: array kernels over SLEEF with run-time ISA dispatch, CPU features, timestamp counter.
        .target(
            name: "CKernels",
            // The Swift target CPU, recorded so results can say what the Swift kernels were built for.
            cSettings: [.define("ACTIVATION_BENCH_TARGET_CPU", to: "\"\(targetCPU)\"")],
            linkerSettings: [.linkedLibrary("sleef"), .linkedLibrary("m")]
        ),
        // C: MPFR evaluators of every function, returned as double-double.
        .target(
            name: "CReference",
            linkerSettings: [.linkedLibrary("mpfr"), .linkedLibrary("gmp"), .linkedLibrary("m")]
        ),
        // Swift: naive scalar, careful scalar and SIMD kernels.
        .target(
            name: "SwiftKernels",
            swiftSettings: swiftSIMDFlags
        ),
        // Swift: registry, ulp metrics, harness, statistics, results.
        .target(
            name: "BenchKit",
            dependencies: ["SwiftKernels", "CKernels", "CReference"],
            swiftSettings: swiftSIMDFlags
        ),
        .executableTarget(
            name: "Bench",
            dependencies: ["BenchKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "CKernelsTests", dependencies: ["CKernels"]),
        .testTarget(name: "CReferenceTests", dependencies: ["CReference"]),
        .testTarget(name: "SwiftKernelsTests", dependencies: ["SwiftKernels"], swiftSettings: swiftSIMDFlags),
        .testTarget(name: "BenchKitTests", dependencies: ["BenchKit", "SwiftKernels", "CKernels", "CReference"]),
        // End-to-end: runs the built `bench` executable (a dependency, so it is built first).
        .testTarget(name: "BenchTests", dependencies: ["Bench", "BenchKit"]),
    ]
)
