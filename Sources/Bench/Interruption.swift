import Foundation

/// SIGINT or SIGTERM while a command measures: say that no report was written, then die of the
/// signal (so a shell loop around bench stops, as it does for a killed child). Reports are written
/// atomically at the end, so nothing partial is left either way; this says so, as the multi-process
/// run does (`ProcessFanOut`). A signal the caller set to be ignored (a background job's SIGINT)
/// stays ignored, and the default comes back once the measuring is over.
enum Interruption {
    static func whileMeasuring<T>(_ body: () throws -> T) rethrows -> T {
        let installed = [SIGINT, SIGTERM].filter { signal in
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0, isDefault(current) else { return false }
            Foundation.signal(signal) { received in
                // Only async-signal-safe calls here: write(2) of a literal, then the default action.
                let text: StaticString = "\nbench: interrupted; no report written\n"
                _ = write(2, text.utf8Start, text.utf8CodeUnitCount)
                Foundation.signal(received, SIG_DFL)
                raise(received)
            }
            return true
        }
        defer { for signal in installed { Foundation.signal(signal, SIG_DFL) } }
        return try body()
    }

    private static func isDefault(_ action: sigaction) -> Bool {
        #if canImport(Glibc)
        return action.__sigaction_handler.sa_handler == nil
        #else
        return action.__sigaction_u.__sa_handler == nil
        #endif
    }
}
