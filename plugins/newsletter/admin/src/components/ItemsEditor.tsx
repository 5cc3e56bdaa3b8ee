/**
 * The items per section: reorder with up/down buttons, remove, add from a search of the
 * section's current documents. The mail shows the sections in the configured order and the
 * items of a section in the order given here.
 */
import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  IconButton,
  Loader,
  Modal,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { ArrowDown, ArrowUp, Plus, Search, Trash } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';
import { useSettings } from '../hooks/context';
import { apiProblem, query, type Candidate, type ItemDetail } from '../utils/api';
import { useT } from '../utils/translate';

interface ItemsEditorProps {
  items: ItemDetail[];
  onChange: (items: ItemDetail[]) => void;
  editable: boolean;
  error?: string;
}

/** Moves the item at `index` to the previous/next item of the same section. */
const move = (items: ItemDetail[], index: number, direction: -1 | 1): ItemDetail[] => {
  const { section } = items[index];
  let target = index + direction;
  while (target >= 0 && target < items.length && items[target].section !== section) {
    target += direction;
  }
  if (target < 0 || target >= items.length) return items;
  const next = [...items];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
};

/** Items grouped in the configured section order (unknown sections last). */
export const orderBySections = (items: ItemDetail[], sectionOrder: string[]) => {
  const rank = (section: string) => {
    const index = sectionOrder.indexOf(section);
    return index === -1 ? sectionOrder.length : index;
  };
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item.section) - rank(b.item.section) || a.index - b.index)
    .map(({ item }) => item);
};

const useDebounced = <T,>(value: T, ms: number) => {
  const [debounced, setDebounced] = React.useState(value);
  React.useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
};

