import fc from 'fast-check';
import { selectSurveyTickets, SURVEY_INTERVAL } from './survey-selection';

describe('survey selection: every 4th closed ticket by resolved time, then id', () => {
  it('chooses positions 4, 8, 12 … of the ordered tickets', () => {
    const closed = Array.from({ length: 13 }, (_, i) => ({
      id: `T-${String(13 - i).padStart(2, '0')}`,
      resolved: 1000 * (13 - i),
    }));
    const selected = selectSurveyTickets(closed);
    expect(selected.map((s) => [s.position, s.ticket.id])).toEqual([
      [4, 'T-04'],
      [8, 'T-08'],
      [12, 'T-12'],
    ]);
  });

  it('breaks ties on resolved time by id in code-unit order (not locale order)', () => {
    const closed = ['b', 'a', 'B', 'Ä', 'c'].map((id) => ({ id, resolved: 5 }));
    // code units: 'B' (66) < 'a' (97) < 'b' < 'c' < 'Ä' (196)
    expect(selectSurveyTickets([...closed, { id: 'z', resolved: 1 }]).map((s) => s.ticket.id)).toEqual(['b']);
    // B, a, b, c, Ä, x, y, z → positions 4 and 8
    const later = [
      { id: 'z', resolved: 9 },
      { id: 'y', resolved: 9 },
      { id: 'x', resolved: 9 },
    ];
    expect(selectSurveyTickets([...closed, ...later]).map((s) => s.ticket.id)).toEqual(['c', 'z']);
  });

  it('is reproducible: the same tickets in any order give the same selection, ⌊n/4⌋ of them', () => {
    const tickets = fc.uniqueArray(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), resolved: fc.integer({ min: 0, max: 50 }) }),
      {
        selector: (t) => t.id,
        maxLength: 60,
      },
    );
    fc.assert(
      fc.property(tickets, fc.integer(), (list, seed) => {
        const shuffled = [...list].sort((a, b) => (hash(a.id, seed) - hash(b.id, seed)) | 0);
        const first = selectSurveyTickets(list).map((s) => s.ticket.id);
        expect(selectSurveyTickets(shuffled).map((s) => s.ticket.id)).toEqual(first);
        expect(first).toHaveLength(Math.floor(list.length / SURVEY_INTERVAL));
      }),
    );
  });
});

function hash(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16_777_619);
  return h;
}
