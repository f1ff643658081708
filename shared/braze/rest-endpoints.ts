/** The REST hosts Braze documents (braze.md §4.1). There is no US-09. */
export const BRAZE_REST_ENDPOINTS = [
  { instance: 'US-01', url: 'https://rest.iad-01.braze.com' },
  { instance: 'US-02', url: 'https://rest.iad-02.braze.com' },
  { instance: 'US-03', url: 'https://rest.iad-03.braze.com' },
  { instance: 'US-04', url: 'https://rest.iad-04.braze.com' },
  { instance: 'US-05', url: 'https://rest.iad-05.braze.com' },
  { instance: 'US-06', url: 'https://rest.iad-06.braze.com' },
  { instance: 'US-07', url: 'https://rest.iad-07.braze.com' },
  { instance: 'US-08', url: 'https://rest.iad-08.braze.com' },
  { instance: 'US-10', url: 'https://rest.us-10.braze.com' },
  { instance: 'EU-01', url: 'https://rest.fra-01.braze.eu' },
  { instance: 'EU-02', url: 'https://rest.fra-02.braze.eu' },
  { instance: 'AU-01', url: 'https://rest.au-01.braze.com' },
] as const
