/**
 * What every rule sees on a tick: the parameters in force, the world, the tick's shared reading
 * of risk, and a way to log actions. Built once per tick by the model, read by the rules.
 */
import type { Params } from './params';
import type { Streams } from '../../engine/streams';
import type { World } from './world';

export interface TickContext {
  readonly tick: number;
  readonly p: Params;
  readonly w: World;
  readonly streams: Streams;
  /** True risk of mass atrocity from yesterday's state, in [0, 1] (see risk.ts). */
  readonly trueRisk: number;
  /** Risk is high and imminent (trueRisk >= the highRisk parameter). */
  readonly highRisk: boolean;
  /** Share of the non-targeted population that has joined the perpetrators. */
  readonly joinedShare: number;
  /** Set by any organ that spoke out in public today (statements, messages, naming). */
  spoke: boolean;
  /** Intensity of quiet diplomacy with the leadership today (Secretariat and mediators). */
  quietDiplomacy: number;
  log(actor: string, action: string, detail?: string): void;
}
