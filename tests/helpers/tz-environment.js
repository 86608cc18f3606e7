// Jest's node environment with the process time zone set for the test file (testEnvironmentOptions.timezone)
// and restored afterwards: V8 reads TZ for the whole process, so the suite sees a server in that zone.
const { TestEnvironment } = require('jest-environment-node');

class TimeZoneEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.timezone = config.projectConfig.testEnvironmentOptions.timezone;
  }

  async setup() {
    await super.setup();
    this.previous = process.env.TZ;
    process.env.TZ = this.timezone;
  }

  async teardown() {
    if (this.previous === undefined) delete process.env.TZ;
    else process.env.TZ = this.previous;
    await super.teardown();
  }
}

module.exports = TimeZoneEnvironment;
