/**
 * Which code this bench process runs: 'bundle' when scripts/bench.mjs built it with the CLI
 * bundle's options (the define there replaces the expression below), 'source' when it runs
 * the TypeScript through tsx, whose name-keeping helpers the shipped app does not have.
 */
export const BENCH_BUILD: 'bundle' | 'source' = process.env.JIAODUI_BENCH_BUILD === 'bundle' ? 'bundle' : 'source';
