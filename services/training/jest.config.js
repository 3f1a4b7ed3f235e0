module.exports = {
  preset: '@safeguarding/jest-preset',
  passWithNoTests: false,
  // Builds the migrated and seeded template each test file's database is copied from (testkit).
  globalSetup: require.resolve('@safeguarding/testkit/dist/jest-global-setup.js'),
};
