import SwiftKernels

/// One row of the function table (`ActivationFunction.definition`): everything the suite knows about
/// a function apart from its kernels and its MPFR form (CReference's forms.c, under the same id).
public struct FunctionDefinition: Sendable {
    /// A function's value (or derivative) in Double at x, with the run's parameters.
    public typealias Evaluator = @Sendable (_ x: Double, _ parameters: KernelParameters) -> Double

    /// The defining formula, as `bench list --functions` and the accuracy reports print it.
    public let formula: String
    /// The formula in matplotlib's TeX subset, for plot titles.
    public let latex: String
    /// The parameters the function reads; empty for most.
    public let parameters: [FunctionParameter]
    /// The function in Double, in a form without cancellation: the exhaustive runs' fast reference
    /// (`DoubleReference`), validated against MPFR in every such run.
    public let reference: Evaluator
    /// The primitives its kernels are built from: the rows of the accuracy report's primitives
    /// table that a run of this function shows.
    public let primitives: [Primitive]
    /// The analytic derivative, if given: the functions-and-derivatives plot.
    public let derivative: Derivative?
    /// Where the plot of f and f' looks.
    public let plotX: ClosedRange<Double>
    public let plotY: ClosedRange<Double>

    public struct Derivative: Sendable {
        public let latex: String
        public let value: Evaluator

        public init(latex: String, _ value: @escaping Evaluator) {
            self.latex = latex
            self.value = value
        }
    }

    public init(formula: String, latex: String, parameters: [FunctionParameter] = [], reference: @escaping Evaluator,
                primitives: [Primitive], derivative: Derivative? = nil, plotX: ClosedRange<Double> = -6...6,
                plotY: ClosedRange<Double>) {
        self.formula = formula
        self.latex = latex
        self.parameters = parameters
        self.reference = reference
        self.primitives = primitives
        self.derivative = derivative
        self.plotX = plotX
        self.plotY = plotY
    }
}

/// A member of `KernelParameters` that a function reads: its name on the command line and in
/// reports, its symbol in text and in formulas, and where it sits in the set.
public struct FunctionParameter: Sendable {
    public let name: String
    public let symbol: String
    public let latex: String
    public let value: @Sendable (KernelParameters) -> Float

    /// ELU's slope (`--alpha`, default 1).
    public static let alpha = FunctionParameter(name: "alpha", symbol: "α", latex: #"\alpha"#, value: { $0.alpha })
}

extension ActivationFunction: Comparable {
    /// The defining formula, as the reports print it.
    public var formula: String { definition.formula }

    /// The function's code in the C peers' entry points (`enum cp_function` in CPeers.h) and in the
    /// plugin ABI: its position in `allCases`.
    public var code: Int32 { Int32(Self.allCases.firstIndex(of: self)!) }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
