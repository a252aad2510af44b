import ArgumentParser
import BenchKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List functions and implementations: availability, ISA, error budget, library and notes.")

    @OptionGroup var registryOptions: RegistryOptions

    @Flag(help: "Print only the implementation ids, one per line, for scripts.")
    var ids = false

    @Flag(help: "Print the function table instead: id, formula, parameters (--json: all of it, for the plot scripts).")
    var functions = false

    @Flag(help: "With --functions: JSON (scripts/function_table.py reads it).")
    var json = false

    @Option(help: ArgumentHelp("With --functions --json: also f and f' at this many points of each plot range.",
                               valueName: "n"))
    var curvePoints: Int?

    /// More points than a plot's pixels buys nothing, and each costs about 450 bytes of JSON.
    static let maximumCurvePoints = 100_000

    mutating func validate() throws {
        if json && !functions { throw ValidationError("--json goes with --functions") }
        if ids && functions { throw ValidationError("--ids lists implementations; it cannot be combined with --functions") }
        if curvePoints != nil && !json { throw ValidationError("--curve-points goes with --functions --json") }
        if let n = curvePoints, !(2...Self.maximumCurvePoints).contains(n) {
            throw ValidationError("--curve-points must be between 2 and \(Self.maximumCurvePoints), got \(n)")
        }
    }

    func run() throws {
        if functions {
            if json {
                print(String(decoding: try FunctionTable.jsonData(points: curvePoints), as: UTF8.self))
            } else {
                print(FunctionTable.text())
            }
            return
        }
        let registry = try registryOptions.registry()
        if ids {
            for implementation in registry.implementations { print(implementation) }
            return
        }
        print("functions: " + ActivationFunction.allCases.map(\.rawValue).joined(separator: ", "))
        print("")
        var rows: [[String]] = []
        for implementation in registry.implementations {
            for function in ActivationFunction.allCases {
                if let k = registry.kernel(function, implementation) {
                    rows.append([k.function.rawValue, k.implementation, k.isa,
                                 k.isAvailable ? "yes" : "no (CPU lacks \(k.isa))", budgetText(k)])
                } else if let gap = registry.missing.first(where: { $0.function == function && $0.implementation == implementation }) {
                    rows.append([function.rawValue, implementation, "-", "not provided (\(gap.reason))", "-"])
                }
            }
        }
        print(PlainTable(header: ["function", "implementation", "isa", "available", "error budget"], rows: rows, rule: true).render())
        print("")
        print(notes(registry))
    }

    private func budgetText(_ k: Kernel) -> String {
        guard let text = k.budgetText else {
            return k.library == nil ? "none (documented failure modes)" : "none (a peer: measured, see bench accuracy)"
        }
        return text
    }

    /// One line per family with a library, then its per-function notes (one line when all agree).
    private func notes(_ registry: Registry) -> String {
        var lines = ["libraries and notes:"]
        for implementation in registry.implementations {
            let kernels = registry.kernels.filter { $0.implementation == implementation }
            guard let library = kernels.first?.library else { continue }
            lines.append("  \(implementation): \(library)")
            let notes = kernels.compactMap { k in k.note.map { (k.function, $0) } }
            if Set(notes.map(\.1)).count == 1, notes.count == kernels.count {
                lines.append("    \(notes[0].1)")
            } else {
                for (function, note) in notes { lines.append("    \(function.rawValue): \(note)") }
            }
            for k in kernels {
                guard let dependence = k.positionDependence else { continue }
                lines.append("    \(k.function.rawValue): contract exception: an element's result can depend on its "
                             + "position by up to \(dependence.ulps) ulp where the result is a normal float (\(dependence.reason))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
