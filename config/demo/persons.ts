/**
 * The demo's people, one per kind of user: finance of the host and of the partner, the
 * tjänstefiering group, the steering group, and an administrator. They share one password,
 * generated when the demo is loaded and printed once.
 */
export const DEMO_PERSONS = [
  {
    username: 'ekonomi.ulricehamn',
    displayName: 'Anna Lind (ekonomi, Ulricehamn)',
    role: 'finance',
    scope: 'ulricehamn',
  },
  {
    username: 'ekonomi.tranemo',
    displayName: 'Tomas Berg (ekonomi, Tranemo)',
    role: 'finance',
    scope: 'tranemo',
  },
  {
    username: 'tjanstefiering',
    displayName: 'Sara Holm (tjänstefieringsgruppen)',
    role: 'tjanstefiering',
    scope: null,
  },
  { username: 'styrgrupp', displayName: 'Per Ek (IT-styrgruppen)', role: 'styrgrupp', scope: null },
  { username: 'admin', displayName: 'Demoadministratör', role: 'admin', scope: null },
  { username: 'drift', displayName: 'Lena Ström (IT-forum drift)', role: 'drift', scope: null },
  {
    username: 'utveckling',
    displayName: 'Omar Nilsson (IT-forum utveckling)',
    role: 'utveckling',
    scope: null,
  },
] as const;
