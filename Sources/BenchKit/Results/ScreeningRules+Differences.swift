import Foundation

extension ScreeningRules {
    /// The constants of some rules that differ from `standard`, beyond the four tolerances the
    /// report's `screening` object holds: the JSON `configuration.rules` object (absent for the
    /// standard rules, so a run's JSON is as it always was) and the footer's account of them.
    struct Differences: Codable {
        var rules: ScreeningRules

        init(rules: ScreeningRules) { self.rules = rules }

        /// How a field reads and is written.
        enum Field {
            case share(WritableKeyPath<ScreeningRules, Double>)
            case number(WritableKeyPath<ScreeningRules, Double>)
            case count(WritableKeyPath<ScreeningRules, Int>)
            case flag(WritableKeyPath<ScreeningRules, Bool>)
        }

        /// Every constant not in the `screening` object, by its JSON name.
        static var fields: [(name: String, field: Field)] {
            [("band_reach", .share(\.bandReach)), ("band_floor_share", .share(\.bandFloorShare)),
             ("band_floor_readings", .count(\.bandFloorReadings)), ("consensus_minimum_pieces", .count(\.consensusMinimumPieces)),
             ("reference_percentile", .number(\.referencePercentile)), ("own_test_minimum_samples", .count(\.ownTestMinimumSamples)),
             ("own_reach", .share(\.ownReach)), ("state_split", .share(\.stateSplit)),
             ("speed_states", .flag(\.selectsSpeedState)), ("kernel_paces", .flag(\.selectsKernelPace)),
             ("pace_quorum", .count(\.paceQuorum)), ("disagreement_tolerance", .share(\.disagreementTolerance))]
        }

        /// The fields whose value differs from the standard rules', in `fields` order.
        var differing: [(name: String, field: Field)] {
            let standard = ScreeningRules.standard
            return Self.fields.filter { _, field in
                switch field {
                case .share(let path), .number(let path): return rules[keyPath: path] != standard[keyPath: path]
                case .count(let path): return rules[keyPath: path] != standard[keyPath: path]
                case .flag(let path): return rules[keyPath: path] != standard[keyPath: path]
                }
            }
        }

        var isEmpty: Bool { differing.isEmpty }

        /// "band reach 30%", "speed states off": one phrase per differing field.
        var phrases: [String] {
            differing.map { name, field in
                let label = name.replacingOccurrences(of: "_", with: " ")
                switch field {
                case .share(let path): return "\(label) \(ThroughputReport.percent(rules[keyPath: path]))"
                case .number(let path): return "\(label) \(ThroughputReport.threeDigits(rules[keyPath: path]))"
                case .count(let path): return "\(label) \(rules[keyPath: path])"
                case .flag(let path): return "\(label) \(rules[keyPath: path] ? "on" : "off")"
                }
            }
        }

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            rules = .standard
            for (name, field) in Self.fields {
                let key = Key(stringValue: name)
                guard container.contains(key) else { continue }
                switch field {
                case .share(let path), .number(let path): rules[keyPath: path] = try container.decode(Double.self, forKey: key)
                case .count(let path): rules[keyPath: path] = try container.decode(Int.self, forKey: key)
                case .flag(let path): rules[keyPath: path] = try container.decode(Bool.self, forKey: key)
                }
            }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (name, field) in differing {
                let key = Key(stringValue: name)
                switch field {
                case .share(let path), .number(let path): try container.encode(rules[keyPath: path], forKey: key)
                case .count(let path): try container.encode(rules[keyPath: path], forKey: key)
                case .flag(let path): try container.encode(rules[keyPath: path], forKey: key)
                }
            }
        }
    }
}
