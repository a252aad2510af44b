import ArgumentParser
import BenchKit

/// `--quiet-tolerance`, which `bench run` and `bench rejudge` share.
struct QuietToleranceOption: ParsableArguments {
    @Option(name: .customLong("quiet-tolerance"), help: """
        Width of the probe's quiet band (the run's usual uncontended level), as 3% or 0.03 (default 3%).
        """)
    var quietTolerance: String?

    func apply(to rules: inout ScreeningRules) throws {
        if let quietTolerance { rules.quietTolerance = try RulesOptions.share(quietTolerance, "--quiet-tolerance") }
    }
}

/// The options that change `ScreeningRules` for `bench rejudge`: each sets one constant
/// (docs/method.md names each), or turns one test or selection off.
struct RulesOptions: ParsableArguments {
    @Flag(name: .customLong("standard-rules"), help: """
        Start from today's standard rules instead of the rules the report records (a report made \
        before a test existed records none for it).
        """)
    var standardRules = false

    @Flag(name: .customLong("no-screening"), help: "Count every sample, as `bench run --no-screening`.")
    var noScreening = false

    @OptionGroup var quiet: QuietToleranceOption

    @Option(name: .customLong("band-reach"), help: "How far above the lowest state of the probe the quiet band may start (25%).")
    var bandReach: String?

    @Option(name: .customLong("band-floor-share"), help: "Share of the probe readings a range needs to be a state (5%).")
    var bandFloorShare: String?

    @Option(name: .customLong("band-floor-readings"), help: "Fewest probe readings a range needs to be a state (3).")
    var bandFloorReadings: Int?

    @Option(name: .customLong("consensus-tolerance"), help: "Most a round's median slowdown may be (5%).")
    var consensusTolerance: String?

    @Flag(name: .customLong("no-consensus"), help: "No round consensus test.")
    var noConsensus = false

    @Option(name: .customLong("consensus-minimum-pieces"), help: "Fewest pieces (kernels and the copy) per round for the consensus test (8).")
    var consensusMinimumPieces: Int?

    @Option(name: .customLong("reference-percentile"), help: "Percentile of a kernel's probe-quiet samples the consensus and own tests measure from (25).")
    var referencePercentile: Double?

    @Option(name: .customLong("own-tolerance"), help: "Most a sample may be above its kernel's quiet time (5%).")
    var ownTolerance: String?

    @Flag(name: .customLong("no-own-test"), help: "No per-kernel own test.")
    var noOwnTest = false

    @Option(name: .customLong("own-test-minimum-samples"), help: "Probe-quiet samples a kernel needs before its own test applies (4).")
    var ownTestMinimumSamples: Int?

    @Option(name: .customLong("own-reach"), help: "How far below the probe band a sample's readings may lie to help find its kernel's own band (6%).")
    var ownReach: String?

    @Option(name: .customLong("off-cpu-tolerance"), help: "Most share of a sample's wall time its thread may be off the CPU (2%).")
    var offCPUTolerance: String?

    @Flag(name: .customLong("no-off-cpu-test"), help: "No on-the-CPU test.")
    var noOffCPUTest = false

    @Option(name: .customLong("state-split"), help: "Probe bands or kernel paces further apart than this are different states (6%).")
    var stateSplit: String?

    @Flag(name: .customLong("no-speed-states"), help: "Rows may come from every process, whatever its probe band's speed state.")
    var noSpeedStates = false

    @Flag(name: .customLong("no-kernel-paces"), help: "Rows may come from every usual-state process, whatever its kernels' pace.")
    var noKernelPaces = false

    @Option(name: .customLong("pace-quorum"), help: "Processes that must share a kernel pace for it to set the rows (2).")
    var paceQuorum: Int?

    @Option(name: .customLong("disagreement-tolerance"), help: "Process medians further apart than this get a NOTE (5%).")
    var disagreementTolerance: String?

