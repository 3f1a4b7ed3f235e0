module.exports = { preset: '@safeguarding/jest-preset' };
