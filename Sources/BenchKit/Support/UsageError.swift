/// Bad input from the user (an unknown name, a bad size or distribution): the command line reports
/// the message on one line and exits 64 (EX_USAGE).
public struct UsageError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
