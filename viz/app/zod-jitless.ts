/**
 * zod compiles its object validators with `new Function` unless told not to; the page's CSP
 * (script-src 'self', no 'unsafe-eval') refuses that and reports each attempt. The scenarios and
 * the sweep tools validate with zod, so zod is put in its jitless mode before any schema is
 * built: this module is imported first, by main.ts (and by sweep-core.ts, its own chunk).
 */
import * as z from 'zod';

z.config({ jitless: true });
