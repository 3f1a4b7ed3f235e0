// replicas.test.ts needs a PostgreSQL server (DATABASE_URL): the embedded server is one PGlite
// session shared by every connection and cannot host several processes of a subgraph, so on the
// embedded path that file is not collected (CI runs `npm test` on both paths).
module.exports = {
  preset: '@safeguarding/jest-preset',
  passWithNoTests: false,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', ...(process.env.DATABASE_URL ? [] : ['/test/replicas\\.test\\.ts$'])],
};
