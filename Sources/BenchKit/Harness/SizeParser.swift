/// Parses element counts: plain integers or K/M/G binary suffixes (1M = 1,048,576), in a comma list.
public enum SizeParser {
    /// The largest count accepted: two buffers of this many floats must be allocatable on a desktop.
    public static let maximum = 1 << 31

    public static func parse(_ text: String) throws(UsageError) -> Int {
        let usage = "expected a positive element count such as 1000, 64K, 1M or 1G (binary suffixes)"
        var digits = text.trimmingCharacters(in: " ")
        var multiplier = 1
        if let last = digits.last?.uppercased() {
            switch last {
            case "K": multiplier = 1 << 10
            case "M": multiplier = 1 << 20
            case "G": multiplier = 1 << 30
            default: break
            }
            if multiplier > 1 { digits.removeLast() }
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int(digits) else {
            throw UsageError("bad size '\(text)': \(usage)")
        }
        guard value > 0 else { throw UsageError("bad size '\(text)': must be at least 1 element") }
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        guard !overflow, product <= maximum else {
            throw UsageError("bad size '\(text)': larger than the maximum of \(maximum) elements (2G)")
        }
        return product
    }

    /// A comma list of counts, each once: a size listed twice would give two rows with one key,
    /// which no comparison or export could tell apart.
    public static func parseList(_ text: String) throws(UsageError) -> [Int] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var sizes: [Int] = []
        for item in items {
            let size = try parse(item)
            if sizes.contains(size) { throw UsageError("bad size list '\(text)': \(item) is the size of an earlier entry; list each size once") }
            sizes.append(size)
        }
        return sizes
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
