// Preloaded with `node --import` into each benchmarked process: on exit it
// writes the process's peak resident set size (kilobytes) and CPU time
// (user + system, milliseconds), both from getrusage, as JSON to the file
// named by NHI_BENCH_PEAK_FILE. It adds no work before exit.
import { writeFileSync } from 'node:fs';

const file = process.env.NHI_BENCH_PEAK_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        maxRssKb: usage.maxRSS,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      }),
    );
  });
}
