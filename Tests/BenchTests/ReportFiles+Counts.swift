import BenchKit
import Foundation

extension ReportFiles {
    static let toolchain = CountToolchain(swiftVersion: "6.3", buildConfiguration: "release", swiftTargetCPU: "haswell",
                                          valgrindVersion: "valgrind-3.19.0", sleefVersion: "3.5.1", libcVersion: "glibc 2.36")

    /// A count report of sigmoid and tanh (swift-simd8, 64K elements) at `perElement` instructions
    /// per element, tanh's times `tanhFactor`.
    static func countReport(perElement: Double = 6, tanhFactor: Double = 1, toolchain: CountToolchain = toolchain) -> CountReport {
        let size = 65_536
        let results = [("sigmoid", perElement), ("tanh", perElement * tanhFactor)].map { function, figure in
            let call = UInt64((figure * Double(size)).rounded()) + 71
            return KernelCount(function: function, implementation: "swift-simd8", isa: "avx2", size: size, callInstructions: [call], harness: 71)
        }
        let configuration = CountConfiguration(command: "bench count", size: size, seed: 42, distribution: "uniform:-10.0:10.0",
                                               alpha: 1, repeats: 1, harnessInstructions: ["unary": 71], excluded: [])
        return CountReport(machine: report().machine, toolchain: toolchain, configuration: configuration, results: results)
    }

    @discardableResult
    func write(_ report: CountReport, as name: String) throws -> String {
        try write(String(decoding: try report.jsonData(), as: UTF8.self), as: name)
    }
}
