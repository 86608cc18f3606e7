// Removes this run's compiled app.
const fs = require('fs');

module.exports = async () => {
  if (process.env.NEWSROOM_TEST_DIST) fs.rmSync(process.env.NEWSROOM_TEST_DIST, { recursive: true, force: true });
};
