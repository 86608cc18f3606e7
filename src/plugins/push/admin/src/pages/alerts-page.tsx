// The Push alerts page: compose a free alert (asking for confirmation with the number of
// recipients) and follow every alert's recipients, delivered, failed, expired and retrying counts.
import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Dialog,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Table,
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

interface Alert {
  id: number;
  title: string;
  topic: string;
  locale: string | null;
  urgency: string;
  status: 'queued' | 'sending' | 'retrying' | 'done';
  recipients: number;
  delivered: number;
  failed: number;
  expired: number;
  retrying: number;
  createdAt: string;
  finishedAt: string | null;
}

interface Topic {
  value: string;
  label: string;
}

const EMPTY = { title: '', body: '', url: '', topic: 'breaking', locale: '' };
const STATUS_COLOR = { queued: 'neutral', sending: 'primary', retrying: 'warning', done: 'success' } as const;

const when = (value: string | null) => (value ? new Date(value).toLocaleString() : '–');

function errorMessage(error: unknown): string {
  const e = error as { response?: { data?: { error?: { message?: string } } }; message?: string };
  return e.response?.data?.error?.message ?? e.message ?? 'Something went wrong.';
}

interface TextFieldProps {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  placeholder?: string;
  maxLength?: number;
  value: string;
  onChange: React.ChangeEventHandler<HTMLInputElement>;
}

function TextField({ name, label, hint, required, ...input }: TextFieldProps) {
  return (
    <Field.Root name={name} required={required} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <TextInput {...input} />
      {hint ? <Field.Hint /> : null}
    </Field.Root>
  );
}

export default function AlertsPage() {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [alerts, setAlerts] = React.useState<Alert[] | null>(null);
  const [topics, setTopics] = React.useState<Topic[]>([{ value: 'breaking', label: 'Breaking news' }]);
  const [form, setForm] = React.useState(EMPTY);
  const [recipients, setRecipients] = React.useState<number | null>(null);
  const [sending, setSending] = React.useState(false);

  const load = React.useCallback(async () => {
    const { data } = await get<{ data: Alert[] }>('/push/alerts');
    setAlerts(data.data);
  }, [get]);

  React.useEffect(() => {
    void load();
    void get<{ data: Topic[] }>('/push/topics').then(({ data }) => setTopics(data.data));
    const timer = window.setInterval(() => void load(), 5000); // counters move while the job sends
    return () => window.clearInterval(timer);
  }, [get, load]);

  const set = (key: keyof typeof EMPTY) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setForm({ ...form, [key]: event.target.value });

  /** First step: ask how many subscribers this alert would reach, then confirm. */
  const prepare = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      const { data } = await get<{ data: { recipients: number } }>('/push/recipients', { params: { topic: form.topic, locale: form.locale } });
      setRecipients(data.data.recipients);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  const send = async () => {
    setSending(true);
    try {
      await post('/push/alerts', form);
      toggleNotification({ type: 'success', message: `Alert queued for ${recipients} subscriber${recipients === 1 ? '' : 's'}.` });
      setForm(EMPTY);
      setRecipients(null);
      await load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setSending(false);
    }
  };

  return (
    <Page.Main>
      <Page.Title>Push alerts</Page.Title>
      <Layouts.Header title="Push alerts" subtitle="Send a free alert to subscribers of a topic, and follow each alert's delivery." />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <form onSubmit={prepare} aria-label="Compose an alert">
              <Grid.Root gap={4}>
                <Grid.Item col={6} s={12}>
                  <TextField name="title" label="Title" hint="At most 120 characters" required value={form.title} onChange={set('title')} maxLength={120} />
                </Grid.Item>
                <Grid.Item col={6} s={12}>
                  <TextField name="url" label="Link" hint="Where the notification opens (optional)" value={form.url} onChange={set('url')} placeholder="https://" />
                </Grid.Item>
                <Grid.Item col={12}>
                  <Field.Root name="body">
                    <Field.Label>Body</Field.Label>
                    <Textarea value={form.body} onChange={set('body')} maxLength={500} />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12}>
                  <Field.Root name="topic" required>
                    <Field.Label>Topic</Field.Label>
                    <SingleSelect value={form.topic} onChange={(value: string | number) => setForm({ ...form, topic: String(value) })}>
                      {topics.map((t) => (
                        <SingleSelectOption key={t.value} value={t.value}>
                          {t.label}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12}>
                  <TextField name="locale" label="Locale" hint="Empty: every subscriber of the topic" value={form.locale} onChange={set('locale')} placeholder="e.g. en" />
                </Grid.Item>
              </Grid.Root>
              <Flex justifyContent="flex-end" paddingTop={4}>
                <Button type="submit" disabled={!form.title.trim()}>
                  Send…
                </Button>
              </Flex>
            </form>
          </Box>

          <Dialog.Root open={recipients !== null} onOpenChange={(open: boolean) => !open && setRecipients(null)}>
            <Dialog.Content>
              <Dialog.Header>Send this alert?</Dialog.Header>
              <Dialog.Body>
                <Typography>
                  “{form.title}” goes to <strong data-testid="push-recipient-count">{recipients}</strong> subscriber{recipients === 1 ? '' : 's'} of{' '}
                  {topics.find((t) => t.value === form.topic)?.label ?? form.topic}
                  {form.locale ? ` (${form.locale})` : ''}. It cannot be recalled.
                </Typography>
              </Dialog.Body>
              <Dialog.Footer>
                <Dialog.Cancel>
                  <Button variant="tertiary">Cancel</Button>
                </Dialog.Cancel>
                <Button onClick={send} loading={sending} disabled={recipients === 0}>
                  Send to {recipients}
                </Button>
              </Dialog.Footer>
            </Dialog.Content>
          </Dialog.Root>

          <Table colCount={9} rowCount={(alerts?.length ?? 0) + 1}>
            <Thead>
              <Tr>
                {['Alert', 'Topic', 'Status', 'Recipients', 'Delivered', 'Failed', 'Expired', 'Retrying', 'Finished'].map((h) => (
                  <Th key={h}>
                    <Typography variant="sigma">{h}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {(alerts ?? []).map((a) => (
                <Tr key={a.id}>
                  <Td>
                    <Typography fontWeight="bold">{a.title}</Typography>
                    <Typography variant="pi" textColor="neutral600">
                      {' '}
                      {when(a.createdAt)}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography>
                      {a.topic}
                      {a.locale ? ` · ${a.locale}` : ''}
                    </Typography>
                  </Td>
                  <Td>
                    <Badge backgroundColor={`${STATUS_COLOR[a.status]}100`} textColor={`${STATUS_COLOR[a.status]}700`}>
                      {a.status}
                    </Badge>
                  </Td>
                  {[a.recipients, a.delivered, a.failed, a.expired, a.retrying].map((n, i) => (
                    <Td key={i}>
                      <Typography>{n}</Typography>
                    </Td>
                  ))}
                  <Td>
                    <Typography>{when(a.finishedAt)}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          {alerts && alerts.length === 0 ? <Typography textColor="neutral600">No alerts sent yet.</Typography> : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
