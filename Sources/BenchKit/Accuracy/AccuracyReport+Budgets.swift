import Foundation

extension AccuracyReport {
    /// One line per kernel that declares a budget and did not meet it in this report ("sigmoid/c-copy:
    /// max 3.4e+09 ulp, budget ≤ 3 ulp"), in the report's order; empty when every promise held.
    /// Kernels without a budget (the peers, the naive references) are never listed: their errors
    /// are findings, not broken promises.
    public var budgetFailures: [String] {
        results.filter { $0.withinBudget == false }.map { r in
            let ulp = r.stats.maxULPJudged(tinyResultsApart: r.tinyResultBound != nil)
            var line = "\(r.function)/\(r.implementation): max \(String(format: "%.4g", ulp)) ulp"
            if r.tinyResultBound != nil, let tiny = r.stats.maxTinyResultError {
                line += " where normal, \(String(format: "%.3g", tiny)) below 2^-126"
            }
            return line + ", budget \(r.budgetText ?? "-")"
        }
    }
}
