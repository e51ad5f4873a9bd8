/** Types of cli/build.mjs (a plain script, so that the bin can run it before anything is compiled). */
export declare const OUT_DIR: string;
export declare const ENTRY: string;
export declare function isStale(): boolean;
export declare function build(): Promise<void>;
export declare function ensureBuilt(): Promise<string | null>;
