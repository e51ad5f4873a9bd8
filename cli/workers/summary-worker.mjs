// Piscina worker entry: the engine is TypeScript, so register tsx before loading the task.
import { register } from 'tsx/esm/api';

register();
const task = await import('./summary-task.ts');
export default task.default;
