// Stands in for ajv in the CLI bundle. conf (the store under plain Node) builds an ajv
// validator only when it is given a schema, and Tsuzuki gives none: its documents are checked
// by the engine as they are read. conf imports ajv and ajv-formats at the top all the same,
// which measured 3-8 MB of resident memory and ~40 ms of start-up for code that never runs.
// Should a schema ever be passed, this fails loudly at once instead of skipping validation.

export class Ajv2020 {
  constructor() {
    throw new Error('The CLI bundle has no JSON-schema validator: conf was given a schema (see scripts/vite/no-schema-validator.ts).');
  }
}

export default { default: () => {} };
