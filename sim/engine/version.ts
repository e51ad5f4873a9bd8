/**
 * The engine's name and version, written into every run file beside the model's own versioned
 * name (each kernel's `version`; bump that when the model's results change).
 */
export const ENGINE = { name: 'r2p-sim', version: '0.1.0' } as const;
