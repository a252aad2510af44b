// swift-tools-version: 6.1
// The benchmark suite for exp-heavy activation kernels (see README.md and docs/architecture.md).
import PackageDescription
import Foundation

/// The CPU the Swift kernels are compiled for. Without it swiftc targets baseline x86-64 (SSE2) and the
/// SIMD kernels are measured at a quarter of their width. `native` is the default because the suite
/// measures the machine it is built on; set ACTIVATION_BENCH_TARGET_CPU to build for another CPU, by
/// a name swiftc takes (`haswell`, `skylake-avx512`, `znver4`; not `x86-64-v3`). `bench info` and
/// every result record the value.
let targetCPU = ProcessInfo.processInfo.environment["ACTIVATION_BENCH_TARGET_CPU"] ?? "native"
let swiftSIMDFlags: [SwiftSetting] = targetCPU.isEmpty || targetCPU == "none"
    ? []
    : [.unsafeFlags(["-target-cpu", targetCPU])]
/// The same CPU for C compiled into the Swift kernels (clang's -march takes swiftc's -target-cpu names).
let clangCPUFlags: [CSetting] = targetCPU.isEmpty || targetCPU == "none" ? [] : [.unsafeFlags(["-march=\(targetCPU)"])]
/// Eigen chooses its vectors when it is compiled, so its peer is built for the same CPU as the Swift
/// kernels (clang's -march takes the same names as swiftc's -target-cpu).
let eigenFlags: [CXXSetting] = [.unsafeFlags(["-I/usr/include/eigen3", "-I/opt/homebrew/include/eigen3", "-I/usr/local/include/eigen3"]
    + (targetCPU.isEmpty || targetCPU == "none" ? [] : ["-march=\(targetCPU)"]))]

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
        // C: array kernels over SLEEF and glibc's libmvec with run-time ISA dispatch, CPU features,
        // timestamp counter.
        .target(
            name: "CKernels",
            // The Swift target CPU, recorded so results can say what the Swift kernels were built for.
            cSettings: [.define("ACTIVATION_BENCH_TARGET_CPU", to: "\"\(targetCPU)\"")],
            linkerSettings: [.linkedLibrary("sleef"), .linkedLibrary("mvec", .when(platforms: [.linux])), .linkedLibrary("m")]
        ),
        // C: the peers with C APIs, oneDNN and XNNPACK (system libraries), behind the kernel contract.
        .target(
            name: "CPeers",
            linkerSettings: [.linkedLibrary("dnnl"), .linkedLibrary("XNNPACK"), .linkedLibrary("cpuinfo"), .linkedLibrary("gomp"),
                             .linkedLibrary("pthread")]
        ),
        // C++: Eigen's array functions, built for the Swift kernels' target CPU.
        .target(name: "EigenPeer", cxxSettings: eigenFlags),
        // C++: Highway's contrib math with Highway's run-time dispatch.
        .target(name: "HighwayPeer", cxxSettings: [.headerSearchPath(".")], linkerSettings: [.linkedLibrary("hwy")]),
        // C: MPFR evaluators of every function, returned as double-double.
        .target(
            name: "CReference",
            linkerSettings: [.linkedLibrary("mpfr"), .linkedLibrary("gmp"), .linkedLibrary("m")]
        ),
        // C: the lane permutes the Swift SIMD kernels read their tables with (header-only, inlined;
        // built for the Swift kernels' target CPU, which picks the instruction).
        .target(name: "CLanes", cSettings: clangCPUFlags),
        // Swift: naive scalar, careful scalar and SIMD kernels.
        .target(
            name: "SwiftKernels",
            dependencies: ["CLanes"],
            swiftSettings: swiftSIMDFlags
        ),
        // Swift: the commit the sources were built from (written before each build by the plugin).
        .target(name: "BuildStamp", plugins: ["SourceCommit"]),
        .plugin(name: "SourceCommit", capability: .buildTool()),
        // Swift: registry, ulp metrics, harness, statistics, results.
        .target(
            name: "BenchKit",
            dependencies: ["SwiftKernels", "CKernels", "CReference", "CPeers", "EigenPeer", "HighwayPeer", "BuildStamp"],
            swiftSettings: swiftSIMDFlags
        ),
        .executableTarget(
            name: "Bench",
            dependencies: ["BenchKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "CKernelsTests", dependencies: ["CKernels"]),
        .testTarget(name: "CReferenceTests", dependencies: ["CReference"]),
        .testTarget(name: "SwiftKernelsTests", dependencies: ["SwiftKernels"], swiftSettings: swiftSIMDFlags),
        // What more than one test target uses (the fake Python peer).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "BenchKitTests", dependencies: ["BenchKit", "SwiftKernels", "CKernels", "CReference", "TestSupport"]),
        // End-to-end: runs the built `bench` executable (a dependency, so it is built first).
        .testTarget(name: "BenchTests", dependencies: ["Bench", "BenchKit", "TestSupport"]),
    ]
)
