// Preloaded (`node -r out/bench/exitStats.js …`) into a measured process, such as the shipped
// CLI, that cannot print its own figures: on exit it writes the process's wall time since it
// started and its peak RSS to the file named by BENCH_STATS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_STATS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, JSON.stringify({ ms: performance.now(), maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  });
}
