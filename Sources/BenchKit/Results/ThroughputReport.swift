import Foundation

/// The result of a throughput run: what JSON holds, and what the table, CSV and Markdown views show.
/// `schemaVersion` changes whenever a field changes meaning or goes away; readers refuse other versions.
public struct ThroughputReport: Codable, Sendable, Equatable {
    /// Version 2: samples are the quiet rounds' only (contention screening), rejected ones are listed
    /// apart, and the report carries the probe log of every size (`rounds`). Version 3 adds
    /// `measure` ("time" here, "instructions" in a `CountReport`); version 2 files are read as time.
    public static let currentSchemaVersion = 3
    /// The versions `decode` accepts: each newer one only added fields an older file reads without.
    public static let readableSchemaVersions = 2...3

    public var schemaVersion: Int
    public var kind: String
    /// Absent in version 2 files, which are all timings: read it through `measure`.
    var measureField: ReportMeasure?
    /// What the figures are: always `.time` in a throughput report.
    public var measure: ReportMeasure { measureField ?? .time }
    public var machine: MachineInfo
    public var configuration: RunConfiguration
    public var results: [KernelResult]
    /// Per size, the contention probe before each round and which rounds counted; empty when the
    /// run was not screened.
    public var rounds: [RoundLog]

    public init(machine: MachineInfo, configuration: RunConfiguration, results: [KernelResult], rounds: [RoundLog] = []) {
        self.schemaVersion = Self.currentSchemaVersion
        self.kind = "throughput"
        self.measureField = .time
        self.machine = machine
        self.configuration = configuration
        self.results = results
        self.rounds = rounds
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", kind, machine, configuration, results, rounds
        case measureField = "measure"
    }
}

/// One kernel at one size: every sample and the summary computed from them.
public struct KernelResult: Codable, Sendable, Equatable {
    /// `function` / `implementation` as in the registry; `copy` / `memcpy` for the roofline row.
    public var function: String
    public var implementation: String
    public var isa: String
    public var size: Int
    public var threads: Int
    /// Kernel calls per sample (calibrated).
    public var batch: Int
    /// Nanoseconds per element, one entry per counted (quiet) round, in the order taken.
    public var samplesNsPerElement: [Double]
    /// Timestamp-counter ticks per element, one per counted round.
    public var samplesCyclesPerElement: [Double]
    /// Nanoseconds per element of the rounds the contention screen rejected, in order (shown, not used).
    public var rejectedNsPerElement: [Double]
    public var summary: Summary
    /// Max ulp over a quick accuracy sample (nil when not measured).
    public var maxULP: Double?
    /// When the run measured in several fresh processes (`--processes`), which one (from 1) this
    /// row's samples and summary come from: the one at the lower median of the process medians
    /// (`ThroughputReport.combining`). Nil for a run measured in one process.
    public var process: Int?
    /// Every process's measurement of this kernel, in process order (nil for one process).
    public var processes: [ProcessMeasurement]?
    /// Instructions per element from a count report (`bench run --counts FILE`), nil without one.
    public var instructionsPerElement: Double?

    public init(function: String, implementation: String, isa: String, size: Int, threads: Int, batch: Int,
                samplesNsPerElement: [Double], samplesCyclesPerElement: [Double], rejectedNsPerElement: [Double] = [],
                summary: Summary, maxULP: Double? = nil) {
        self.rejectedNsPerElement = rejectedNsPerElement
        self.function = function
        self.implementation = implementation
        self.isa = isa
        self.size = size
        self.threads = threads
        self.batch = batch
        self.samplesNsPerElement = samplesNsPerElement
        self.samplesCyclesPerElement = samplesCyclesPerElement
        self.summary = summary
        self.maxULP = maxULP
    }

    public var id: String { "\(function)/\(implementation)@\(size)" }

    enum CodingKeys: String, CodingKey {
        case function, implementation, isa, size, threads, batch, summary
        case samplesNsPerElement = "samples_ns_per_element"
        case samplesCyclesPerElement = "samples_cycles_per_element"
        case rejectedNsPerElement = "rejected_ns_per_element"
        case maxULP = "max_ulp"
        case process, processes
        case instructionsPerElement = "instructions_per_element"
    }

    /// One process's measurement of a kernel in a multi-process run.
    public struct ProcessMeasurement: Codable, Sendable, Equatable {
        public var medianNsPerElement: Double
        public var batch: Int
        public var samplesNsPerElement: [Double]
        public var rejectedNsPerElement: [Double]

        public init(medianNsPerElement: Double, batch: Int, samplesNsPerElement: [Double], rejectedNsPerElement: [Double]) {
            self.medianNsPerElement = medianNsPerElement
            self.batch = batch
            self.samplesNsPerElement = samplesNsPerElement
            self.rejectedNsPerElement = rejectedNsPerElement
        }

