module.exports = {
  preset: '@safeguarding/jest-preset',
  passWithNoTests: false,
  // The end-to-end and platform-ids tests start the federation: build (or reuse) the seeded
  // template their databases are copied from, as the gateway's tests do (testkit).
  globalSetup: require.resolve('@safeguarding/testkit/dist/jest-global-setup.js'),
};
