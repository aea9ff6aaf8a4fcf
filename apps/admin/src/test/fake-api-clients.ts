import type {
  ApiClientAccount,
  ApiClientChange,
  ApiKey,
  NewApiClient,
  NewApiKey,
  RouteName,
} from '@switchboard/protocol';

/** API clients and their keys (AD1); `issued` is every secret the fake handed out, in order. */
export type ApiClientState = {
  apiClients: ApiClientAccount[];
  apiKeys: (ApiKey & { clientId: string })[];
  issuedSecrets: string[];
};

type Reply = { status: number; body: unknown };
type Request = { name: RouteName; params: Record<string, string>; body: unknown };

const notFound = (what: string): Reply => ({
  status: 404,
  body: { statusCode: 404, error: 'Not Found', message: `${what} not found` },
});
const AT = '2026-12-01T00:00:00.000Z';

/** The API client routes of the fake admin API, as the server answers: a key's secret only when it is made. */
export function handleApiClients(state: ApiClientState, req: Request, newId: () => string): Reply | undefined {
  const { name, params, body } = req;
  const client = state.apiClients.find((c) => c.id === params.id);
  const view = ({ clientId: _c, ...k }: ApiClientState['apiKeys'][number]): ApiKey => k;
  const issue = (clientId: string, keyName: string) => {
    const id = newId();
    const prefix = id.replace(/-/g, '').slice(-16);
    const key = { id, clientId, name: keyName, prefix, createdAt: AT, lastUsedAt: null, revokedAt: null };
    state.apiKeys.unshift(key);
    const secret = `sbk_${prefix}_${'s'.repeat(42)}${state.issuedSecrets.length}`;
    state.issuedSecrets.push(secret);
    const c = state.apiClients.find((x) => x.id === clientId)!;
    c.activeKeys += 1;
    return { key: view(key), secret };
  };
  switch (name) {
    case 'listApiClients':
      return { status: 200, body: state.apiClients };
    case 'createApiClient': {
      const input = body as NewApiClient;
      const made = { id: newId(), name: input.name, disabled: false, createdAt: AT, activeKeys: 0 };
      state.apiClients.push(made);
      const issued = issue(made.id, input.keyName);
      return { status: 200, body: { ...issued, client: made } };
    }
    case 'updateApiClient':
      if (!client) return notFound('API client');
      Object.assign(client, body as ApiClientChange);
      return { status: 200, body: client };
    case 'listApiKeys':
      if (!client) return notFound('API client');
      return { status: 200, body: state.apiKeys.filter((k) => k.clientId === client.id).map(view) };
    case 'createApiKey':
      if (!client) return notFound('API client');
      return { status: 200, body: issue(client.id, (body as NewApiKey).name) };
    case 'revokeApiKey': {
      const key = state.apiKeys.find((k) => k.id === params.id);
      if (!key) return notFound('API key');
      if (!key.revokedAt) {
        key.revokedAt = AT;
        state.apiClients.find((c) => c.id === key.clientId)!.activeKeys -= 1;
      }
      return { status: 200, body: view(key) };
    }
    default:
      return undefined;
  }
}
