/** Jest: unit specs next to the code, HTTP and database specs under test/. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = {
  '^@it-samverkan/(domain|persistence|files|application)$': '<rootDir>/libs/$1/src',
  '^@it-samverkan/(domain|persistence|files|application)/(.*)$': '<rootDir>/libs/$1/src/$2',
  '^@it-samverkan/config$': '<rootDir>/config',
  '^@it-samverkan/config/(.*)$': '<rootDir>/config/$1',
};
const common = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // ESM-only packages (openid-client and its two dependencies) are compiled to CommonJS like our sources.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|openid-client|oauth4webapi|jose)/)'],
  moduleNameMapper,
  testEnvironment: 'node',
};
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/test/**/*.spec.ts',
      ],
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
