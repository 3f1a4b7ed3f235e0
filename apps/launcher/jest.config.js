// replicas.test.ts needs a PostgreSQL server (DATABASE_URL): the embedded server is one PGlite
// session shared by every connection and cannot host several processes of a subgraph, so on the
// embedded path that file is not collected (CI runs `npm test` on both paths).
module.exports = {
  preset: '@safeguarding/jest-preset',
  passWithNoTests: false,
  // One file at a time: the replicas test starts 15 processes, which would slow the supervision
  // test's restart (it checks a killed subgraph serves again within 5 s).
  maxWorkers: 1,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', ...(process.env.DATABASE_URL ? [] : ['/test/replicas\\.test\\.ts$'])],
};
