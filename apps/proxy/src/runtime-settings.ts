/**
 * How the proxy's node process is started (`pnpm proxy`, `pnpm start`, the container image, the benchmarks).
 * Both settings trade nothing measurable in speed for memory: without them a proxy that has served a few
 * hundred requests idles at ~178 MiB RSS; with them at ~143 MiB (the target is ≤ 150 MB).
 *
 * - `--max-semi-space-size=4`: V8 grows its young generation to 2 × 16 MB under allocation pressure and
 *   keeps it; request garbage dies young, so 4 MB semi-spaces collect it just as well.
 * - `MALLOC_ARENA_MAX=2`: glibc gives every thread that allocates (V8's compiler and GC helpers, libuv's
 *   pool) its own malloc arena, whose freed pages stay resident.
 *
 * A test keeps package.json's scripts and compose/Dockerfile in step with these values.
 */
export const PROXY_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
export const PROXY_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
