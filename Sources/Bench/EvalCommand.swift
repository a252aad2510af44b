import ArgumentParser
import BenchKit
import Foundation

/// `bench eval --function F --impl I X...`: one kernel on given inputs, for digging into one bad input.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Print a kernel's output, the MPFR reference and the ulp error for inputs in decimal or hex float.",
        discussion: "Example: bench eval --function gelu-erf --impl swift-simd16 -13.31 0x1.8p+3 nan")

    @Option(help: "The function (see `bench list`).")
    var function: String

    @Option(help: "The implementation (see `bench list`).")
    var impl: String

    @OptionGroup var registryOptions: RegistryOptions

    @OptionGroup var parameters: ParameterOptions


    /// Every word no option takes, so negative inputs need no `--` before them (one given is dropped).
    @Argument(parsing: .allUnrecognized,
              help: ArgumentHelp("Inputs: decimal (-1.5, 1e-30), hex float (0x1.8p+3), inf, -inf, nan.", valueName: "inputs"))
    var words: [String]

    /// The inputs as written: `words` without the `--` that may separate them from the options.
    var inputs: [String] {
        guard let separator = words.firstIndex(of: "--") else { return words }
        var inputs = words
        inputs.remove(at: separator)
        return inputs
    }

    mutating func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input") }
        _ = try kernel()
        _ = try parsedInputs()
    }

    func kernel() throws -> Kernel {
        guard let f = ActivationFunction(rawValue: function) else {
            throw ValidationError("unknown function '\(function)'; valid: \(ActivationFunction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let registry = try registryOptions.registry()
        guard let k = registry.kernel(f, impl) else {
            let valid = registry.kernels.filter { $0.function == f }.map(\.implementation).joined(separator: ", ")
            if registry.implementations.contains(impl) {
                throw ValidationError("\(impl) has no \(function) kernel; \(function) has: \(valid)")
            }
            if let error = PeerOptions.disabledPeer(impl, in: registry) { throw error }
            throw ValidationError("unknown implementation '\(impl)' for \(function); valid: \(valid)")
        }
        guard k.isAvailable else { throw ValidationError("\(k.id) needs \(k.isa), which this CPU lacks") }
        return k
    }

    func parsedInputs() throws -> [Float] {
        try inputs.map { text in
            guard let x = Float(text.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("bad input '\(text)': expected a decimal or hex float (e.g. -1.5, 0x1.8p+3, inf, nan)")
            }
            return x
        }
    }

    /// A note for each input that float32 cannot hold as written: one beyond its range becomes ±inf,
    /// one below its smallest subnormal ±0 (the table shows the float the kernel was given).
    func roundingNotes() -> [String] {
        inputs.compactMap { text in
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let x = Float(trimmed), let wide = Double(trimmed), wide.isFinite else { return nil }
            if x.isInfinite { return "note: \(text) is beyond float32's range; the kernel was given \(x)" }
            if x == 0 && wide != 0 { return "note: \(text) is below float32's smallest subnormal; the kernel was given \(x)" }
            return nil
        }
    }

    func run() throws {
        let kernel = try kernel()
        let xs = try parsedInputs()
        let outputs = AccuracyRun(sample: AccuracySample(inputs: xs), alpha: parameters.alpha).run(kernel)
        var rows: [[String]] = []
        for (x, y) in zip(xs, outputs) {
            let r = Reference.evaluate(.activation(kernel.function), x, alpha: parameters.alpha)
            let nearest = r.roundedToFloat
            rows.append([x.hexDescription, "\(y)", y.hexDescription, String(format: "%.17g", r.hi + r.lo),
                         nearest.hexDescription, ulpText(ULP.error(y, r))])
        }
        print("\(kernel.id) (\(kernel.isa))")
        print(PlainTable(header: ["x", "output", "output (hex)", "reference", "reference rounded", "ulp error"],
                         rows: rows, rule: true).render())
        for note in roundingNotes() { FileHandle.standardError.write(Data("bench: \(note)\n".utf8)) }
    }

    private func ulpText(_ e: Double) -> String {
        e.isInfinite ? "inf" : String(format: e >= ULP.exponentNotationFrom ? "%.4e" : "%.4f", e)
    }
}
