#if canImport(Glibc)
import Glibc
#endif

/// How the C library's allocator keeps memory, set for a run of the stages.
///
/// glibc's allocator gives each thread that allocates a pool of its own and keeps freed
/// memory in the pools for reuse. A stage's worker threads free what they read, and the
/// next stage allocates on other threads, so a run's resident memory grew stage after
/// stage: 71 MB at the end of a national run whose stages each need under 60 MB alone.
/// One pool shared by every thread (63 MB, and no slower on the benchmark's two cores),
/// and handing free pages back between stages, keep it to what the stages need: without
/// them, a national run's peak memory was 6 to 20% higher.
///
/// `mallopt` and `malloc_trim` are found at run time, as Swift's Glibc module does not
/// declare them, and skipped where they are missing (another C library).
public enum MemoryPools {
    /// Makes threads created from now on share one pool (glibc's M_ARENA_MAX = 1).
    public static func shareOnePool() {
        #if canImport(Glibc)
        typealias Option = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8  // M_ARENA_MAX in malloc.h
        if let mallopt = symbol("mallopt") { _ = unsafeBitCast(mallopt, to: Option.self)(arenaMax, 1) }
        #endif
    }

    /// Returns the free pages of every pool to the system.
    public static func releaseFreed() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        if let trim = symbol("malloc_trim") { _ = unsafeBitCast(trim, to: Trim.self)(0) }
        #endif
    }

    #if canImport(Glibc)
    private static func symbol(_ name: String) -> UnsafeMutableRawPointer? {
        // RTLD_DEFAULT (a null handle): search every loaded library.
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name)
    }
    #endif
}
