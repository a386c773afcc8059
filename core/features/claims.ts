/** Claims for fact-checking: candidates, claims, their history and cross-checks (core/claims.ts). */
import * as claims from '../claims';
import type { HandlerTable } from './handler';

export const claimHandlers = {
  listClaimCandidates: claims.listClaimCandidates,
  createClaim: claims.createClaim,
  updateClaim: claims.updateClaim,
  listClaims: claims.listClaims,
  claimHistory: claims.claimHistory,
  crossCheckClaims: claims.crossCheckClaims,
  exportClaims: claims.exportClaims,
  deleteClaim: claims.deleteClaim,
  rejectClaimCandidate: claims.rejectClaimCandidate,
  restoreClaimCandidate: claims.restoreClaimCandidate,
} satisfies HandlerTable;
