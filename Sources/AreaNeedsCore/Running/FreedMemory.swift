#if canImport(Glibc)
import Glibc
#endif

/// Hands memory that finished work has freed back to the system.
///
/// glibc's allocator keeps freed memory for reuse, in a pool per thread. A stage's worker
/// threads free what they read, and the next stage allocates on other threads, so a run's
/// resident memory grew stage after stage: 87 MB at the end of a national run whose stages
/// each need under 60 MB alone. `malloc_trim` returns the free pages of every pool; it is
/// found at run time, as Swift's Glibc module does not declare it, and skipped where it is
/// missing (another C library).
public enum FreedMemory {
    public static func release() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        // RTLD_DEFAULT: search every loaded library.
        if let trim = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(trim, to: Trim.self)(0)
        }
        #endif
    }
}