const AddItemDialog = ({
  section,
  title,
  chosen,
  onAdd,
}: {
  section: string;
  title: string;
  chosen: Set<string>;
  onAdd: (candidate: Candidate) => void;
}) => {
  const t = useT();
  const { get } = useFetchClient();
  const [open, setOpen] = React.useState(false);
  const [search, setSearch] = React.useState('');
  const q = useDebounced(search.trim(), 300);
  const candidates = useQuery(
    ['newsletter', 'candidates', section, q],
    async () =>
      (await get<{ data: Candidate[] }>(`/newsletter/issues/candidates${query({ section, q })}`))
        .data.data,
    { enabled: open, keepPreviousData: true }
  );
  const searchId = `newsletter-search-${section}`;
  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant="secondary" startIcon={<Plus />} size="S">
          {t('items.add', { section: title })}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header closeLabel={t('common.close')}>
          <Modal.Title>{t('items.addTitle', { section: title })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="q" id={searchId}>
              <Field.Label>{t('items.search')}</Field.Label>
              <TextInput
                startAction={<Search />}
                value={search}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  setSearch(event.target.value)
                }
                placeholder={t('items.searchPlaceholder')}
              />
              <Field.Hint />
            </Field.Root>
            {candidates.isLoading ? (
              <Loader small>{t('common.loading')}</Loader>
            ) : candidates.isError ? (
              <Typography textColor="danger600">
                {apiProblem(candidates.error, t('items.searchFailed')).message}
              </Typography>
            ) : (candidates.data ?? []).length === 0 ? (
              <Typography textColor="neutral600">{t('items.noCandidates')}</Typography>
            ) : (
              <Box tag="ul" aria-label={t('items.candidates')}>
                {(candidates.data ?? []).map((candidate) => {
                  const already = chosen.has(candidate.documentId);
                  return (
                    <Flex
                      tag="li"
                      key={candidate.documentId}
                      justifyContent="space-between"
                      gap={4}
                      paddingTop={2}
                      paddingBottom={2}
                      borderColor="neutral150"
                      style={{ borderBottomWidth: 1, borderBottomStyle: 'solid' }}
                    >
                      <Flex direction="column" alignItems="start" gap={1}>
                        <Typography fontWeight="bold">{candidate.title}</Typography>
                        {candidate.label ? (
                          <Typography variant="pi" textColor="neutral600">
                            {candidate.label}
                          </Typography>
                        ) : null}
                      </Flex>
                      <Button
                        variant="secondary"
                        size="S"
                        disabled={already}
                        aria-label={t('items.addOne', { title: candidate.title })}
                        onClick={() => onAdd(candidate)}
                      >
                        {already ? t('items.alreadyAdded') : t('items.addShort')}
                      </Button>
                    </Flex>
                  );
                })}
              </Box>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('common.done')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

export const ItemsEditor = ({ items, onChange, editable, error }: ItemsEditorProps) => {
  const t = useT();
  const { sections } = useSettings();
  const known = new Set(sections.map((section) => section.topic));
  const groups = [
    ...sections.map((section) => ({ topic: section.topic, title: section.title })),
    ...[...new Set(items.map((item) => item.section))]
      .filter((topic) => !known.has(topic))
      .map((topic) => ({ topic, title: t('items.unknownSection', { section: topic }) })),
  ];
  const chosen = new Set(items.map((item) => item.documentId));
  // Keeps the keyboard focus on the moved item's button (the list re-renders in a new order).
  const container = React.useRef<HTMLDivElement>(null);
  const [focus, setFocus] = React.useState<{ id: string; direction: 'up' | 'down' } | null>(null);
  React.useEffect(() => {
    if (!focus || !container.current) return;
    const find = (direction: string) =>
      container.current?.querySelector<HTMLButtonElement>(`[data-move="${focus.id}:${direction}"]`);
    const button = find(focus.direction);
    (button && !button.disabled ? button : find(focus.direction === 'up' ? 'down' : 'up'))?.focus();
    setFocus(null);
  }, [focus, items]);

  return (
    <Flex direction="column" alignItems="stretch" gap={6} ref={container}>
      {error ? (
        <Typography textColor="danger600" role="alert">
          {error}
        </Typography>
      ) : null}
      {groups.map((group) => {
        const entries = items
          .map((item, index) => ({ item, index }))
          .filter(({ item }) => item.section === group.topic);
        return (
          <Flex
            key={group.topic}
            direction="column"
            alignItems="stretch"
            gap={2}
            tag="section"
            aria-label={group.title}
          >
            <Flex justifyContent="space-between" gap={2}>
              <Typography variant="delta" tag="h3">
                {group.title}{' '}
                <Typography variant="pi" textColor="neutral600">
                  ({t('items.count', { count: entries.length })})
                </Typography>
              </Typography>
              {editable && known.has(group.topic) ? (
                <AddItemDialog
                  section={group.topic}
                  title={group.title}
                  chosen={chosen}
                  onAdd={(candidate) =>
                    onChange([
                      ...items,
                      {
                        section: group.topic,
                        documentId: candidate.documentId,
                        title: candidate.title,
                        current: true,
                      },
                    ])
                  }
                />
              ) : null}
            </Flex>
            {entries.length === 0 ? (
              <Typography textColor="neutral600">{t('items.none')}</Typography>
            ) : (
              <Box tag="ol" aria-label={t('items.listOf', { section: group.title })}>
                {entries.map(({ item, index }, position) => {
                  const title = item.title ?? t('items.missing');
                  return (
                    <Flex
                      tag="li"
                      key={`${item.section}-${item.documentId}`}
                      justifyContent="space-between"
                      gap={2}
                      padding={2}
                      hasRadius
                      background={position % 2 ? 'neutral0' : 'neutral100'}
                    >
                      <Flex gap={2} alignItems="baseline" flex="1">
                        <Typography textColor="neutral600" variant="pi">
                          {position + 1}.
                        </Typography>
                        <Flex direction="column" alignItems="start" gap={1}>
                          <Typography>{title}</Typography>
                          {!item.current ? (
                            <Badge variant="warning">{t('items.notCurrent')}</Badge>
                          ) : null}
                        </Flex>
                      </Flex>
                      {editable ? (
                        <Flex gap={1}>
                          <IconButton
                            label={t('items.up', { title })}
                            variant="ghost"
                            disabled={position === 0}
                            data-move={`${item.documentId}:up`}
                            onClick={() => {
                              onChange(move(items, index, -1));
                              setFocus({ id: item.documentId, direction: 'up' });
                            }}
                          >
                            <ArrowUp />
                          </IconButton>
                          <IconButton
                            label={t('items.down', { title })}
                            variant="ghost"
                            disabled={position === entries.length - 1}
                            data-move={`${item.documentId}:down`}
                            onClick={() => {
                              onChange(move(items, index, 1));
                              setFocus({ id: item.documentId, direction: 'down' });
                            }}
                          >
                            <ArrowDown />
                          </IconButton>
                          <IconButton
                            label={t('items.remove', { title })}
                            variant="ghost"
                            onClick={() => onChange(items.filter((_, i) => i !== index))}
                          >
                            <Trash />
                          </IconButton>
                        </Flex>
                      ) : null}
                    </Flex>
                  );
                })}
              </Box>
            )}
          </Flex>
        );
      })}
    </Flex>
  );
};
