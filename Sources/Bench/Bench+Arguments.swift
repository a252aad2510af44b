import ArgumentParser

/// The command line as ArgumentParser reads it, after two rewrites it cannot express itself.
extension Bench {
    static func main() {
        main(normalizingArguments(Array(CommandLine.arguments.dropFirst())))
    }

    static func normalizingArguments(_ arguments: [String]) -> [String] {
        // eval takes every word no option takes as an input, negative numbers included; joining
        // would bind one that follows a flag to the flag.
        arguments.first == "eval" ? arguments : joiningNegativeValues(normalizingSaveBaseline(arguments))
    }

    /// `--save-baseline` takes an optional NAME, which ArgumentParser options cannot: when the word
    /// after it is absent or is another option, the default name is inserted before parsing.
    static func normalizingSaveBaseline(_ arguments: [String]) -> [String] {
        var out: [String] = []
        for (i, argument) in arguments.enumerated() {
            out.append(argument)
            if argument == "--" { out += arguments[(i + 1)...]; break }
            let next = i + 1 < arguments.count ? arguments[i + 1] : nil
            if argument == "--save-baseline" && (next == nil || next!.hasPrefix("-")) { out.append(BaselineOptions.defaultName) }
        }
        return out
    }

    /// `--size -1` as `--size=-1`: ArgumentParser reads a word starting with "-" as an option, so a
    /// negative value would be reported as a missing one; joined, it reaches the option's own range
    /// check. Only a long option followed by a number is joined (a flag given one then fails as
    /// taking no value), and nothing after "--".
    static func joiningNegativeValues(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--" { out += arguments[i...]; break }
            if argument.hasPrefix("--"), !argument.contains("="), i + 1 < arguments.count, isNegativeNumber(arguments[i + 1]) {
                out.append(argument + "=" + arguments[i + 1])
                i += 2
                continue
            }
            out.append(argument)
            i += 1
        }
        return out
    }

    /// "-1", "-0.5", "-.5", "-5%", "-1e3", "-inf": a minus sign and then a number's start.
    static func isNegativeNumber(_ word: String) -> Bool {
        guard word.hasPrefix("-"), word.count > 1 else { return false }
        let rest = word.dropFirst()
        return rest.first!.isNumber || rest.first == "." || rest.lowercased().hasPrefix("inf") || rest.lowercased() == "nan"
    }
}
