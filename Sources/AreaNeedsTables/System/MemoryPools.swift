/// How the C library's allocator keeps memory, set for a run of the stages.
///
/// glibc's allocator gives each thread that allocates a pool of its own and keeps freed
/// memory in the pools for reuse. A stage's worker threads free what they read, and the
/// next stage allocates on other threads, so a run's resident memory grew stage after
/// stage: 71 MB at the end of a national run whose stages each need under 60 MB alone.
/// One pool shared by every thread (63 MB, and no slower on the benchmark's two cores),
/// and handing free pages back between stages, keep it to what the stages need: without
/// them, a national run's peak memory was 6 to 20% higher.
package enum MemoryPools {
    /// Makes threads created from now on share one pool.
    package static func shareOnePool() {
        SystemCalls.shareOneAllocatorPool()
    }

    /// Returns the free pages of every pool to the system.
    package static func releaseFreed() {
        SystemCalls.releaseFreedMemory()
    }
}
