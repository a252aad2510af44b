import ArgumentParser
import BenchKit

/// `bench`: the activation-kernel benchmark suite. Parsing and printing only; the work is in BenchKit.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Throughput and accuracy of float32 sigmoid, tanh, ELU and GELU kernels: ours in Swift, SLEEF, libmvec, oneDNN, XNNPACK, Eigen, Highway, Python peers.",
        // The sources' commit ("+dirty" with uncommitted changes): what a report's machine block records.
        version: "bench, built from commit \(Machine.gitCommit)",
        subcommands: [RunCommand.self, AccuracyCommand.self, EvalCommand.self, ListCommand.self, InfoCommand.self,
                      CompareCommand.self, ExportCommand.self, CountCommand.self, RejudgeCommand.self],
        defaultSubcommand: RunCommand.self)
}
