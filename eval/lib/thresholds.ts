/** Fewer held-out instances than this in a class makes its interval too wide to judge a rule by (issue 14). */
export const MIN_HELDOUT_PER_CLASS = 30;
