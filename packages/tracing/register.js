// Lets main files write `import '@safeguarding/tracing/register'` (see src/register.ts).
require('./dist/register');