    func validate() throws {
        _ = try rules(from: .standard)
        for (name, value) in [("--band-floor-readings", bandFloorReadings), ("--consensus-minimum-pieces", consensusMinimumPieces),
                              ("--own-test-minimum-samples", ownTestMinimumSamples), ("--pace-quorum", paceQuorum)] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1, got \(value)") }
        }
        if let referencePercentile, !(0...100).contains(referencePercentile) {
            throw ValidationError("--reference-percentile must be in [0, 100], got \(referencePercentile)")
        }
        if noScreening, let first = screeningOptions.first {
            throw ValidationError("\(first) applies to screened re-judging, not with --no-screening")
        }
    }

    /// The options given that change which samples count (the screening tests), by name: they
    /// mean nothing with --no-screening or for a report that was not screened.
    var screeningOptions: [String] {
        let values: [(String, Bool)] = [
            ("--quiet-tolerance", quiet.quietTolerance != nil), ("--band-reach", bandReach != nil),
            ("--band-floor-share", bandFloorShare != nil), ("--band-floor-readings", bandFloorReadings != nil),
            ("--consensus-tolerance", consensusTolerance != nil), ("--no-consensus", noConsensus),
            ("--consensus-minimum-pieces", consensusMinimumPieces != nil), ("--reference-percentile", referencePercentile != nil),
            ("--own-tolerance", ownTolerance != nil), ("--no-own-test", noOwnTest),
            ("--own-test-minimum-samples", ownTestMinimumSamples != nil), ("--own-reach", ownReach != nil),
            ("--off-cpu-tolerance", offCPUTolerance != nil), ("--no-off-cpu-test", noOffCPUTest)]
        return values.filter(\.1).map(\.0)
    }

    /// `recorded` (or the standard rules, with --standard-rules) with every option given applied.
    func rules(from recorded: ScreeningRules) throws -> ScreeningRules {
        var rules = standardRules ? .standard : recorded
        try quiet.apply(to: &rules)
        let shares: [(String?, String, WritableKeyPath<ScreeningRules, Double>)] = [
            (bandReach, "--band-reach", \.bandReach), (bandFloorShare, "--band-floor-share", \.bandFloorShare),
            (ownReach, "--own-reach", \.ownReach), (stateSplit, "--state-split", \.stateSplit),
            (disagreementTolerance, "--disagreement-tolerance", \.disagreementTolerance)]
        for (text, name, path) in shares { if let text { rules[keyPath: path] = try Self.share(text, name) } }
        let tests: [(String?, Bool, String, WritableKeyPath<ScreeningRules, Double?>)] = [
            (consensusTolerance, noConsensus, "consensus", \.consensusTolerance), (ownTolerance, noOwnTest, "own", \.ownTolerance),
            (offCPUTolerance, noOffCPUTest, "off-cpu", \.offCPUTolerance)]
        for (text, off, name, path) in tests {
            if text != nil && off { throw ValidationError("--\(name)-tolerance and --no-\(name == "consensus" ? name : name + "-test") contradict") }
            if let text { rules[keyPath: path] = try Self.share(text, "--\(name)-tolerance") }
            if off { rules[keyPath: path] = nil }
        }
        if let bandFloorReadings { rules.bandFloorReadings = bandFloorReadings }
        if let consensusMinimumPieces { rules.consensusMinimumPieces = consensusMinimumPieces }
        if let referencePercentile { rules.referencePercentile = referencePercentile }
        if let ownTestMinimumSamples { rules.ownTestMinimumSamples = ownTestMinimumSamples }
        if let paceQuorum { rules.paceQuorum = paceQuorum }
        if noSpeedStates { rules.selectsSpeedState = false }
        if noKernelPaces { rules.selectsKernelPace = false }
        return rules
    }

    /// A share given as 5% or 0.05, in (0, 1).
    static func share(_ text: String, _ option: String) throws -> Double {
        do { return try ComparisonSettings.parseThreshold(text, option: option) } catch { throw ValidationError(error.message) }
    }
}
