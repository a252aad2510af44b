import Foundation

/// The result of `bench accuracy`: JSON holds it; the table and Markdown report are views of it.
public struct AccuracyReport: Codable, Sendable {
    public static let currentSchemaVersion = 1

    public var schemaVersion = Self.currentSchemaVersion
    public var kind = "accuracy"
    public var machine: MachineInfo
    public var configuration: Configuration
    public var reference: ReferenceInfo
    public var results: [KernelAccuracy]
    public var primitives: [PrimitiveAccuracy]
    /// How the primitives table was made (nil in reports written before it was recorded, whose
    /// tables were all sampled).
    public var primitivesMethod: PrimitivesMethod?
    public var geluTanhVersusErf: FormulaDeviation?
    /// Max ulp per x bin over the grid domain, per kernel: the data of the ulp-versus-x plots.
    public var profile: Profile?

    public struct Configuration: Codable, Sendable {
        public var command: String
        /// "sampled" or "exhaustive".
        public var mode: String
        public var randomSamples: Int
        public var gridSamples: Int
        public var domain: [Float]
        public var seed: UInt64
        public var alpha: Float
        public var inputsPerKernel: Int
        public var wallSeconds: Double

        enum CodingKeys: String, CodingKey {
            case command, mode, domain, seed, alpha
            case randomSamples = "random_samples", gridSamples = "grid_samples"
            case inputsPerKernel = "inputs_per_kernel", wallSeconds = "wall_seconds"
        }
    }

    /// Which reference was used, and how the fast one was checked against MPFR.
    public struct ReferenceInfo: Codable, Sendable {
        public var kind: String
        public var mpfrPrecisionBits: Int
        public var mpfrVersion: String
        /// Inputs on which the Double reference was compared with MPFR, and the largest disagreement
        /// in float ulps (nil in sampled mode, where MPFR is the reference).
        public var validationSampleSize: Int?
        public var validationMaxULP: Double?
        /// Inputs whose reference MPFR settled because the Double value lay next to a rounding midpoint.
        public var settledByMPFR: Int?

        enum CodingKeys: String, CodingKey {
            case kind, mpfrPrecisionBits = "mpfr_precision_bits", mpfrVersion = "mpfr_version"
            case validationSampleSize = "validation_sample_size", validationMaxULP = "validation_max_ulp"
            case settledByMPFR = "settled_by_mpfr"
        }
    }

    public struct KernelAccuracy: Codable, Sendable {
        public var function: String
        public var implementation: String
        public var isa: String
        public var ulpBudget: Double?
        /// The kernel's `tinyResultBound` (nil: its ulp budget covers every input).
        public var tinyResultBound: Double?
        /// The budget in words, and whether the figures meet it (nil: no budget).
        public var budgetText: String?
        public var withinBudget: Bool?
        public var stats: AccuracyStats
        public var specialValues: [SpecialValueVerdict]

        enum CodingKeys: String, CodingKey {
            case function, implementation, isa, stats, ulpBudget = "ulp_budget", specialValues = "special_values"
            case tinyResultBound = "tiny_result_bound", budgetText = "budget_text", withinBudget = "within_budget"
        }
    }

    public struct PrimitiveAccuracy: Codable, Sendable {
        public var primitive: String
        public var implementation: String
        public var domain: [Float]
        public var stats: AccuracyStats
    }

    /// Whether the primitives table covers every float of each primitive's domain or a sample of it.
    /// Each row's `stats.count` is the inputs its implementation saw.
    public struct PrimitivesMethod: Codable, Sendable {
        /// "exhaustive": every float in each domain against the Double reference, MPFR settling the
        /// inputs next to a rounding midpoint; "sampled": random and evenly spaced inputs against MPFR.
        public var mode: String
        /// Inputs over all primitives (each implementation sees its primitive's).
        public var inputs: Int
        /// Exhaustive only: the inputs MPFR settled, and the Double references against MPFR on a
        /// sample of each domain (inputs, largest disagreement in float ulps).
        public var settledByMPFR: Int?
        public var validationSampleSize: Int?
        public var validationMaxULP: Double?
        public var wallSeconds: Double

        enum CodingKeys: String, CodingKey {
            case mode, inputs, settledByMPFR = "settled_by_mpfr", validationSampleSize = "validation_sample_size"
            case validationMaxULP = "validation_max_ulp", wallSeconds = "wall_seconds"
        }
    }

    /// How far the tanh approximation of GELU is from GELU itself (a property of the formula).
    public struct FormulaDeviation: Codable, Sendable {
        public var maxAbsoluteDifference: Double
        public var at: Float
        public var maxRelativeDifference: Double
        public var relativeAt: Float
        public var domain: [Float]
        public var points: Int

        enum CodingKeys: String, CodingKey {
            case at, domain, points
            case maxAbsoluteDifference = "max_abs_difference", maxRelativeDifference = "max_rel_difference"
            case relativeAt = "relative_at"
        }
    }

    public struct Profile: Codable, Sendable {
        public var domain: [Float]
        public var bins: Int
        /// Kernel id → max ulp per bin (0 where the bin had no input).
        public var maxULP: [String: [Double]]

        enum CodingKeys: String, CodingKey { case domain, bins, maxULP = "max_ulp" }
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", kind, machine, configuration, reference, results, primitives
        case primitivesMethod = "primitives_method"
        case geluTanhVersusErf = "gelu_tanh_vs_erf", profile
    }

    /// JSON with infinities and NaN as strings (a kernel's max ulp can be infinite).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }

    public static func decode(from data: Data) throws -> AccuracyReport {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(AccuracyReport.self, from: data)
    }
}

/// One special input of one kernel: what it gave, what is due, and whether that passes.
public struct SpecialValueVerdict: Codable, Sendable, Equatable {
    public var name: String
    public var input: String
    public var output: String
    public var expected: String
    public var pass: Bool
}
