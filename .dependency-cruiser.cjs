// The import direction of docs/ARCHITECTURE.md#dependency-direction, checked in `npm test`
// (test/architecture/import-direction.test.ts). dependency-cruiser was picked over an
// ESLint boundaries rule because the project has no ESLint and needs none for this; its
// parser is swc because TypeScript 7 ships no JavaScript compiler API to parse with.

/** npm libraries the engine may use: small, well kept, and named here on purpose. */
const ENGINE_LIBRARIES = ['got', 'content-disposition', 'http-proxy-agent', 'https-proxy-agent', 'socks-proxy-agent', 'proxy-from-env', 'ipaddr.js', '@napi-rs/xattr'];

const npm = (names) => `^node_modules/(${names.map((n) => n.replace(/[.+]/g, '\\$&')).join('|')})/`;

module.exports = {
  forbidden: [
    {
      name: 'engine-stays-plain-node',
      comment: 'The engine imports only node:*, its allowlisted libraries and its own files.',
      severity: 'error',
      from: { path: '^main/engine/' },
      to: {
        pathNot: [`^main/engine/`, npm(ENGINE_LIBRARIES)],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'renderer-sees-contract-types-only',
      comment: 'The window imports its own files, UI libraries, the i18n catalogue, the contract names and contract types; never a host or the engine.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(main|preload)/', pathNot: '^main/contract(-names)?\\.ts$' },
    },
    {
      name: 'renderer-imports-no-contract-code',
      comment: 'The contract pulls in zod; the window needs only its types.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^main/contract\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'preload-names-and-electron-only',
      comment: 'The sandboxed preload may require nothing but electron; the command and event names are bundled in.',
      severity: 'error',
      from: { path: '^preload/' },
      to: { pathNot: ['^preload/', '^main/contract(-names)?\\.ts$', '^node_modules/electron/'] },
    },
    {
      name: 'preload-imports-no-contract-code',
      comment: 'The contract pulls in zod; the preload needs only its types (the names come from contract-names.ts).',
      severity: 'error',
      from: { path: '^preload/' },
      to: { path: '^main/contract\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'contract-types-from-engine-only',
      comment: 'The contract depends on zod and on the engine types it names, nothing else.',
      severity: 'error',
      from: { path: '^main/contract(-names)?\\.ts$' },
      to: {
        pathNot: ['^main/contract(-names|-limits)?\\.ts$', '^main/engine/(item|errors|web-url)\\.ts$', '^node_modules/zod/'],
      },
    },
    {
      name: 'contract-limits-stand-alone',
      comment: 'The CLI checks its flags with these limits so that it never loads zod: they import nothing.',
      severity: 'error',
      from: { path: '^main/contract-limits\\.ts$' },
      to: {},
    },
    {
      name: 'contract-names-need-no-library',
      comment: 'The names module goes into the preload bundle: no zod, nothing of the engine but its pure link rule.',
      severity: 'error',
      from: { path: '^main/contract-names\\.ts$' },
      to: { path: '^node_modules/|^main/engine/(?!web-url\\.ts$)' },
    },
    {
      name: 'i18n-is-browser-safe',
      comment:
        'The catalogue is bundled into the window: i18next, its own files and engine types only, no Node. locales-from-disk.ts is the one exception: only Node running the sources loads it, through a specifier bundlers leave alone (see i18n/catalogues.ts).',
      severity: 'error',
      from: { path: '^i18n/', pathNot: '^i18n/locales-from-disk\\.ts$' },
      to: { pathNot: ['^i18n/', '^node_modules/i18next/', '^main/engine/(errors|item)\\.ts$'] },
    },
    {
      name: 'i18n-takes-types-from-the-engine',
      comment: 'Only the shapes of errors and items, never engine code.',
      severity: 'error',
      from: { path: '^i18n/' },
      to: { path: '^main/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'extension-stands-alone',
      comment: 'The browser extension ships unbundled to the browser: its own files only; it talks to the app over loopback HTTP, never by import.',
      severity: 'error',
      from: { path: '^extension/' },
      to: { pathNot: '^extension/' },
    },
    {
      name: 'product-ignores-the-extension',
      comment: 'The app does not import the extension either; what they share is the HTTP protocol of main/host/extension.',
      severity: 'error',
      from: { path: '^(main|preload|renderer|i18n)/' },
      to: { path: '^extension/' },
    },
    {
      name: 'link-rule-imports-nothing',
      comment: 'web-url.ts is bundled into the window and the preload through the names module.',
      severity: 'error',
      from: { path: '^main/engine/web-url\\.ts$' },
      to: {},
    },
    {
      name: 'hosts-over-engine-and-contract',
      comment: 'Hosts use the engine, the contract, the pure host helpers, the stores and the i18n catalogue; never the window or the preload.',
      severity: 'error',
      from: { path: '^main/(electron|web|cli|host|stores)/' },
      to: { path: '^(renderer|preload)/' },
    },
    {
      name: 'engine-does-not-know-hosts',
      comment: 'Hosts depend on the engine, never the other way round.',
      severity: 'error',
      from: { path: '^main/engine/' },
      to: { path: '^(main/(electron|web|cli|host|stores|contract)|renderer|preload|i18n)' },
    },
    {
      name: 'product-ignores-tests-and-bench',
      comment: 'Nothing that ships imports test or bench code.',
      severity: 'error',
      from: { path: '^(main|preload|renderer|i18n|bin)/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle means two files are one concept, or the direction is wrong.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that does not resolve cannot be checked.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: '^node_modules' },
    exclude: { path: '^out/' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
