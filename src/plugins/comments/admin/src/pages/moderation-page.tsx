// The "Comments" moderation page: queues (Pending, Reported, All, Appeals) with filters, decisions on
// one comment or many (approve, reject naming a community standard, edit), blocks, appeal decisions,
// and a reader's moderation history. Every control a moderator (or the browser test) uses has a
// stable accessible name naming the comment, reader or appeal it acts on.
import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tabs,
  Tbody,
  Td,
  Textarea,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';

type Status = 'pending' | 'reported' | 'all';
type Tab = Status | 'appeals';

interface Standard { code: string; title: string; ruleText?: string; action?: string }
interface Report { id?: number; code: string; note?: string | null; createdAt?: string; resolved?: boolean; reporter?: { id: number; displayName?: string | null } }
interface LogEntry { id?: number; action: string; code?: string | null; note?: string | null; before?: string | null; after?: string | null; actorName?: string | null; actorType?: string; at?: string; commentId?: number | null }
interface Item {
  id: number;
  body: string;
  status: string;
  heldFor?: string[] | null;
  score?: number | null;
  reportCount?: number | null;
  rejectedCode?: string | null;
  createdAt?: string;
  authorId?: number;
  article?: { documentId: string; title?: string | null } | null;
  author?: { id: number; displayName?: string | null } | null;
  reports?: Report[];
  log?: LogEntry[];
}
interface Block { id: number; ordinal: number; permanent: boolean; code: string; note?: string | null; blockedAt: string; liftedAt?: string | null; actorName?: string | null }
interface Appeal { id: number; userId: number; blockId?: number; explanation: string; status: 'open' | 'lifted' | 'refused'; decisionNote?: string | null; decidedAt?: string | null; createdAt?: string; user?: { id: number; displayName?: string | null }; block?: { permanent?: boolean; ordinal?: number; code?: string } | null }
interface History { log: LogEntry[]; blocks: Block[]; appeals: Appeal[]; blocked: boolean; permanent: boolean }
interface Paged<T> { results?: T[]; data?: T[]; pagination?: { page: number; pageSize: number; total: number } }

const TABS: Array<{ value: Tab; label: string }> = [
  { value: 'pending', label: 'Pending' },
  { value: 'reported', label: 'Reported' },
  { value: 'all', label: 'All' },
  { value: 'appeals', label: 'Appeals' },
];
const NO_FILTERS = { article: '', user: '', code: '', from: '', to: '' };
const STATUS_COLOR: Record<string, string> = { approved: 'success', pending: 'warning', rejected: 'danger', deleted: 'neutral', open: 'warning', lifted: 'success', refused: 'danger' };

const when = (value?: string | null) => (value ? new Date(value).toLocaleString() : '–');
const rows = <T,>(p: Paged<T> | T[]): T[] => (Array.isArray(p) ? p : p.results ?? p.data ?? []);
const readerName = (item: Item) => item.author?.displayName ?? `Reader #${item.author?.id ?? item.authorId}`;
const readerId = (item: Item) => item.author?.id ?? item.authorId ?? 0;

function errorMessage(error: unknown): string {
  const e = error as { response?: { data?: { error?: { message?: string } } }; message?: string };
  return e.response?.data?.error?.message ?? e.message ?? 'Something went wrong.';
}

function StatusBadge({ value }: { value: string }) {
  const color = STATUS_COLOR[value] ?? 'neutral';
  return (
    <Badge backgroundColor={`${color}100`} textColor={`${color}700`}>
      {value}
    </Badge>
  );
}

function TextField(props: { name: string; label: string; value: string; onChange: (v: string) => void; type?: string; placeholder?: string }) {
  return (
    <Field.Root name={props.name}>
      <Field.Label>{props.label}</Field.Label>
      <TextInput type={props.type ?? 'text'} value={props.value} placeholder={props.placeholder} onChange={(e: React.ChangeEvent<HTMLInputElement>) => props.onChange(e.target.value)} />
    </Field.Root>
  );
}

