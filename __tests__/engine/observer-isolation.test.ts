import { KmsVault } from '../../src';

describe('observers are isolated from each other and from the caller', () => {
  it('an observer removed while observers are being told does not make the next one miss the call', () => {
    const vault = new KmsVault({ seed: 'observers' });
    const seen: string[] = [];
    const off = vault.observers.add('once', () => {
      seen.push('once');
      off();
    });
    vault.observers.add('after', (event) => seen.push(`after:${event.operation}`));
    vault.execute('ListKeys', {});
    vault.execute('ListKeys', {});
    expect(seen).toEqual(['once', 'after:ListKeys', 'after:ListKeys']);
    expect(vault.observers.names).not.toContain('once');
  });

  it('an observer added while observers are being told sees only later calls', () => {
    const vault = new KmsVault({ seed: 'observers' });
    const seen: string[] = [];
    vault.observers.add('adder', () => {
      if (!vault.observers.has('late')) vault.observers.add('late', (event) => seen.push(event.operation));
    });
    vault.execute('ListKeys', {});
    expect(seen).toEqual([]);
    vault.execute('CreateKey', {});
    expect(seen).toEqual(['CreateKey']);
  });

  it('an observer that throws changes neither the answer nor what the other observers see, and is reported once as a warning', () => {
    const vault = new KmsVault({ seed: 'observers' });
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning.message);
    const emitWarning = jest
      .spyOn(process, 'emitWarning')
      .mockImplementation((warning: string | Error) => onWarning(typeof warning === 'string' ? new Error(warning) : warning));
    try {
      const events: string[] = [];
      vault.observers.add('boom', (event) => {
        if (event.error === undefined) throw new Error('observer bug');
      });
      vault.observers.add('after', (event) => events.push(event.operation + (event.error ? `!${event.error.name}` : '')));
      const created = vault.execute('CreateKey', {});
      expect(created.KeyMetadata).toBeDefined();
      vault.execute('ListKeys', {});
      expect(vault.execute('ListKeys', {}).Keys).toHaveLength(1);
      expect(events).toEqual(['CreateKey', 'ListKeys', 'ListKeys']);
      expect(vault.history.map((call) => call.operation + (call.error ? '!' : ''))).toEqual(['CreateKey', 'ListKeys', 'ListKeys']);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain("'boom'");
      expect(warnings[0]).toContain('observer bug');
    } finally {
      emitWarning.mockRestore();
    }
  });
});
