export * from './align';
export * from './anchors';
export * from './edit';
export { dice, galeChurch, type AlignItem, type Bead, type BeadType, type GaleChurchOptions } from './gale-church';
export { wordDiff } from './word-diff';
