// The plugin's clock: every deadline (restore period, purge) reads it, so tests can move time.
export type Clock = () => Date;

export default () => {
  let clock: Clock = () => new Date();
  return {
    now(): Date {
      return clock();
    },
    /** Tests: replace the clock (undefined restores the real one). */
    set(next?: Clock) {
      clock = next ?? (() => new Date());
    },
  };
};
