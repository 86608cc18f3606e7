// Pending account deletions with the days left before the purge, and "purge now" for a request
// the administrator has verified (the reason is asked for and sent, not stored).
import * as React from 'react';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';

interface Pending {
  userId: number;
  requestedAt: string;
  purgeAfter: string;
  daysLeft: number;
}

const PendingDeletionsPage = () => {
  const { get, post } = useFetchClient();
  const [rows, setRows] = React.useState<Pending[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const load = React.useCallback(async () => {
    try {
      const { data } = await get<{ data: Pending[] }>('/accounts/pending-deletions');
      setRows(data.data);
    } catch {
      setError('Could not load the pending deletions.');
    }
  }, [get]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const purge = async (userId: number) => {
    const reason = window.prompt(`Purge account #${userId} now? Say how the reader's request was verified:`);
    if (!reason || reason.trim().length < 3) return;
    try {
      await post(`/accounts/pending-deletions/${userId}/purge`, { verified: true, reason: reason.trim() });
      await load();
    } catch {
      setError(`Account #${userId} could not be purged.`);
    }
  };

  return (
    <Page.Main>
      <Layouts.Header title="Pending deletions" subtitle="Accounts their readers deleted; each is erased for good when its restore period ends." />
      <Layouts.Content>
        {error ? <Typography textColor="danger600">{error}</Typography> : null}
        {rows === null ? (
          <Typography>Loading…</Typography>
        ) : rows.length === 0 ? (
          <Typography>No account is waiting for deletion.</Typography>
        ) : (
          <Box background="neutral0" shadow="tableShadow" hasRadius>
            <Table colCount={5} rowCount={rows.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">Account</Typography></Th>
                  <Th><Typography variant="sigma">Requested</Typography></Th>
                  <Th><Typography variant="sigma">Purged after</Typography></Th>
                  <Th><Typography variant="sigma">Days left</Typography></Th>
                  <Th><Typography variant="sigma">Action</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {rows.map((row) => (
                  <Tr key={row.userId}>
                    <Td><Typography>#{row.userId}</Typography></Td>
                    <Td><Typography>{row.requestedAt.slice(0, 10)}</Typography></Td>
                    <Td><Typography>{row.purgeAfter.slice(0, 10)}</Typography></Td>
                    <Td><Typography>{row.daysLeft}</Typography></Td>
                    <Td>
                      <Flex>
                        <Button variant="danger-light" size="S" onClick={() => void purge(row.userId)}>Purge now</Button>
                      </Flex>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default PendingDeletionsPage;
