/** Claims for fact-checking: candidates, claims, their history and cross-checks (core/claims.ts). */
import * as claims from '../claims';
import type { HandlerTable } from './handler';

export const claimHandlers = {
  listClaimCandidates: claims.listClaimCandidates,
  createClaim: claims.createClaim,
  addClaim: claims.addClaim,
  updateClaim: claims.updateClaim,
  addClaimEvidence: claims.addClaimEvidence,
  removeClaimEvidence: claims.removeClaimEvidence,
  listClaims: claims.listClaims,
  claimsReport: claims.claimsReport,
  listPeople: claims.listPeople,
  getClaimReviewSettings: claims.claimReviewSettings,
  updateClaimReviewSettings: claims.updateClaimReviewSettings,
  claimHistory: claims.claimHistory,
  crossCheckClaims: claims.crossCheckClaims,
  exportClaims: claims.exportClaims,
  deleteClaim: claims.deleteClaim,
  rejectClaimCandidate: claims.rejectClaimCandidate,
  restoreClaimCandidate: claims.restoreClaimCandidate,
} satisfies HandlerTable;
