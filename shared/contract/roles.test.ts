import { describe, expect, it } from 'vitest';
import { mayCall, METHOD_ROLES, refusalMessage, refusedRole, requiredRole, roleAtLeast, ROLES } from './roles';
import { accountCaller, callerContext } from './caller';
import { methodNames } from './api';

describe('roles', () => {
  it('orders reviewer < lead < admin', () => {
    expect(roleAtLeast('reviewer', 'reviewer')).toBe(true);
    expect(roleAtLeast('reviewer', 'lead')).toBe(false);
    expect(roleAtLeast('lead', 'reviewer')).toBe(true);
    expect(roleAtLeast('lead', 'admin')).toBe(false);
    expect(roleAtLeast('admin', 'lead')).toBe(true);
  });

  it('lists every contract method once, and nothing else', () => {
    expect(Object.keys(METHOD_ROLES).sort()).toEqual([...methodNames].sort());
  });

  it('reads the role of a call from its arguments where what it does decides', () => {
    expect(requiredRole('setStatus', { segmentIds: [1], status: 'edited' })).toBe('reviewer');
    expect(requiredRole('setStatus', { segmentIds: [1], status: 'approved' })).toBe('lead');
    expect(requiredRole('setEnglishStatus', { segmentIds: [1], status: 'approved' } as never)).toBe('lead');
    expect(requiredRole('updateClaim', { claimId: 1, verdict: 'false' })).toBe('reviewer');
    expect(requiredRole('updateClaim', { claimId: 1, status: 'published' })).toBe('lead');
    expect(requiredRole('exportClaims', { documentId: 1, format: 'csv' })).toBe('reviewer');
    expect(requiredRole('exportClaims', { documentId: 1, format: 'claimreview' })).toBe('lead');
    expect(requiredRole('dismissFinding', { findingId: 1, reason: 'x', scope: 'one' })).toBe('lead');
    expect(requiredRole('saveGlossaryEntry', {} as never)).toBe('lead');
    expect(requiredRole('addUser', { name: 'a', role: 'reviewer' })).toBe('admin');
    expect(requiredRole('editSegment', { segmentId: 1, text: 'x' })).toBe('reviewer');
    // save and approve in one step (Ctrl+Enter) approves: a lead's, like setStatus 'approved'
    expect(requiredRole('editSegment', { segmentId: 1, text: 'x', approve: true })).toBe('lead');
    expect(requiredRole('editSegment', { segmentId: 1, text: 'x', approve: false })).toBe('reviewer');
    expect(requiredRole('editEnglish', { segmentId: 1, text: 'x', approve: true })).toBe('lead');
    expect(requiredRole('editEnglish', { segmentId: 1, text: 'x' })).toBe('reviewer');
  });

  it('lets a caller without an account (local use) do everything', () => {
    for (const m of methodNames) expect(refusedRole(callerContext('window', 1), m, { status: 'approved', format: 'claimreview' } as never)).toBeNull();
    expect(mayCall(null, 'addUser')).toBe(true);
  });

  it('refuses by the caller account role', () => {
    const reviewer = accountCaller('server', '10.0.0.2', { name: 'Ann', role: 'reviewer' });
    const lead = accountCaller('server', '10.0.0.3', { name: 'Lee', role: 'lead' });
    expect(refusedRole(reviewer, 'setStatus', { segmentIds: [1], status: 'approved' })).toBe('lead');
    expect(refusedRole(lead, 'setStatus', { segmentIds: [1], status: 'approved' })).toBeNull();
    expect(refusedRole(lead, 'listUsers', {})).toBe('admin');
    expect(reviewer.reviewer).toBe('Ann');
    expect(mayCall({ role: 'reviewer' }, 'saveGlossaryEntry')).toBe(false);
    expect(mayCall({ role: 'reviewer' }, 'setStatus', { status: 'approved' })).toBe(false);
    expect(mayCall({ role: 'reviewer' }, 'setStatus', { status: 'edited' })).toBe(true);
    expect(mayCall({ role: 'lead' }, 'updateClaim', { status: 'published' })).toBe(true);
  });

  it('says who was refused what and which role it takes', () => {
    expect(refusalMessage({ name: 'Ann', role: 'reviewer' }, 'dismissFinding', 'lead')).toBe('Ann is a reviewer; "dismiss finding" needs the lead role. Ask a team admin.');
    expect(ROLES).toEqual(['reviewer', 'lead', 'admin']);
  });
});
