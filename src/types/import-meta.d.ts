// `import.meta.bundleUrl`: set in the CLI bundle only (bin/bundle.js rewrites it to the bundled
// chunk's own URL, where `import.meta.url` names the TypeScript source). Undefined under tsx.
interface ImportMeta {
  readonly bundleUrl?: string;
}
