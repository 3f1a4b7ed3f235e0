/**
 * Shared jest settings: TypeScript through swc with decorator metadata (TypeORM reads it), tests in
 * each workspace's test/ folder, and generous time for starting databases (never for speed checks).
 */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      require.resolve('@swc/jest'),
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 120000,
  // Keeps memory flat: two cores, many test files each with its own database.
  maxWorkers: 2,
};
