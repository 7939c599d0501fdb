import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { CHECKLIST, OUTSIDE_CHECKLISTS, type RuleMapping } from '../../src/checklist/index.js';
import { rules } from '../../src/rules/index.js';

interface RuleMeta {
  meta: { docs?: { recommended?: boolean; guide?: string[] }; messages?: Record<string, string> };
}

const ruleMeta = (id: string): RuleMeta['meta'] | undefined => (rules as Record<string, RuleMeta | undefined>)[id]?.meta;

const mappings = (): { item: string; mapping: Exclude<RuleMapping, string> }[] =>
  CHECKLIST.flatMap((section) =>
    section.items.flatMap((entry) =>
      'rules' in entry
        ? entry.rules.map((mapping) => ({ item: entry.item, mapping: typeof mapping === 'string' ? { rule: mapping } : mapping }))
        : [],
    ),
  );

describe('checklist data', () => {
  it('holds each checklist of the guides with its number of items', () => {
    assert.deepEqual(
      CHECKLIST.map((section) => `${section.guide} › ${section.section}: ${section.items.length}`),
      [
        'AMAS › Security Checklist: 14',
        'AutonomOS › Authentication Best Practices › JWT Token Security: 8',
        'AutonomOS › Authentication Best Practices › Password Security: 7',
        'AutonomOS › Compliance › SOC 2 (Service Organization Control): 8',
        'AutonomOS › Security Checklist › Production Deployment: 15',
      ],
    );
    for (const section of CHECKLIST) {
      const texts = section.items.map((entry) => entry.item);
      assert.equal(new Set(texts).size, texts.length, `${section.section} repeats an item`);
    }
  });

  it('names each checklist as rule metadata names guide sections (meta.docs.guide)', () => {
    const cited = new Set(Object.keys(rules).flatMap((id) => ruleMeta(id)?.docs?.guide ?? []));
    for (const section of CHECKLIST) {
      const name = `${section.guide} › ${section.section}`;
      assert.ok(cited.has(name), `no rule cites "${name}": a typo, or a section name that differs from the rules'`);
    }
  });

  it('maps only rules that exist and are in configs.recommended (what `npm run scan` runs)', () => {
    for (const { item, mapping } of mappings()) {
      const meta = ruleMeta(mapping.rule);
      assert.ok(meta, `"${item}" maps unknown rule ${mapping.rule}`);
      assert.equal(meta.docs?.recommended, true, `"${item}" maps ${mapping.rule}, which is not in recommended: it would pass unread`);
    }
  });

  it('filters only on messageIds the rule has', () => {
    for (const { item, mapping } of mappings()) {
      for (const messageId of mapping.messageIds ?? []) {
        assert.ok(ruleMeta(mapping.rule)?.messages?.[messageId], `"${item}": ${mapping.rule} has no message ${messageId}`);
      }
    }
  });

  it('maps every rule to an item or lists it as outside the checklists, never both', () => {
    const mapped = new Set(mappings().map(({ mapping }) => mapping.rule));
    for (const id of Object.keys(rules)) {
      const outside = id in OUTSIDE_CHECKLISTS;
      assert.ok(mapped.has(id as never) !== outside, `${id}: ${outside ? 'both mapped and outside' : 'neither mapped nor outside'}`);
    }
    for (const id of Object.keys(OUTSIDE_CHECKLISTS)) assert.ok(ruleMeta(id), `OUTSIDE_CHECKLISTS names unknown rule ${id}`);
  });

  it('says why an item is not checkable, and what a partial check leaves out, in sentences', () => {
    for (const section of CHECKLIST) {
      for (const entry of section.items) {
        const note = 'notCheckable' in entry ? entry.notCheckable : entry.partly;
        if (note === undefined) continue;
        assert.match(note, /^[A-Z].*\.$/, `"${entry.item}"`);
      }
    }
  });
});
