import Foundation

/// SIGINT or SIGTERM while a command measures: say that no report was written and exit as the
/// signal would have (128 + signal). Reports are written atomically at the end, so nothing partial
/// is left either way; this says so, as the multi-process run does (`ProcessFanOut`). A signal the
/// caller set to be ignored (a background job's SIGINT) stays ignored.
enum Interruption {
    static func sayNothingWritten() {
        for signal in [SIGINT, SIGTERM] {
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0, current.__sigaction_handler.sa_handler == nil else { continue }
            Foundation.signal(signal) { received in
                // Only async-signal-safe calls here: write(2) of a literal, then _exit.
                let text: StaticString = "\nbench: interrupted; no report written\n"
                _ = write(2, text.utf8Start, text.utf8CodeUnitCount)
                _exit(128 + received)
            }
        }
    }
}
