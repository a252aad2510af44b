import CKernels

/// Pins the calling thread (and threads it starts later) to one CPU, so a single-threaded run is not
/// migrated between cores mid-sample.
public enum CPUAffinity {
    public enum PinError: Error, CustomStringConvertible {
        case outOfRange(cpu: Int, available: Int)
        case unsupported
        case failed(cpu: Int, errno: Int32)

        public var description: String {
            switch self {
            case .outOfRange(let cpu, let available):
                return "--cpu \(cpu) is out of range: this machine has CPUs 0...\(available - 1)"
            case .unsupported: return "--cpu is supported on Linux only"
            case .failed(let cpu, let code): return "cannot pin to CPU \(cpu): errno \(code)"
            }
        }
    }

    public static func pin(to cpu: Int, available: Int) throws(PinError) {
        guard cpu >= 0, cpu < available else { throw .outOfRange(cpu: cpu, available: available) }
        let result = ck_pin_to_cpu(Int32(cpu))
        if result == -1 { throw .unsupported }
        if result != 0 { throw .failed(cpu: cpu, errno: result) }
    }
}
