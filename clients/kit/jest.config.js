module.exports = {
  preset: '@safeguarding/jest-preset',
  passWithNoTests: false,
  // Apollo Client 4 warns (cache data loss, missing fields) only in its development build, which the
  // "development" export condition selects; the test asserts there are no warnings, so it must see them.
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons', 'development'] },
  // Builds the migrated and seeded template each test file's database is copied from (testkit).
  globalSetup: require.resolve('@safeguarding/testkit/dist/jest-global-setup.js'),
};
