// Preloaded (`node -r`) into a process the start-up bench times: at exit it writes the process's CPU time and
// peak memory on standard error, which the bench reads (what Node counted for the whole process).
const { writeSync } = require('node:fs');

process.on('exit', () => {
  const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
  writeSync(2, `\nkehoach-bench-usage ${JSON.stringify({ cpuMs: (userCPUTime + systemCPUTime) / 1000, peakRssMb: maxRSS / 1024 })}\n`);
});
