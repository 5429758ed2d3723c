import { describe, expect, it } from 'vitest';
import { counted, exportLabel } from './counted';

describe('counted labels', () => {
  it('agree with their number', () => {
    expect(counted(1, 'row')).toBe('1 row');
    expect(counted(0, 'row')).toBe('0 rows');
    expect(counted(1204, 'entry', 'entries')).toBe('1,204 entries');
  });

  it('never offer to export "these 1 contact"', () => {
    expect(exportLabel(1, true, 'contact')).toBe('Export this contact as CSV');
    expect(exportLabel(1, false, 'organisation')).toBe('Export the one organisation as CSV');
    expect(exportLabel(12, true, 'contact')).toBe('Export these 12 contacts as CSV');
    expect(exportLabel(1500, false, 'contact')).toBe('Export all 1,500 contacts as CSV');
  });
});
