import { ADAPTERS } from '../helpers/adapters';

/** Issue 9: the behaviour suite runs through every adapter; each jest project has its client factory. */
describe('test adapters', () => {
  it('every adapter jest runs the behaviour suite through has a client factory, and the other way round', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require('../../jest.config.js') as { projects: { displayName: string }[] };
    expect(config.projects.map((p) => p.displayName).sort()).toEqual(Object.keys(ADAPTERS).sort());
  });
});
