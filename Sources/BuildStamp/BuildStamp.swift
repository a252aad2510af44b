/// What the build recorded about its sources (the SourceCommit plugin writes `sourceCommit` before
/// each build).
public enum BuildStamp {
    /// The git commit the sources were built from, "+dirty" when a file under Sources/ (tracked or
    /// new) or Package.swift had uncommitted changes; "unknown" when built outside a git checkout.
    public static var commit: String { sourceCommit }
}