        enum CodingKeys: String, CodingKey {
            case batch
            case medianNsPerElement = "median_ns_per_element"
            case samplesNsPerElement = "samples_ns_per_element"
            case rejectedNsPerElement = "rejected_ns_per_element"
        }
    }

    /// Figures derived from the samples.
    public struct Summary: Codable, Sendable, Equatable {
        public var medianNsPerElement: Double
        public var minNsPerElement: Double
        public var p90NsPerElement: Double
        /// Median absolute deviation over the median, in percent: a spread figure that a few
        /// interrupted samples do not inflate.
        public var madPercent: Double
        /// Elements per second at the median (billions).
        public var gelemPerSecond: Double
        /// Bytes moved per second at the median (read + write, 8 bytes per element), GB/s.
        public var gbytesPerSecond: Double
        public var medianCyclesPerElement: Double
        /// Median time of `swift-naive` for the same function and size over this kernel's; nil without it.
        public var speedupOverNaive: Double?
        /// This kernel's bytes/s over the plain copy's at the same size: 1.0 is memory bound.
        public var rooflineShare: Double?

        public init(medianNsPerElement: Double, minNsPerElement: Double, p90NsPerElement: Double, madPercent: Double,
                    gelemPerSecond: Double, gbytesPerSecond: Double, medianCyclesPerElement: Double,
                    speedupOverNaive: Double? = nil, rooflineShare: Double? = nil) {
            self.medianNsPerElement = medianNsPerElement
            self.minNsPerElement = minNsPerElement
            self.p90NsPerElement = p90NsPerElement
            self.madPercent = madPercent
            self.gelemPerSecond = gelemPerSecond
            self.gbytesPerSecond = gbytesPerSecond
            self.medianCyclesPerElement = medianCyclesPerElement
            self.speedupOverNaive = speedupOverNaive
            self.rooflineShare = rooflineShare
        }

        enum CodingKeys: String, CodingKey {
            case medianNsPerElement = "median_ns_per_element"
            case minNsPerElement = "min_ns_per_element"
            case p90NsPerElement = "p90_ns_per_element"
            case madPercent = "mad_percent"
            case gelemPerSecond = "gelem_per_second"
            case gbytesPerSecond = "gbytes_per_second"
            case medianCyclesPerElement = "median_cycles_per_element"
            case speedupOverNaive = "speedup_over_naive"
            case rooflineShare = "roofline_share"
        }
    }
}

/// The machine and build a run was made on (`bench info`).
public struct MachineInfo: Codable, Sendable, Equatable {
    public var cpuModel: String
    /// Family, model and stepping, "family 25 model 17 stepping 1" (`Machine.cpuSignature`); nil
    /// without x86 CPUID and in reports written before it was recorded.
    public var cpuSignature: String?
    public var cpuFeatures: [String]
    public var logicalCores: Int
    public var os: String
    public var swiftVersion: String
    public var buildConfiguration: String
    public var swiftTargetCPU: String
    public var swiftVectorISA: String
    public var sleefVersion: String
    public var mpfrVersion: String
    public var gitCommit: String
    public var date: String
    /// A key naming the machine for baselines: CPU model, family and model, ISA and core count
    /// (`MachineInfo.machineKey`).
    public var machineKey: String
    /// The libraries behind the registry's families with their versions (reports before the peers
    /// were added have none).
    public var libraries: [String]?

    public init(cpuModel: String, cpuFeatures: [String], logicalCores: Int, os: String, swiftVersion: String,
                buildConfiguration: String, swiftTargetCPU: String, swiftVectorISA: String, sleefVersion: String,
                mpfrVersion: String, gitCommit: String, date: String, machineKey: String) {
        self.cpuModel = cpuModel
        self.cpuFeatures = cpuFeatures
        self.logicalCores = logicalCores
        self.os = os
        self.swiftVersion = swiftVersion
        self.buildConfiguration = buildConfiguration
        self.swiftTargetCPU = swiftTargetCPU
        self.swiftVectorISA = swiftVectorISA
        self.sleefVersion = sleefVersion
        self.mpfrVersion = mpfrVersion
        self.gitCommit = gitCommit
        self.date = date
        self.machineKey = machineKey
    }

    enum CodingKeys: String, CodingKey {
        case cpuModel = "cpu_model", cpuSignature = "cpu_signature", cpuFeatures = "cpu_features", logicalCores = "logical_cores", os
        case swiftVersion = "swift_version", buildConfiguration = "build_configuration"
        case swiftTargetCPU = "swift_target_cpu", swiftVectorISA = "swift_vector_isa"
        case sleefVersion = "sleef_version", mpfrVersion = "mpfr_version", gitCommit = "git_commit", date
        case machineKey = "machine_key", libraries
    }
}
