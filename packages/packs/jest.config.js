module.exports = { preset: '@safeguarding/jest-preset', passWithNoTests: false };
