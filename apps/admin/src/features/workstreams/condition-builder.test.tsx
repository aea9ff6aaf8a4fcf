import { Condition, type Condition as ConditionT } from '@switchboard/protocol';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldErrors } from '../../lib/issues';
import { renderInProviders } from '../../test/render';
import { ConditionBuilder, ConditionOptions, valueFor } from './condition-builder';

let latest: ConditionT;

function Harness({ initial, errors = {} }: { initial: ConditionT; errors?: FieldErrors }) {
  const [value, setValue] = useState(initial);
  latest = value;
  return <ConditionBuilder value={value} onChange={setValue} path="when" errors={errors} />;
}

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const rows = () => screen.getAllByTestId('cond-row');

describe('ConditionBuilder', () => {
  afterEach(cleanup);

  it('builds `context.tier equals gold` from "always"', () => {
    renderInProviders(<Harness initial={{ kind: 'always' }} />);
    expect(screen.getByTestId('cond-always')).toBeTruthy();
    fireEvent.click(screen.getByTestId('cond-add'));
    change(screen.getByTestId('cond-scope'), 'context');
    change(screen.getByTestId('cond-name'), 'tier');
    change(screen.getByTestId('cond-operator'), 'equals');
    change(screen.getByTestId('cond-value'), 'gold');
    expect(latest).toEqual({ kind: 'compare', field: 'context.tier', operator: 'equals', value: 'gold' });
    expect(Condition.safeParse(latest).success).toBe(true);
  });

  it('takes a list for `in`, no value for `exists`, a number for `greater-than`', () => {
    renderInProviders(<Harness initial={{ kind: 'compare', field: 'prechat.language', operator: 'equals', value: 'nl' }} />);
    change(screen.getByTestId('cond-operator'), 'in');
    expect(latest).toMatchObject({ operator: 'in', value: ['nl'] });
    const input = screen.getByTestId('cond-value-input');
    change(input, 'fr');
    fireEvent.keyDown(input, { key: 'Enter' });
    change(input, 'de, en');
    fireEvent.blur(input);
    expect(latest).toMatchObject({ operator: 'in', value: ['nl', 'fr', 'de', 'en'] });
    expect(screen.getAllByTestId('cond-value-tag')).toHaveLength(4);

    change(screen.getByTestId('cond-operator'), 'exists');
    expect(screen.queryByTestId('cond-value')).toBeNull();
    expect(screen.queryByTestId('cond-value-list')).toBeNull();
    expect(latest).toEqual({ kind: 'compare', field: 'prechat.language', operator: 'exists' });

    change(screen.getByTestId('cond-operator'), 'greater-than');
    change(screen.getByTestId('cond-value'), '3');
    expect(latest).toEqual({ kind: 'compare', field: 'prechat.language', operator: 'greater-than', value: 3 });
  });

  it('nests AND/OR groups, reorders and deletes', () => {
    renderInProviders(<Harness initial={{ kind: 'compare', field: 'context.tier', operator: 'equals', value: 'gold' }} />);
    // A second condition wraps both in an AND group.
    fireEvent.click(screen.getByTestId('cond-add'));
    expect(latest.kind).toBe('and');
    change(screen.getAllByTestId('cond-name')[1]!, 'vip');
    change(screen.getAllByTestId('cond-operator')[1]!, 'exists');
    // A nested group is OR by default inside an AND.
    const root = screen.getByTestId('cond-group');
    fireEvent.click(within(root).getAllByTestId('cond-add-group').at(-1)!);
    const nested = screen.getAllByTestId('cond-group')[1]!;
    expect(nested.getAttribute('data-kind')).toBe('or');
    change(within(nested).getByTestId('cond-scope'), 'contact');
    change(within(nested).getByTestId('cond-name'), 'city');
    change(within(nested).getByTestId('cond-value'), 'Amsterdam');
    fireEvent.click(within(nested).getByTestId('cond-add'));
    change(within(nested).getAllByTestId('cond-scope')[1]!, 'account');
    change(within(nested).getAllByTestId('cond-name')[1]!, 'city');
    change(within(nested).getAllByTestId('cond-value')[1]!, 'Brussels');
    expect(latest).toEqual({
      kind: 'and',
      all: [
        { kind: 'compare', field: 'context.tier', operator: 'equals', value: 'gold' },
        { kind: 'compare', field: 'context.vip', operator: 'exists' },
        {
          kind: 'or',
          any: [
            { kind: 'compare', field: 'contact.city', operator: 'equals', value: 'Amsterdam' },
            { kind: 'compare', field: 'account.city', operator: 'equals', value: 'Brussels' },
          ],
        },
      ],
    });
    expect(Condition.safeParse(latest).success).toBe(true);

    // Move the group up, switch the root to OR, move the first row down.
    fireEvent.click(screen.getByTestId('cond-group-up'));
    expect((latest as { all: ConditionT[] }).all[1]!.kind).toBe('or');
    change(screen.getAllByTestId('cond-group-mode')[0]!, 'or');
    expect(latest.kind).toBe('or');
    fireEvent.click(screen.getAllByTestId('cond-down')[0]!);
    expect((latest as { any: ConditionT[] }).any.map((c) => c.kind)).toEqual(['or', 'compare', 'compare']);

    // Deleting the group's two rows removes the group; deleting the rest leaves "always".
    const group = screen.getAllByTestId('cond-group')[1]!;
    fireEvent.click(within(group).getAllByTestId('cond-delete')[0]!);
    fireEvent.click(within(screen.getAllByTestId('cond-group')[1]!).getAllByTestId('cond-delete')[0]!);
    expect(screen.getAllByTestId('cond-group')).toHaveLength(1);
    expect(rows()).toHaveLength(2);
    fireEvent.click(screen.getAllByTestId('cond-delete')[0]!);
    fireEvent.click(screen.getAllByTestId('cond-delete')[0]!);
    expect(latest).toEqual({ kind: 'always' });
    expect(screen.getByTestId('cond-always')).toBeTruthy();
  });

  it('shows each problem next to its control', () => {
    renderInProviders(
      <Harness
        initial={{ kind: 'and', all: [{ kind: 'compare', field: 'context.', operator: 'equals' }] }}
        errors={{ 'when.all.0.field': 'Enter a field name.', 'when.all.0.value': 'Enter a value.' }}
      />,
    );
    const row = rows()[0]!;
    expect(within(row).getAllByTestId('field-error').map((e) => e.textContent)).toEqual(['Enter a field name.', 'Enter a value.']);
  });

  it('offers skills by name for output.skills', () => {
    const skills = [
      { id: '00000000-0000-4000-8000-000000000031', name: 'French', type: 'Language' },
      { id: '00000000-0000-4000-8000-000000000032', name: 'Dutch', type: 'Language' },
    ];
    renderInProviders(
      <ConditionOptions.Provider value={{ skills }}>
        <Harness initial={{ kind: 'compare', field: 'output.skills', operator: 'equals' }} />
      </ConditionOptions.Provider>,
    );
    change(screen.getByTestId('cond-value'), skills[1]!.id);
    expect(latest).toMatchObject({ operator: 'equals', value: skills[1]!.id });
    change(screen.getByTestId('cond-operator'), 'in');
    change(screen.getByTestId('cond-value-input'), skills[0]!.id);
    expect(latest).toMatchObject({ operator: 'in', value: [skills[1]!.id, skills[0]!.id] });
    expect(screen.getAllByTestId('cond-value-tag').map((t) => t.textContent)).toEqual(['Dutch', 'French']);
  });

  it('keeps what it can of the value when the operator changes', () => {
    expect(valueFor('in', 'gold')).toEqual(['gold']);
    expect(valueFor('equals', ['gold'])).toBe('gold');
    expect(valueFor('contains', ['a', 'b'])).toEqual(['a', 'b']);
    expect(valueFor('greater-than', '12')).toBe(12);
    expect(valueFor('less-than', 'x')).toBeUndefined();
    expect(valueFor('not-exists', 'x')).toBeUndefined();
  });
});
