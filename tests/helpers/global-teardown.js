// Removes this run's compiled app (never a prebuilt one: other suites of the run share it).
const fs = require('fs');

module.exports = async () => {
  if (process.env.NEWSROOM_TEST_DIST && !process.env.NEWSROOM_PREBUILT_DIST) fs.rmSync(process.env.NEWSROOM_TEST_DIST, { recursive: true, force: true });
};
