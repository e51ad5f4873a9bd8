/**
 * The main model's stream names, one per agent kind and purpose (see sim/engine/streams.ts for
 * what a named stream is). Renaming one redraws its numbers, so these are part of the results.
 */
/** Set-up streams are drawn at tick -1; the others at each tick. */
export const STREAM = {
  network: 'setup/network',
  traits: 'setup/population-traits',
  council: 'setup/council-members',
  population: 'population/decide',
  leadership: 'leadership/decide',
  secretariat: 'un/secretariat',
  councilVote: 'un/council-vote',
  assembly: 'un/general-assembly',
  consent: 'host/consent',
  mediator: 'mediator',
} as const;
