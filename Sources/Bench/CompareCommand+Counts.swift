import ArgumentParser
import BenchKit
import Foundation

extension CompareCommand {
    /// Two count reports: exact comparison of instructions per element (`CountComparison`).
    func compareCounts(currentPath: String) throws {
        let current = try CountReport.load(path: currentPath)
        var baseline = try baselineName.map { try options.loadCountBaseline(name: $0, toolchainKey: current.toolchain.key) }
            ?? CountReport.load(path: files[0])
        if let scaleBaseline {
            for i in baseline.results.indices { baseline.results[i].instructionsPerElement *= scaleBaseline }
        }
        let comparison = try CountComparison(baseline: baseline, current: current, threshold: try options.countThreshold, force: force)
        let table = comparison.tableText()
        let text = format == .markdown ? comparison.markdownText() : table
        try ReportOutput.write(text, to: output, alsoPrint: output == nil ? nil : table)
        if comparison.failed { throw ExitCode(ExitStatus.regressed) }
    }
}
