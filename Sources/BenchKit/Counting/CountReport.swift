import Foundation

/// The result of `bench count`: instructions each kernel executed on the standard seeded input,
/// counted under callgrind. The same JSON family as `ThroughputReport` (`schema_version`, `kind`
/// "throughput"), told apart by `measure` "instructions". Counts are exact and repeatable, so a
/// count baseline belongs to a toolchain (`CountToolchain`), not to a machine.
public struct CountReport: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    public var kind: String
    public var measure: ReportMeasure
    /// The machine `bench count` ran on: shown, never compared (the toolchain key is).
    public var machine: MachineInfo
    public var toolchain: CountToolchain
    public var configuration: CountConfiguration
    public var results: [KernelCount]

    public init(machine: MachineInfo, toolchain: CountToolchain, configuration: CountConfiguration, results: [KernelCount]) {
        self.schemaVersion = ThroughputReport.currentSchemaVersion
        self.kind = "throughput"
        self.measure = .instructions
        self.machine = machine
        self.toolchain = toolchain
        self.configuration = configuration
        self.results = results
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", kind, measure, machine, toolchain, configuration, results
    }
}

/// What an instruction count depends on besides the source: the compiler and its target CPU (code
/// generation), valgrind (which CPU it presents, so which code paths glibc and SLEEF pick), and the
/// libraries whose instructions are counted inside kernels (SLEEF, glibc's libm for swift-libm).
public struct CountToolchain: Codable, Sendable, Equatable {
    public var swiftVersion: String
    /// "release" or "debug": a debug build executes several times the instructions.
    public var buildConfiguration: String
    public var swiftTargetCPU: String
    public var valgrindVersion: String
    public var sleefVersion: String
    public var libcVersion: String

    public init(swiftVersion: String, buildConfiguration: String, swiftTargetCPU: String, valgrindVersion: String,
                sleefVersion: String, libcVersion: String) {
        self.swiftVersion = swiftVersion
        self.buildConfiguration = buildConfiguration
        self.swiftTargetCPU = swiftTargetCPU
        self.valgrindVersion = valgrindVersion
        self.sleefVersion = sleefVersion
        self.libcVersion = libcVersion
    }

    /// The baseline key: count baselines live under results/baselines/<slug of this key>/.
    public var key: String {
        "counts | swift \(swiftVersion) \(buildConfiguration) | target \(swiftTargetCPU) | \(valgrindVersion) | sleef \(sleefVersion) | \(libcVersion)"
    }

    enum CodingKeys: String, CodingKey {
        case swiftVersion = "swift_version", buildConfiguration = "build_configuration", swiftTargetCPU = "swift_target_cpu", valgrindVersion = "valgrind_version"
        case sleefVersion = "sleef_version", libcVersion = "libc_version"
    }
}

/// How a count was made: enough to repeat it.
public struct CountConfiguration: Codable, Sendable, Equatable {
    public var command: String
    /// Elements per kernel call.
    public var size: Int
    public var seed: UInt64
    public var distribution: String
    public var alpha: Float
    /// Counted calls per kernel (after one uncounted warm-up call); they must agree.
    public var repeats: Int
    /// Instructions of the empty call through the same path as a kernel (bracket, dispatch, call),
    /// per kernel shape ("unary", "elu"): subtracted from every kernel's count.
    public var harnessInstructions: [String: UInt64]
    /// Implementations left out, and why.
    public var excluded: [Exclusion]

    public init(command: String, size: Int, seed: UInt64, distribution: String, alpha: Float, repeats: Int,
                harnessInstructions: [String: UInt64], excluded: [Exclusion]) {
        self.command = command
        self.size = size
        self.seed = seed
        self.distribution = distribution
        self.alpha = alpha
        self.repeats = repeats
        self.harnessInstructions = harnessInstructions
        self.excluded = excluded
    }

    public struct Exclusion: Codable, Sendable, Equatable {
        public var implementation: String
        public var reason: String
        public init(implementation: String, reason: String) {
            self.implementation = implementation
            self.reason = reason
        }
    }

    enum CodingKeys: String, CodingKey {
        case command, size, seed, distribution, alpha, repeats, excluded
        case harnessInstructions = "harness_instructions"
    }
}

/// One kernel's count.
public struct KernelCount: Codable, Sendable, Equatable {
    public var function: String
    public var implementation: String
    public var isa: String
    public var size: Int
    /// Instructions of each counted call, as callgrind read them (harness included).
    public var callInstructions: [UInt64]
    /// Instructions of one call, the harness's subtracted (the first counted call).
    public var instructions: UInt64
    /// `instructions` over `size`.
    public var instructionsPerElement: Double

    public init(function: String, implementation: String, isa: String, size: Int, callInstructions: [UInt64], harness: UInt64) {
        self.function = function
        self.implementation = implementation
        self.isa = isa
        self.size = size
        self.callInstructions = callInstructions
        let first = callInstructions.first ?? 0
        self.instructions = first > harness ? first - harness : 0
        self.instructionsPerElement = size > 0 ? Double(instructions) / Double(size) : 0
    }

    /// Whether every counted call executed the same number of instructions.
    public var isRepeatable: Bool { Set(callInstructions).count <= 1 }

    enum CodingKeys: String, CodingKey {
        case function, implementation, isa, size, instructions
        case callInstructions = "call_instructions"
        case instructionsPerElement = "instructions_per_element"
    }
}
