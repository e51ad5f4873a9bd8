/** Engine version, written into every run file. Bump the model part when results change. */
export const ENGINE = { name: 'r2p-sim', version: '0.1.0', model: 'r2p-luck-2018/1' } as const;
