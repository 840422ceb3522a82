/**
 * A registry extended `with` data, or with some of its documents left out
 * (`without`), answers every look-up as a registry built from all of its data
 * at once: the CLI and the editor extend one for every plan they check.
 */
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../server/src/registry/builtin';
import { Registry, splitNumber, type RegistryData } from '../server/src/registry/registry';
import type { RegistryAgency, RegistryDocument } from '../server/src/registry/types';

const builtin = builtinRegistry().data;

/** Workspace plans as documents: new numbers, numbers the builtin data has, and two plans sharing one number. */
const plans: RegistryDocument[] = [
  { number: '85/KH-UBND', type: 'Kế hoạch', issuer: 'UBND tỉnh Lai Châu', date: '2026-03-15', title: 'A', system: 'state', confidence: 'cited', sources: ['a.kh'] },
  { number: '85/KH-UBND', type: 'Kế hoạch', issuer: 'UBND tỉnh Trà Vinh', date: '2020-11-17', title: 'B', system: 'state', confidence: 'cited', sources: ['b.kh'] },
  { ...builtin.documents[0], title: 'a plan numbered as a registry document', sources: ['c.kh'] },
  { number: '64 /KH-UBND', type: 'Kế hoạch', issuer: 'UBND tỉnh Trà Vinh', date: '2020-11-17', title: 'D', system: 'state', confidence: 'cited', sources: ['d.kh'] },
];
/** A generic body and a named one under the same name as a builtin agency, and a body of the workspace's own. */
const sameName = builtin.agencies.find((a) => a.aliases.length > 0)!;
const agencies: RegistryAgency[] = [
  { ...sameName, id: 'generic-copy', generic: true },
  { ...sameName, id: 'named-copy', generic: false, aliases: [] },
  { ...sameName, id: 'own-body', name: 'Ban Chỉ đạo Chuyển đổi số tỉnh', aliases: ['BCĐ CĐS'] },
];

/** Every look-up a rule makes, over every name and number either registry knows. */
function answers(registry: Registry, probe: RegistryData) {
  const numbers = probe.documents.map((d) => d.number);
  return {
    data: registry.data,
    documents: numbers.map((n) => {
      const parts = splitNumber(n);
      return [registry.documentByNumber(n), parts && registry.findDocument({ ...parts }), parts && registry.findDocument({ serial: parts.serial, symbol: parts.symbol })];
    }),
    status: probe.documents.map((d) => registry.documentStatus(d, '2026-01-01')),
    agencies: probe.agencies.flatMap((a) => [a.name, ...a.aliases, `${a.name} tỉnh Lai Châu`].map((name) => registry.findAgency(name))),
    byId: probe.agencies.map((a) => registry.agency(a.id)),
    provinces: probe.provinces.map((p) => registry.findProvince(`tỉnh ${p.name}`)),
  };
}

const concat = (a: RegistryData, b: Partial<RegistryData>): RegistryData => ({
  documents: [...a.documents, ...(b.documents ?? [])],
  agencies: [...a.agencies, ...(b.agencies ?? [])],
  provinces: [...a.provinces, ...(b.provinces ?? [])],
});

describe('a registry extended or narrowed', () => {
  const all = concat(builtin, { documents: plans, agencies });

  it('answers as one built at once, however it was extended', () => {
    const atOnce = new Registry(all);
    const inSteps = new Registry(builtin)
      .with({ agencies: agencies.slice(0, 1) })
      .with({ documents: plans.slice(0, 2), agencies: agencies.slice(1) })
      .with({ documents: plans.slice(2) });
    expect(answers(inSteps, all)).toEqual(answers(atOnce, all));
    // What the answers are: a named body wins over a generic one of its name, the last document of a number is the one by number.
    expect(inSteps.findAgency(sameName.name)?.id).toBe('named-copy');
    expect(inSteps.documentByNumber('85/KH-UBND')?.title).toBe('B');
    expect(inSteps.findDocument({ serial: '85', symbol: 'KH-UBND' })?.title).toBe('A');
  });

  it('without some documents, answers as one built without them', () => {
    const extended = new Registry(builtin).with({ documents: plans, agencies });
    for (const left of [[plans[0]], [plans[1]], [plans[2]], [plans[0], plans[3]]]) {
      const atOnce = new Registry(concat(builtin, { documents: plans.filter((p) => !left.includes(p)), agencies }));
      expect(answers(extended.without(new Set(left)), all), left.map((d) => d.sources[0]).join()).toEqual(answers(atOnce, all));
    }
  });

  it('extended again after leaving documents out (a plan checked as itself), still answers as one built at once', () => {
    const self = { ...plans[0], sources: ['this plan'] };
    const narrowed = new Registry(builtin)
      .with({ documents: plans })
      .without(new Set([plans[0]]))
      .with({ documents: [self] });
    const atOnce = new Registry(concat(builtin, { documents: [...plans.slice(1), self] }));
    expect(answers(narrowed, all)).toEqual(answers(atOnce, all));
  });

  it('shares its answers about names with the one it extends only when it adds no agency or province', () => {
    const base = new Registry(builtin);
    const documentsOnly = base.with({ documents: plans });
    expect(documentsOnly.names).toBe(base.names);
    expect(documentsOnly.without(new Set([plans[0]])).with({ documents: [plans[0]] }).names).toBe(base.names);
    const withAgencies = documentsOnly.with({ agencies });
    expect(withAgencies.names).not.toBe(base.names);
    expect(withAgencies.without(new Set(plans)).names).toBe(withAgencies.names);
    expect(base.with({ provinces: builtin.provinces.slice(0, 1) }).names).not.toBe(base.names);
    // Registries with the same names answer alike (the look-ups of checks/registry-lookups.ts are kept per names).
    expect(withAgencies.with({ documents: plans }).findAgency(sameName.name)?.id).toBe(withAgencies.findAgency(sameName.name)?.id);
    expect(withAgencies.findAgency(sameName.name)?.id).not.toBe(base.findAgency(sameName.name)?.id);
  });
});
