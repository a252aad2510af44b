import Foundation
import SwiftKernels

/// The function table as `bench list --functions` prints it: a text table, or JSON for the plot
/// scripts (scripts/function_table.py), which draw every function from it rather than from formulas
/// of their own.
public enum FunctionTable {
    /// The JSON layout's version; a reader checks it.
    public static let schemaVersion = 1

    public struct Row: Codable, Sendable {
        public var id: String
        public var code: Int32
        public var formula: String
        public var latex: String
        public var parameters: [Parameter]
        public var derivativeLatex: String?
        public var plotX: [Double]
        public var plotY: [Double]
        /// f and f' at evenly spaced points of `plotX`, with the parameters' defaults; only when asked.
        public var curve: Curve?

        enum CodingKeys: String, CodingKey {
            case id, code, formula, latex, parameters, curve
            case derivativeLatex = "derivative_latex", plotX = "plot_x", plotY = "plot_y"
        }
    }

    public struct Parameter: Codable, Sendable {
        public var name: String
        public var symbol: String
        public var latex: String
        public var `default`: Float
    }

    public struct Curve: Codable, Sendable {
        public var x: [Double]
        public var value: [Double]
        public var derivative: [Double]?
    }

    public struct Document: Codable, Sendable {
        public var schemaVersion: Int
        public var functions: [Row]

        enum CodingKeys: String, CodingKey {
            case schemaVersion = "schema_version", functions
        }
    }

    /// Every function's row, with curves of `points` points when given (at least 2).
    public static func rows(points: Int? = nil) -> [Row] {
        let defaults = KernelParameters()
        return ActivationFunction.allCases.map { function in
            let d = function.definition
            var curve: Curve?
            if let points, points >= 2 {
                let step = (d.plotX.upperBound - d.plotX.lowerBound) / Double(points - 1)
                let xs = (0..<points).map { d.plotX.lowerBound + Double($0) * step }
                curve = Curve(x: xs, value: xs.map { d.reference($0, defaults) },
                              derivative: d.derivative.map { derivative in xs.map { derivative.value($0, defaults) } })
            }
            return Row(id: function.rawValue, code: function.code, formula: d.formula, latex: d.latex,
                       parameters: d.parameters.map { Parameter(name: $0.name, symbol: $0.symbol, latex: $0.latex, default: $0.value(defaults)) },
                       derivativeLatex: d.derivative?.latex, plotX: [d.plotX.lowerBound, d.plotX.upperBound],
                       plotY: [d.plotY.lowerBound, d.plotY.upperBound], curve: curve)
        }
    }

    public static func jsonData(points: Int? = nil) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(Document(schemaVersion: schemaVersion, functions: rows(points: points)))
    }

    /// The text table: id, formula, parameters with their defaults.
    public static func text() -> String {
        let defaults = KernelParameters()
        let rows = ActivationFunction.allCases.map { function -> [String] in
            let d = function.definition
            let parameters = d.parameters.map { "\($0.name) = \(formatted($0.value(defaults))) (--\($0.name))" }
            return [function.rawValue, d.formula, parameters.isEmpty ? "-" : parameters.joined(separator: ", "),
                    d.derivative == nil ? "no" : "yes"]
        }
        return PlainTable(header: ["function", "formula", "parameters", "derivative"], rows: rows, rule: true).render()
    }

    private static func formatted(_ v: Float) -> String {
        v == v.rounded() && Swift.abs(v) < 1e6 ? String(Int(v)) : String(v)
    }
}
