import type { CaseChange, AccountChange, ContactChange, NewCase, NewNote, TimelineKind } from '@switchboard/protocol';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../api/api';
import type { RecordKind } from '../state/session-tabs';

/** Everything read of records (AG9) sits under one key, so a write refreshes every view of them. */
export const recordsKey = ['records'] as const;
export const summaryKey = (conversationId: string) => [...recordsKey, 'summary', conversationId] as const;
export const recordKey = (kind: RecordKind, id: string) => [...recordsKey, kind, id] as const;

/** After a link, a note or an edit: the summaries, timelines, records and searches read again. */
export const refreshRecords = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: recordsKey });

/** The customer summary of a conversation (AG6). */
export const useCustomerSummary = (conversationId: string) =>
  useQuery({
    queryKey: summaryKey(conversationId),
    queryFn: () => call('customerSummary', { params: { id: conversationId } }),
  });

export type TimelineOwner = { kind: 'contact' | 'account'; id: string };

/** A contact's or an account's timeline (CV4), a page at a time, of the chosen kinds (none chosen: all). */
export function useTimeline(owner: TimelineOwner | null, kinds: TimelineKind[]) {
  const filter = [...kinds].sort().join(',');
  return useInfiniteQuery({
    queryKey: [...recordsKey, 'timeline', owner?.kind, owner?.id, filter],
    enabled: owner !== null,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const query = { limit: 25, cursor: pageParam, kinds: filter || undefined };
      const params = { id: owner!.id };
      return owner!.kind === 'contact'
        ? call('contactTimeline', { params, query })
        : call('accountTimeline', { params, query });
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useContact = (id: string) =>
  useQuery({ queryKey: recordKey('contact', id), queryFn: () => call('getContact', { params: { id } }) });
export const useAccount = (id: string) =>
  useQuery({ queryKey: recordKey('account', id), queryFn: () => call('getAccount', { params: { id } }) });
export const useCase = (id: string) =>
  useQuery({ queryKey: recordKey('case', id), queryFn: () => call('getCase', { params: { id } }) });

/** One search of contacts, accounts or cases (AG9); runs when `q` is set. */
export function useRecordSearch(kind: RecordKind, q: string) {
  return useQuery({
    queryKey: [...recordsKey, 'search', kind, q],
    enabled: q.trim() !== '',
    queryFn: async () => {
      const query = { q: q.trim(), limit: 10 };
      if (kind === 'contact') return (await call('listContacts', { query })).contacts.map((r) => ({ kind, record: r }));
      if (kind === 'account') return (await call('listAccounts', { query })).accounts.map((r) => ({ kind, record: r }));
      return (await call('listCases', { query })).cases.map((r) => ({ kind, record: r }));
    },
  });
}

/** Links or unlinks a record and the conversation; the summary and every record view read again. */
export function useLinks(conversationId: string) {
  const queryClient = useQueryClient();
  const params = { id: conversationId };
  return useMutation({
    mutationFn: ({ kind, id, linked }: { kind: RecordKind; id?: string; linked: boolean }) => {
      if (!linked) {
        if (kind === 'contact') return call('unlinkContact', { params });
        if (kind === 'account') return call('unlinkAccount', { params });
        return call('unlinkCase', { params });
      }
      if (kind === 'contact') return call('linkContact', { params, body: { contactId: id! } });
      if (kind === 'account') return call('linkAccount', { params, body: { accountId: id! } });
      return call('linkCase', { params, body: { caseId: id! } });
    },
    onSettled: () => refreshRecords(queryClient),
  });
}

/** Creates a case; with a conversation id the server links it to that conversation too. */
export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCase) => call('createCase', { body }),
    onSuccess: () => refreshRecords(queryClient),
  });
}

export function useCreateNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewNote) => call('createNote', { body }),
    onSuccess: () => refreshRecords(queryClient),
  });
}

export type RecordChange =
  | { kind: 'contact'; id: string; change: ContactChange }
  | { kind: 'account'; id: string; change: AccountChange }
  | { kind: 'case'; id: string; change: CaseChange };

export function useUpdateRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordChange): Promise<unknown> => {
      const params = { id: input.id };
      if (input.kind === 'contact') return call('updateContact', { params, body: input.change });
      if (input.kind === 'account') return call('updateAccount', { params, body: input.change });
      return call('updateCase', { params, body: input.change });
    },
    onSuccess: () => refreshRecords(queryClient),
  });
}
