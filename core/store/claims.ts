/** The claims' part of the store: figures and claims, their history, candidate decisions. */
import type { Db } from '../../db/connection';
import * as cq from '../../db/queries/claims';
import { on } from './bind';

export type { NewClaim, ClaimField, CandidateDecision } from '../../db/queries/claims';

export function claimStore(db: Db) {
  return {
    documentClaims: on(db, cq.listClaimsOfDocument),
    segmentClaims: on(db, cq.listClaimsOfSegment),
    claim: on(db, cq.getClaim),
    addClaim: on(db, cq.insertClaim),
    setClaimField: on(db, cq.updateClaimField),
    setClaimQuantities: on(db, cq.updateClaimQuantities),
    setClaimAnchor: on(db, cq.updateClaimAnchor),
    moveClaim: on(db, cq.moveClaim),
    addClaimHistory: on(db, cq.insertClaimHistory),
    claimHistory: on(db, cq.claimHistory),
    /** When the claim was deleted (null: it is not; undefined: no such claim). */
    claimDeletedAt: on(db, cq.claimDeletedAt),
    setClaimDeleted: on(db, cq.setClaimDeleted),
    candidateDecisions: on(db, cq.listCandidateDecisions),
    addCandidateDecision: on(db, cq.insertCandidateDecision),
    copyCandidateDecision: on(db, cq.copyCandidateDecision),
    candidateDecisionQuotesOfSegment: on(db, cq.candidateDecisionQuotesOfSegment),
    deleteCandidateDecision: on(db, cq.deleteCandidateDecision),
    claimCountsByStatus: on(db, cq.claimCountsByStatus),
    projectClaimants: on(db, cq.projectClaimants),
    projectSpeakers: on(db, cq.projectSpeakers),
    /** Turn a claim label's live annotations into claims (migration 013 and updateLabel's `claim: true`). */
    claimsFromLabelAnnotations: on(db, cq.claimsFromLabelAnnotations),
  };
}
