/**
 * How the proxy's node process is started (`pnpm proxy`, `pnpm start`, the container image, the benchmarks).
 *
 * - `--max-semi-space-size=4`: V8 grows its young generation to 2 × 16 MB under allocation pressure and
 *   keeps it; request garbage dies young, so 4 MB semi-spaces collect it just as well. With the next setting,
 *   a proxy that has served a few hundred requests idles at ~143 MiB RSS instead of ~178 MiB.
 * - `MALLOC_ARENA_MAX=2`: glibc gives every thread that allocates (V8's compiler and GC helpers, libuv's
 *   pool) its own malloc arena, whose freed pages stay resident.
 * - `--v8-pool-size=1`: one V8 background thread for concurrent compilation and GC. With one per core, on a
 *   2-core machine they preempted the event loop for a scheduler slice (~5 ms) while the detectors' code was
 *   being optimized: the p99 of the first 1000 new 4 KB messages fell from ~5 ms to ~1.3 ms, and new-body
 *   throughput rose by a quarter. On many cores a larger pool may serve better; measure before raising it.
 *
 * A test keeps package.json's scripts and compose/Dockerfile in step with these values.
 */
export const PROXY_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--v8-pool-size=1'];
export const PROXY_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
