import { describe, expect, it } from 'vitest';
import { mergeLoaded } from './loaded-form';

describe('mergeLoaded', () => {
  const loaded = { provider: 'libretranslate', url: 'http://127.0.0.1:5000', model: '' };
  it('takes the stored values for the fields nobody touched', () => {
    expect(mergeLoaded(loaded, { provider: 'openai', url: '', model: '' }, new Set())).toEqual(loaded);
  });
  it('keeps what was typed before the values arrived', () => {
    expect(mergeLoaded(loaded, { provider: 'openai', url: 'http://10.0.0.2:8080/v1', model: '' }, new Set(['url'] as const))).toEqual({
      provider: 'libretranslate',
      url: 'http://10.0.0.2:8080/v1',
      model: '',
    });
  });
});