function StandardSelect({ standards, value, onChange, required }: { standards: Standard[]; value: string; onChange: (v: string) => void; required?: boolean }) {
  return (
    <Field.Root name="code" required={required} hint="Every decision names one of the community standards.">
      <Field.Label>Community standard</Field.Label>
      <SingleSelect aria-label="Community standard" placeholder="Choose a standard" value={value || undefined} onChange={(v: string | number) => onChange(String(v))}>
        {standards.map((s) => (
          <SingleSelectOption key={s.code} value={s.code}>
            {`${s.title} (${s.code})`}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
    </Field.Root>
  );
}

/** One form dialog for reject (one or many), edit, block and appeal decisions. */
type Action =
  | { kind: 'reject'; ids: number[] }
  | { kind: 'edit'; item: Item }
  | { kind: 'block'; userId: number; name: string }
  | { kind: 'appeal'; appeal: Appeal; decision: 'lift' | 'refuse' };

function actionTitle(a: Action): string {
  switch (a.kind) {
    case 'reject':
      return a.ids.length === 1 ? `Reject comment #${a.ids[0]}` : `Reject ${a.ids.length} comments`;
    case 'edit':
      return `Edit comment #${a.item.id}`;
    case 'block':
      return `Block ${a.name}`;
    case 'appeal':
      return a.decision === 'lift' ? `Lift the block of reader #${a.appeal.userId}` : `Refuse the appeal of reader #${a.appeal.userId}`;
  }
}

function ActionDialog({ action, standards, onClose, onDone }: { action: Action | null; standards: Standard[]; onClose: () => void; onDone: () => Promise<void> }) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [code, setCode] = React.useState('');
  const [note, setNote] = React.useState('');
  const [body, setBody] = React.useState('');
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    setCode('');
    setNote('');
    setBody(action?.kind === 'edit' ? action.item.body : '');
  }, [action]);

  if (!action) return null;
  const needsCode = action.kind === 'reject' || action.kind === 'block';
  const ready = (!needsCode || code) && (action.kind !== 'edit' || body.trim()) && !busy;
  const confirm = { reject: 'Confirm rejection', edit: 'Save edit', block: 'Confirm block', appeal: action.kind === 'appeal' && action.decision === 'lift' ? 'Confirm lift' : 'Confirm refusal' }[action.kind];

  const submit = async () => {
    setBusy(true);
    try {
      const n = note.trim() || undefined;
      if (action.kind === 'reject' && action.ids.length === 1) await post(`/comments/comments/${action.ids[0]}/decision`, { data: { action: 'reject', code, note: n } });
      if (action.kind === 'reject' && action.ids.length > 1) {
        const { data } = await post<{ data: { done: number[]; failed: Array<{ id: number; message: string }> } }>('/comments/comments/bulk', { data: { ids: action.ids, action: 'reject', code, note: n } });
        if (data.data.failed?.length) toggleNotification({ type: 'warning', message: `${data.data.failed.length} could not be rejected: ${data.data.failed.map((f) => `#${f.id} ${f.message}`).join('; ')}` });
      }
      if (action.kind === 'edit') await post(`/comments/comments/${action.item.id}/decision`, { data: { action: 'edit', body, note: n } });
      if (action.kind === 'block') await post('/comments/blocks', { data: { user: action.userId, code, note: n } });
      if (action.kind === 'appeal') await post(`/comments/appeals/${action.appeal.id}/decision`, { data: { decision: action.decision, note: n } });
      toggleNotification({ type: 'success', message: `${actionTitle(action)}: done.` });
      onClose();
      await onDone();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{actionTitle(action)}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {action.kind === 'edit' ? (
              <Field.Root name="body" required>
                <Field.Label>Comment text</Field.Label>
                <Textarea value={body} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setBody(e.target.value)} />
              </Field.Root>
            ) : null}
            {action.kind === 'appeal' ? <Typography>“{action.appeal.explanation}”</Typography> : null}
            {needsCode ? <StandardSelect standards={standards} value={code} onChange={setCode} required /> : null}
            <Field.Root name="note" hint="Optional; a rejection's note goes to the author with the statement of reasons.">
              <Field.Label>Note</Field.Label>
              <Textarea value={note} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)} />
              <Field.Hint />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">Cancel</Button>
          </Modal.Close>
          <Button onClick={submit} loading={busy} disabled={!ready} variant={action.kind === 'appeal' && action.decision === 'lift' ? 'success' : action.kind === 'edit' ? 'default' : 'danger'}>
            {confirm}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
}

/** A reader's moderation history: decisions, blocks (a second one is permanent), appeals. */
/** One table of a reader's history (blocks, appeals, decisions), or a line saying there is none. */
function HistoryTable<T>({ title, empty, label, headers, rows, row }: { title: string; empty: string; label: string; headers: string[]; rows: T[]; row: (item: T, index: number) => React.ReactNode }) {
  return (
    <Box>
      <Typography variant="delta" tag="h3">{title}</Typography>
      {rows.length === 0 ? (
        <Typography textColor="neutral600">{empty}</Typography>
      ) : (
        <Table colCount={headers.length} rowCount={rows.length + 1} aria-label={label}>
          <Thead>
            <Tr>{headers.map((h) => <Th key={h}><Typography variant="sigma">{h}</Typography></Th>)}</Tr>
          </Thead>
          <Tbody>{rows.map(row)}</Tbody>
        </Table>
      )}
    </Box>
  );
}

function HistoryPanel({ userId, name, version, onClose, act }: { userId: number; name: string; version: number; onClose: () => void; act: (a: Action) => void }) {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [history, setHistory] = React.useState<History | null>(null);

  React.useEffect(() => {
    get<{ data: History }>(`/comments/readers/${userId}/history`).then(
      ({ data }) => setHistory(data.data),
      (error: unknown) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
    );
  }, [get, userId, version, toggleNotification]);

  const lastBlock = history?.blocks.length ? history.blocks[history.blocks.length - 1] : null;
  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content style={{ maxWidth: '64rem', width: '90vw' }}>
        <Modal.Header>
          <Modal.Title>{`Moderation history of ${name}`}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {!history ? (
            <Typography>Loading…</Typography>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={5}>
              <Flex gap={3} role="status" aria-label="Account state">
                <Typography fontWeight="bold">{`Reader #${userId}:`}</Typography>
                {history.permanent ? (
                  <Badge backgroundColor="danger100" textColor="danger700">Permanently blocked</Badge>
                ) : history.blocked ? (
                  <Badge backgroundColor="warning100" textColor="warning700">Blocked</Badge>
                ) : (
                  <Badge backgroundColor="success100" textColor="success700">Not blocked</Badge>
                )}
                {history.permanent ? <Typography textColor="danger600">A second block is permanent: it can never be lifted.</Typography> : null}
              </Flex>

              <HistoryTable
                title="Blocks"
                empty="No blocks."
                label="Blocks"
                headers={['Block', 'Standard', 'Note', 'Blocked', 'Lifted']}
                rows={history.blocks}
                row={(b) => (
                  <Tr key={b.id} aria-label={`Block ${b.ordinal}`}>
                    <Td>
                      <Flex gap={2}>
                        <Typography>{b.ordinal === 1 ? 'First block' : `Block ${b.ordinal}`}</Typography>
                        {b.permanent ? <Badge backgroundColor="danger100" textColor="danger700">permanent</Badge> : null}
                      </Flex>
                    </Td>
                    <Td><Typography>{b.code}</Typography></Td>
                    <Td><Typography>{b.note ?? ''}</Typography></Td>
                    <Td><Typography>{when(b.blockedAt)}</Typography></Td>
                    <Td><Typography>{b.permanent ? 'never (permanent)' : when(b.liftedAt)}</Typography></Td>
                  </Tr>
                )}
              />

              <HistoryTable
                title="Appeals"
                empty="No appeals."
                label="Appeals of this reader"
                headers={['Explanation', 'Status', 'Decided', 'Decision']}
                rows={history.appeals}
                row={(a) => (
                  <Tr key={a.id}>
                    <Td><Typography>{a.explanation}</Typography></Td>
                    <Td><StatusBadge value={a.status} /></Td>
                    <Td><Typography>{a.decidedAt ? `${when(a.decidedAt)}${a.decisionNote ? ` · ${a.decisionNote}` : ''}` : '–'}</Typography></Td>
                    <Td>
                      {a.status === 'open' ? (
                        <Flex gap={2}>
                          <Button size="S" variant="success-light" disabled={history.permanent} onClick={() => act({ kind: 'appeal', appeal: a, decision: 'lift' })} aria-label={`Lift block of reader #${userId}`}>Lift</Button>
                          <Button size="S" variant="danger-light" onClick={() => act({ kind: 'appeal', appeal: a, decision: 'refuse' })} aria-label={`Refuse appeal of reader #${userId}`}>Refuse</Button>
                        </Flex>
                      ) : null}
                    </Td>
                  </Tr>
                )}
              />

              <HistoryTable
                title="Decisions"
                empty="No decisions yet."
                label="Decisions on this reader"
                headers={['When', 'Decision', 'Standard', 'Note', 'By']}
                rows={history.log}
                row={(l, i) => (
                  <Tr key={l.id ?? i}>
                    <Td><Typography>{when(l.at)}</Typography></Td>
                    <Td><Typography>{`${l.action}${l.commentId ? ` · comment #${l.commentId}` : ''}`}</Typography></Td>
                    <Td><Typography>{l.code ?? ''}</Typography></Td>
                    <Td><Typography>{l.note ?? ''}</Typography></Td>
                    <Td><Typography>{l.actorName ?? l.actorType ?? ''}</Typography></Td>
                  </Tr>
                )}
              />
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">Close</Button>
          </Modal.Close>
          <Flex gap={2}>
            {history && lastBlock && !lastBlock.liftedAt ? (
              <Button variant="success-light" disabled aria-label={`Lift block of reader #${userId}`} title={history.permanent ? 'A second block is permanent.' : 'A block is lifted by deciding the reader\'s appeal.'}>
                {history.permanent ? 'Lift (not possible: permanent)' : 'Lift (through an appeal)'}
              </Button>
            ) : null}
            <Button variant="danger" disabled={!history || history.blocked} onClick={() => act({ kind: 'block', userId, name })} aria-label={`Block reader #${userId}`}>
              Block account
            </Button>
          </Flex>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
}

export default function ModerationPage() {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [tab, setTab] = React.useState<Tab>('pending');
  const [filters, setFilters] = React.useState(NO_FILTERS);
  const [applied, setApplied] = React.useState(NO_FILTERS);
  const [items, setItems] = React.useState<Item[] | null>(null);
  const [appeals, setAppeals] = React.useState<Appeal[] | null>(null);
  const [appealStatus, setAppealStatus] = React.useState<'open' | 'lifted' | 'refused'>('open');
  const [selected, setSelected] = React.useState<number[]>([]);
  const [standards, setStandards] = React.useState<Standard[]>([]);
  const [action, setAction] = React.useState<Action | null>(null);
  const [history, setHistory] = React.useState<{ userId: number; name: string } | null>(null);
  const [version, setVersion] = React.useState(0); // bumps after each decision so an open history panel reloads

  const load = React.useCallback(async () => {
    try {
      if (tab === 'appeals') {
        const { data } = await get<Paged<Appeal>>('/comments/appeals', { params: { status: appealStatus } });
        setAppeals(rows(data));
      } else {
        const params = Object.fromEntries(Object.entries({ status: tab, ...applied }).filter(([, v]) => v !== ''));
        const { data } = await get<Paged<Item>>('/comments/queue', { params });
        setItems(rows(data));
      }
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  }, [get, tab, applied, appealStatus, toggleNotification]);

  React.useEffect(() => {
    setSelected([]);
    void load();
  }, [load]);

  React.useEffect(() => {
    get<{ data: Standard[] }>('/comments/standards').then(
      ({ data }) => setStandards(data.data),
      (error: unknown) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
    );
  }, [get, toggleNotification]);

  const refresh = async () => {
    setVersion((v) => v + 1);
    setSelected([]);
    await load();
  };

  const approve = async (ids: number[]) => {
    try {
      if (ids.length === 1) await post(`/comments/comments/${ids[0]}/decision`, { data: { action: 'approve' } });
      else {
        const { data } = await post<{ data: { done: number[]; failed: Array<{ id: number; message: string }> } }>('/comments/comments/bulk', { data: { ids, action: 'approve' } });
        if (data.data.failed?.length) toggleNotification({ type: 'warning', message: `${data.data.failed.length} could not be approved.` });
      }
      toggleNotification({ type: 'success', message: ids.length === 1 ? `Comment #${ids[0]} approved.` : `${ids.length} comments approved.` });
      await refresh();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  const toggle = (id: number, on: boolean) => setSelected((s) => (on ? [...new Set([...s, id])] : s.filter((x) => x !== id)));
  const decidable = (item: Item) => item.status === 'pending' || item.status === 'approved';

  return (
    <Page.Main>
      <Page.Title>Comments</Page.Title>
      <Layouts.Header title="Comments" subtitle="Moderate readers' comments under the community standards: held and reported comments, blocks and appeals." />
      <Layouts.Content>
        <Tabs.Root value={tab} onValueChange={(v: string) => setTab(v as Tab)}>
          <Tabs.List aria-label="Moderation queues">
            {TABS.map((t) => (
              <Tabs.Trigger key={t.value} value={t.value}>
                {t.label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </Tabs.Root>

        <Box paddingTop={4}>
          {tab === 'appeals' ? (
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Box width="16rem">
                <Field.Root name="appealStatus">
                  <Field.Label>Appeal status</Field.Label>
                  <SingleSelect aria-label="Appeal status" value={appealStatus} onChange={(v: string | number) => setAppealStatus(v as 'open' | 'lifted' | 'refused')}>
                    <SingleSelectOption value="open">Open</SingleSelectOption>
                    <SingleSelectOption value="lifted">Lifted</SingleSelectOption>
                    <SingleSelectOption value="refused">Refused</SingleSelectOption>
                  </SingleSelect>
                </Field.Root>
              </Box>
              <Table colCount={5} rowCount={(appeals?.length ?? 0) + 1} aria-label="Appeals">
                <Thead>
                  <Tr>{['Reader', 'Explanation', 'Filed', 'Status', 'Actions'].map((h) => <Th key={h}><Typography variant="sigma">{h}</Typography></Th>)}</Tr>
                </Thead>
                <Tbody>
                  {(appeals ?? []).map((a) => (
                    <Tr key={a.id} aria-label={`Appeal #${a.id} of reader #${a.userId}`}>
                      <Td>
                        <Button variant="ghost" onClick={() => setHistory({ userId: a.userId, name: a.user?.displayName ?? `reader #${a.userId}` })} aria-label={`History of reader #${a.userId}`}>
                          {`${a.user?.displayName ?? 'Reader'} (#${a.userId})`}
                        </Button>
                      </Td>
                      <Td><Typography>{a.explanation}</Typography></Td>
                      <Td><Typography>{when(a.createdAt)}</Typography></Td>
                      <Td><StatusBadge value={a.status} /></Td>
                      <Td>
                        {a.status === 'open' ? (
                          <Flex gap={2}>
                            <Button size="S" variant="success-light" disabled={a.block?.permanent === true} onClick={() => setAction({ kind: 'appeal', appeal: a, decision: 'lift' })} aria-label={`Lift block of reader #${a.userId}`}>Lift</Button>
                            <Button size="S" variant="danger-light" onClick={() => setAction({ kind: 'appeal', appeal: a, decision: 'refuse' })} aria-label={`Refuse appeal of reader #${a.userId}`}>Refuse</Button>
                          </Flex>
                        ) : (
                          <Typography textColor="neutral600">{a.decisionNote ?? ''}</Typography>
                        )}
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
              {appeals && appeals.length === 0 ? <Typography textColor="neutral600">No appeals here.</Typography> : null}
            </Flex>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={4}>
              <form
                aria-label="Filters"
                onSubmit={(e) => {
                  e.preventDefault();
                  setApplied(filters);
                }}
              >
                <Grid.Root gap={3}>
                  <Grid.Item col={3} s={12}><TextField name="article" label="Article (documentId)" value={filters.article} onChange={(v) => setFilters({ ...filters, article: v })} /></Grid.Item>
                  <Grid.Item col={2} s={12}><TextField name="user" label="Account id" value={filters.user} onChange={(v) => setFilters({ ...filters, user: v })} /></Grid.Item>
                  <Grid.Item col={3} s={12}>
                    <Field.Root name="filterCode">
                      <Field.Label>Code</Field.Label>
                      <SingleSelect aria-label="Code filter" placeholder="Any code" value={filters.code || undefined} onClear={() => setFilters({ ...filters, code: '' })} onChange={(v: string | number) => setFilters({ ...filters, code: String(v) })}>
                        {standards.map((s) => <SingleSelectOption key={s.code} value={s.code}>{s.code}</SingleSelectOption>)}
                      </SingleSelect>
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={2} s={6}><TextField name="from" type="date" label="From" value={filters.from} onChange={(v) => setFilters({ ...filters, from: v })} /></Grid.Item>
                  <Grid.Item col={2} s={6}><TextField name="to" type="date" label="To" value={filters.to} onChange={(v) => setFilters({ ...filters, to: v })} /></Grid.Item>
                </Grid.Root>
                <Flex gap={2} paddingTop={3}>
                  <Button type="submit" variant="secondary">Apply filters</Button>
                  <Button type="button" variant="tertiary" onClick={() => { setFilters(NO_FILTERS); setApplied(NO_FILTERS); }}>Clear filters</Button>
                </Flex>
              </form>

              <Flex gap={2}>
                <Typography>{`${selected.length} selected`}</Typography>
                <Button size="S" variant="success-light" disabled={!selected.length} onClick={() => approve(selected)}>Approve selected</Button>
                <Button size="S" variant="danger-light" disabled={!selected.length} onClick={() => setAction({ kind: 'reject', ids: selected })}>Reject selected</Button>
              </Flex>

              <Table colCount={7} rowCount={(items?.length ?? 0) + 1} aria-label="Comments">
                <Thead>
                  <Tr>
                    <Th>
                      <Checkbox
                        aria-label="Select all comments"
                        checked={!!items?.length && selected.length === items.filter(decidable).length && selected.length > 0}
                        onCheckedChange={(on: boolean | 'indeterminate') => setSelected(on === true ? (items ?? []).filter(decidable).map((i) => i.id) : [])}
                      />
                    </Th>
                    {['Comment', 'Reader', 'Status', 'Reasons', 'Reports', 'Actions'].map((h) => <Th key={h}><Typography variant="sigma">{h}</Typography></Th>)}
                  </Tr>
                </Thead>
                <Tbody>
                  {(items ?? []).map((item) => (
                    <Tr key={item.id} aria-label={`Comment #${item.id}`}>
                      <Td>
                        <Checkbox aria-label={`Select comment #${item.id}`} disabled={!decidable(item)} checked={selected.includes(item.id)} onCheckedChange={(on: boolean | 'indeterminate') => toggle(item.id, on === true)} />
                      </Td>
                      <Td style={{ maxWidth: '28rem', whiteSpace: 'normal' }}>
                        <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>{item.body}</Typography>
                        <Typography variant="pi" textColor="neutral600">{`#${item.id} · ${item.article?.title ?? item.article?.documentId ?? ''} · ${when(item.createdAt)}`}</Typography>
                        {item.log?.length ? (
                          <Typography variant="pi" textColor="neutral600" tag="p">
                            {`Log: ${item.log.map((l) => `${l.action}${l.code ? ` (${l.code})` : ''}${l.actorName ? ` by ${l.actorName}` : ''}`).join(', ')}`}
                          </Typography>
                        ) : null}
                      </Td>
                      <Td>
                        <Button variant="ghost" onClick={() => setHistory({ userId: readerId(item), name: readerName(item) })} aria-label={`History of reader #${readerId(item)}`}>
                          {readerName(item)}
                        </Button>
                      </Td>
                      <Td><StatusBadge value={item.status} />{item.rejectedCode ? <Typography variant="pi">{` ${item.rejectedCode}`}</Typography> : null}</Td>
                      <Td>
                        <Flex gap={1} wrap="wrap" aria-label={`Reasons for comment #${item.id}`}>
                          {(item.heldFor ?? []).map((c) => <Badge key={c}>{c}</Badge>)}
                          {typeof item.score === 'number' ? <Typography variant="pi">{`score ${item.score.toFixed(2)}`}</Typography> : null}
                        </Flex>
                      </Td>
                      <Td>
                        {item.reports?.length ? (
                          <Box tag="ul" aria-label={`Reports on comment #${item.id}`}>
                            {item.reports.map((r, i) => <li key={r.id ?? i}><Typography variant="pi">{`${r.code}${r.note ? `: ${r.note}` : ''}${r.reporter?.displayName ? ` (${r.reporter.displayName})` : ''}${r.resolved ? ' · resolved' : ''}`}</Typography></li>)}
                          </Box>
                        ) : (
                          <Typography>{item.reportCount ?? 0}</Typography>
                        )}
                      </Td>
                      <Td>
                        <Flex gap={1} wrap="wrap">
                          <Button size="S" variant="success-light" disabled={item.status === 'approved' || item.status === 'deleted'} onClick={() => approve([item.id])} aria-label={`Approve comment #${item.id}`}>Approve</Button>
                          <Button size="S" variant="danger-light" disabled={item.status === 'rejected' || item.status === 'deleted'} onClick={() => setAction({ kind: 'reject', ids: [item.id] })} aria-label={`Reject comment #${item.id}`}>Reject</Button>
                          <Button size="S" variant="tertiary" disabled={item.status === 'deleted'} onClick={() => setAction({ kind: 'edit', item })} aria-label={`Edit comment #${item.id}`}>Edit</Button>
                          <Button size="S" variant="danger" onClick={() => setAction({ kind: 'block', userId: readerId(item), name: readerName(item) })} aria-label={`Block author of comment #${item.id}`}>Block</Button>
                        </Flex>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
              {items && items.length === 0 ? <Typography textColor="neutral600">No comments in this queue.</Typography> : null}
            </Flex>
          )}
        </Box>

        {history ? <HistoryPanel userId={history.userId} name={history.name} version={version} onClose={() => setHistory(null)} act={setAction} /> : null}
        <ActionDialog action={action} standards={standards} onClose={() => setAction(null)} onDone={refresh} />
      </Layouts.Content>
    </Page.Main>
  );
}
