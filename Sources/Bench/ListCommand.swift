import ArgumentParser
import BenchKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List functions and implementations: availability, ISA, error budget.")

    @OptionGroup(title: "Peers") var peers: PeerOptions

    func run() throws {
        let registry = try peers.registry()
        print("functions: " + ActivationFunction.allCases.map(\.rawValue).joined(separator: ", "))
        print("")
        let rows = registry.kernels.map { k in
            [k.function.rawValue, k.implementation, k.isa, k.isAvailable ? "yes" : "no (CPU lacks \(k.isa))",
             k.ulpBudget.map { "≤ \(formatBudget($0)) ulp" }
                ?? (k.implementation.hasPrefix("py-") ? "none (a library peer)" : "none (documented failure modes)")]
        }
        print(PlainTable(header: ["function", "implementation", "isa", "available", "error budget"], rows: rows, rule: true).render())
        try peers.printNotes()
    }

    private func formatBudget(_ b: Double) -> String {
        b == b.rounded() ? String(Int(b)) : String(b)
    }
}
