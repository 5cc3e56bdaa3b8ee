/**
 * One statement with its answer scale as a fieldset of radio buttons (the self-check and the
 * employees' survey): `q-<id>` is the group, `fs-<id>` the fieldset errors are shown at.
 */
import { h } from './dom.js';

export interface ScaleOption {
  value: number | null;
  label: string;
}

export interface Statement {
  id: string;
  text: string;
  help: string | null;
}

/** `answered`: whether the statement has an answer, `value` the answer (null: "keine Angabe"). */
export const statementFieldset = (
  statement: Statement,
  scale: ScaleOption[],
  { answered = false, value = null }: { answered?: boolean; value?: number | null } = {}
) => {
  const helpId = `help-${statement.id}`;
  return h(
    'fieldset',
    {
      id: `fs-${statement.id}`,
      class: 'question',
      'aria-describedby': statement.help ? helpId : null,
    },
    h('legend', {}, statement.text),
    statement.help ? h('p', { id: helpId, class: 'hint' }, statement.help) : null,
    h(
      'div',
      { class: 'scale' },
      scale.map((option) => {
        const optionValue = option.value === null ? 'na' : String(option.value);
        const id = `q-${statement.id}-${optionValue}`;
        return h(
          'label',
          { class: option.value === null ? 'option option-na' : 'option', for: id },
          h('input', {
            type: 'radio',
            name: `q-${statement.id}`,
            id,
            value: optionValue,
            checked: answered && value === option.value,
          }),
          h('span', {}, option.label)
        );
      })
    )
  );
};
