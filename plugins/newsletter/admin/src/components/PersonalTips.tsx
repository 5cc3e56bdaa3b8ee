/**
 * The personalised section in the issue preview (e.g. employer tips chosen by a subscriber's
 * linked self-check result): how many recipients get it — an estimate until the send fixes the
 * audience, then the exact number — and a made-up profile the preview can be rendered for.
 * The profile's fields come from the server; each is a select, `multiple` ones keep the order
 * of choosing (the first is the weakest) and show it numbered. (No `withTags`: the design
 * system's tags are buttons whose text is empty once the list closes, which axe rejects.)
 */
import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  MultiSelect,
  MultiSelectOption,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import type { Personalisation, Profile } from '../utils/api';
import { useT } from '../utils/translate';

type Enabled = Extract<Personalisation, { enabled: true }>;

/** The profile as the preview route's `profile` parameter (JSON), or undefined when empty. */
export const profileParam = (profile: Profile): string | undefined => {
  const filled = Object.entries(profile).filter(([, values]) => values.length > 0);
  return filled.length > 0 ? JSON.stringify(Object.fromEntries(filled)) : undefined;
};

export const PersonalisationSummary = ({ personalisation }: { personalisation: Enabled }) => {
  const t = useT();
  const { recipients: count, section, exact } = personalisation;
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Typography fontWeight="bold" data-testid="newsletter-personal-count">
        {exact ? t('personal.countExact', { count }) : t('personal.countEstimate', { count })}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {exact ? t('personal.exactHint', { section }) : t('personal.estimateHint', { section })}
      </Typography>
    </Flex>
  );
};

export const ProfileControls = ({
  personalisation,
  profile,
  onChange,
  topicChosen,
  preview,
}: {
  personalisation: Enabled;
  profile: Profile;
  onChange: (profile: Profile) => void;
  /** whether the reader's topics above include the personalised section's topic */
  topicChosen: boolean;
  /** the preview for the profile (undefined while it loads) */
  preview: { topicsWithItems: string[]; personalItems?: string[] | null } | undefined;
}) => {
  const t = useT();
  const { fields, section } = personalisation;
  const active = profileParam(profile) !== undefined;
  const set = (name: string, values: string[]) => onChange({ ...profile, [name]: values });

  const outcome = () => {
    if (!topicChosen) return t('personal.topicNotChosen', { section });
    if (!preview) return null;
    if (!preview.topicsWithItems.includes(personalisation.topic))
      return t('personal.noSection', { section });
    // null: nothing fits better than (or differently from) the editor's selection
    return preview.personalItems
      ? t('personal.previewing', { section })
      : t('personal.sameAsSelection', { section });
  };

  const titleId = React.useId();

  if (fields.length === 0) return null;
  return (
    <Box
      role="group"
      aria-labelledby={titleId}
      padding={4}
      background="neutral100"
      hasRadius
      borderColor="neutral200"
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" gap={2} wrap="wrap">
          <Typography id={titleId} variant="pi" fontWeight="bold">
            {t('personal.profile')}
          </Typography>
          {active ? (
            <Button variant="tertiary" size="S" startIcon={<Cross />} onClick={() => onChange({})}>
              {t('personal.reset')}
            </Button>
          ) : null}
        </Flex>
        <Typography variant="pi" textColor="neutral600">
          {t('personal.profileHint', { section })}
        </Typography>
        <Grid.Root gap={4}>
          {fields.map((field) => {
            const values = profile[field.name] ?? [];
            const labelOf = (value: string) =>
              field.options.find((entry) => entry.value === value)?.label ?? value;
            return (
              <Grid.Item
                key={field.name}
                col={field.multiple ? 12 : 6}
                s={12}
                direction="column"
                alignItems="stretch"
              >
                <Field.Root
                  name={`profile-${field.name}`}
                  hint={field.multiple ? t('personal.orderHint') : undefined}
                >
                  <Field.Label>{field.label}</Field.Label>
                  {field.multiple ? (
                    <MultiSelect
                      value={values}
                      customizeContent={(chosen) =>
                        (chosen ?? [])
                          .map((value, index) => `${index + 1}. ${labelOf(value)}`)
                          .join(', ')
                      }
                      placeholder={t('personal.any')}
                      clearLabel={t('personal.clear')}
                      onClear={() => set(field.name, [])}
                      onChange={(next) => set(field.name, next)}
                    >
                      {field.options.map((option) => (
                        <MultiSelectOption key={option.value} value={option.value}>
                          {option.label}
                        </MultiSelectOption>
                      ))}
                    </MultiSelect>
                  ) : (
                    <SingleSelect
                      value={values[0] ?? ''}
                      placeholder={t('personal.any')}
                      clearLabel={t('personal.clear')}
                      onClear={() => set(field.name, [])}
                      onChange={(next) => set(field.name, next === '' ? [] : [String(next)])}
                    >
                      {field.options.map((option) => (
                        <SingleSelectOption key={option.value} value={option.value}>
                          {option.label}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  )}
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
            );
          })}
        </Grid.Root>
        <Typography variant="pi" textColor="neutral800" role="status">
          {active ? outcome() : null}
        </Typography>
      </Flex>
    </Box>
  );
};
