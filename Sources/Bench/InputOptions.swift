import ArgumentParser
import BenchKit

/// The kernel parameters (`--alpha`, ELU's slope), for every command that runs kernels: one
/// declaration, one check.
struct ParameterOptions: ParsableArguments {
    @Option(help: "ELU's alpha (the slope of its negative side): finite and positive, as ELU defines it.")
    var alpha: Float = 1

    func validate() throws {
        // α ≤ 0 leaves ELU's special values undefined (the sign of the result at -0, for one), so
        // no accuracy verdict could be given; every command takes the same range.
        guard alpha.isFinite, alpha > 0 else { throw ValidationError("--alpha must be finite and positive as a float32 (1.4e-45 to 3.4e+38), got \(alpha)") }
    }
}

/// The seeded inputs a timed or counted run feeds every kernel: `bench run` and `bench count` take
/// the same defaults, so a count and a time describe the same work.
struct InputOptions: ParsableArguments {
    @Option(help: "Seed of the input generator.")
    var seed: UInt64 = 42

    @Option(help: "Input distribution: uniform:a:b or normal:mu:sigma.")
    var distribution: String = "uniform:-10:10"

    @OptionGroup var parameters: ParameterOptions

    var alpha: Float { parameters.alpha }

    func validate() throws {
        do { _ = try InputDistribution(parsing: distribution) } catch { throw ValidationError(error.message) }
    }

    /// The parsed distribution (validated already).
    func inputs() throws -> InputDistribution { try InputDistribution(parsing: distribution) }
}
