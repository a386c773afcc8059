import { describe, expect, it } from 'vitest';
import { em } from '../../../shared/error-messages';
import { JiaoduiError } from '../../../shared/errors';
import { isEmptyUndoStack } from './undo-steps';

describe('undo or redo with no step to take', () => {
  it('is the conflict refusal keyed nothing-to-undo or nothing-to-redo, as the clients rebuild it', () => {
    expect(isEmptyUndoStack(new JiaoduiError('conflict', em('conflict.nothing-to-undo')))).toBe(true);
    expect(isEmptyUndoStack(new JiaoduiError('conflict', em('conflict.nothing-to-redo')))).toBe(true);
  });

  it('any other refusal is a failure to show as one', () => {
    // an undo refused because someone changed the text since: a real refusal
    expect(isEmptyUndoStack(new JiaoduiError('conflict', 'Cannot undo "Edit segment 5": bob changed it since.'))).toBe(false);
    expect(isEmptyUndoStack(new JiaoduiError('team-unreachable', 'The team server cannot be reached.'))).toBe(false);
    expect(isEmptyUndoStack(new Error('Nothing to undo.'))).toBe(false);
    expect(isEmptyUndoStack(null)).toBe(false);
    expect(isEmptyUndoStack('Nothing to undo.')).toBe(false);
  });
});
