import fc from 'fast-check';
import { costShareKeyPrefix, creditedLineOf, formatSourceKey, parseSourceKey, SourceKey } from './source-key';

describe('source keys: one text per line, built and read in one place', () => {
  it('writes each kind as before, so stored keys keep their meaning', () => {
    expect(
      formatSourceKey({
        kind: 'cost-share',
        period: '2025-Q1',
        consumerId: 'tra-oms',
        serviceId: 'arbetsplats',
      }),
    ).toBe('cost-share:2025-Q1:tra-oms:arbetsplats');
    expect(formatSourceKey({ kind: 'agreement', agreementId: 'a1', period: '2025-Q2' })).toBe(
      'agreement:a1:2025-Q2',
    );
    expect(formatSourceKey({ kind: 'settlement', year: 2025, consumerId: 'tra-oms' })).toBe(
      'settlement:2025:tra-oms',
    );
    expect(formatSourceKey({ kind: 'credit', creditNoteId: 'n1', creditedLineId: 'l7' })).toBe(
      'credit:n1:l7',
    );
    expect(formatSourceKey({ kind: 'on-call', incidentId: 'INC-1' })).toBe('on-call:INC-1');
    expect(formatSourceKey({ kind: 'development', hoursId: 'h1' })).toBe('development:h1');
  });

  it('reads them back; an incident id with a colon stays whole', () => {
    expect(parseSourceKey('on-call:TOP:2025:7')).toEqual({ kind: 'on-call', incidentId: 'TOP:2025:7' });
    expect(creditedLineOf('credit:9f1c:4b2a')).toBe('4b2a');
    expect(parseSourceKey('settlement:2025:bolag-ue')).toEqual({
      kind: 'settlement',
      year: 2025,
      consumerId: 'bolag-ue',
    });
  });

  it('manual and unknown keys are not run keys', () => {
    expect(parseSourceKey('test:123')).toBeNull();
    expect(parseSourceKey('credit:only-one')).toBeNull();
    expect(parseSourceKey('settlement:20x5:a')).toBeNull();
    expect(() => creditedLineOf('cost-share:2025-Q1:a:b')).toThrow(
      expect.objectContaining({ code: 'SOURCE_KEY_INVALID' }),
    );
  });

  it('a year’s cost-share keys share its prefix, whatever the period kind', () => {
    for (const period of ['2025', '2025-03', '2025-Q4', '2025-T2'])
      expect(
        formatSourceKey({ kind: 'cost-share', period, consumerId: 'c', serviceId: 's' }).startsWith(
          costShareKeyPrefix(2025),
        ),
      ).toBe(true);
  });

  it('property: parse(format(key)) is the key', () => {
    const id = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    const key: fc.Arbitrary<SourceKey> = fc.oneof(
      fc.record({
        kind: fc.constant('cost-share' as const),
        period: fc.constantFrom('2025-Q1', '2025', '2025-11'),
        consumerId: id,
        serviceId: id,
      }),
      fc.record({
        kind: fc.constant('agreement' as const),
        agreementId: id,
        period: fc.constantFrom('2025-Q1', '2026-T3'),
      }),
      fc.record({
        kind: fc.constant('on-call' as const),
        incidentId: fc.stringMatching(/^[A-Za-z0-9:-]{1,20}$/),
      }),
      fc.record({ kind: fc.constant('development' as const), hoursId: id }),
      fc.record({
        kind: fc.constant('settlement' as const),
        year: fc.integer({ min: 2000, max: 2099 }),
        consumerId: id,
      }),
      fc.record({ kind: fc.constant('credit' as const), creditNoteId: id, creditedLineId: id }),
    );
    fc.assert(fc.property(key, (k) => expect(parseSourceKey(formatSourceKey(k))).toEqual(k)));
  });
});
