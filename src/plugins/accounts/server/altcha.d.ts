// altcha-lib publishes its types through package "exports" only; the app resolves modules the
// node10 way (tsconfig moduleResolution "Node"), so point TypeScript at the same v2 build.
declare module 'altcha-lib' {
  export * from 'altcha-lib/dist/cjs/v2/index';
}
declare module 'altcha-lib/algorithms/sha' {
  export * from 'altcha-lib/dist/cjs/v2/algorithms/sha';
}
