// Types of bin/bundle.js (plain JavaScript, so the entry runs before anything compiles).
export declare const BUILD_DIR: string;
export declare function sourceDigest(srcDir?: string): string;
export declare function bundleDir(): string;
export declare function buildBundle(options?: { entries?: Record<string, string>; dir?: string }): Promise<string>;
export declare function loadMain(): Promise<(argv: string[], options: { signal: AbortSignal }) => Promise<number>>;
