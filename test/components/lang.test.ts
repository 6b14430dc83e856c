import { describe, expect, it } from 'vitest';
import { langOf } from '../../src/messages/index.js';

describe('one language rule', () => {
  it('reads English from an en tag and Vietnamese from anything else', () => {
    expect(['en', 'EN-gb', ' en-US ', 'vi', 'vi-VN', '', null, undefined, 'fr'].map(langOf)).toEqual(['en', 'en', 'en', 'vi', 'vi', 'vi', 'vi', 'vi', 'vi']);
  });
});
