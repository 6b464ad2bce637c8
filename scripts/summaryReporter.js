/**
 * Prints the run's totals as the very last line (`jest: N passed, N failed, N skipped`), the plain closing-line
 * format CI reads. Written at process exit so it follows Jest's own summary.
 */
const fs = require('fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const line = `\njest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`;
    process.once('exit', () => fs.writeSync(process.stdout.fd, line));
  }
}

module.exports = SummaryReporter;
