import { Button, Field, Input, Select, Switch } from '@fluentui/react-components';
import { PersonRole, StaffAccountForm, type AgentSummary, type StaffAccount } from '@switchboard/protocol';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { CrudPage } from '../../components/crud-page';
import { fieldError } from '../../components/form';
import { Stack } from '../../components/section';
import { ApiClientsSection } from './api-clients-section';

type Draft = StaffAccountForm;

/**
 * Users (AD1): people with their account (add, role, disable, reset a password) and their routing
 * (queues, skills, capacity: the detail page), then the API clients and their keys.
 */
export function UsersPage() {
  return (
    <Stack>
      <PeopleList />
      <ApiClientsSection />
    </Stack>
  );
}

function PeopleList() {
  const { t } = useT();
  const call = useApi();
  const navigate = useNavigate();
  const users = useList('listUsers');
  const agents = useList('listAgents');
  const queues = useList('listQueueConfigs');
  const routingOf = (u: StaffAccount): AgentSummary | undefined => agents.data?.find((a) => a.id === u.id);
  const queueNames = (u: StaffAccount) =>
    (routingOf(u)?.routing.queueIds ?? [])
      .map((id) => queues.data?.find((q) => q.id === id)?.name)
      .filter(Boolean)
      .join(', ') || '—';
  return (
    <CrudPage<StaffAccount, Draft>
      testId="user"
      title={t('users.title')}
      description={t('users.description')}
      newLabel={t('users.new')}
      emptyText={t('users.empty')}
      items={users.data}
      error={users.error}
      rowData={(u) => ({ 'data-name': u.name, 'data-email': u.email, 'data-disabled': String(u.disabled) })}
      columns={[
        { header: t('common.name'), cell: (u) => u.name },
        { header: t('users.email'), cell: (u) => u.email },
        { header: t('users.role'), cell: (u) => t(`users.roles.${u.role}`) },
        { header: t('users.status'), cell: (u) => (u.disabled ? t('users.disabled') : t('users.active')) },
        { header: t('agents.presence'), cell: (u) => (routingOf(u) ? t(`presence.${routingOf(u)!.presence}`) : '—') },
        { header: t('agents.queues'), cell: queueNames },
        { header: t('agents.skills'), cell: (u) => routingOf(u)?.routing.skills.length ?? '—', testId: 'user-skills' },
        {
          header: t('agents.capacity'),
          cell: (u) => routingOf(u)?.routing.capacity ?? '—',
          testId: 'user-capacity',
        },
      ]}
      extraActions={(u) => (
        <Button size="small" data-testid="user-routing" onClick={() => navigate(`/users/${u.id}/routing`)}>
          {t('users.routing')}
        </Button>
      )}
      schema={StaffAccountForm}
      blank={() => ({ name: '', email: '', role: 'agent', disabled: false, password: '' })}
      toDraft={({ name, email, role, disabled }) => ({ name, email, role, disabled, password: '' })}
      renderForm={(draft, setDraft, errors, item) => (
        <>
          <Field label={t('common.name')} required {...fieldError(errors, 'name')}>
            <Input
              data-testid="user-name"
              value={draft.name}
              onChange={(_, d) => setDraft((s) => ({ ...s, name: d.value }))}
            />
          </Field>
          <Field label={t('users.email')} required {...fieldError(errors, 'email')}>
            <Input
              data-testid="user-email"
              type="email"
              value={draft.email}
              onChange={(_, d) => setDraft((s) => ({ ...s, email: d.value }))}
            />
          </Field>
          <Field label={t('users.role')} {...fieldError(errors, 'role')}>
            <Select
              data-testid="user-role"
              value={draft.role}
              onChange={(_, d) => setDraft((s) => ({ ...s, role: d.value as Draft['role'] }))}
            >
              {PersonRole.options.map((r) => (
                <option key={r} value={r}>
                  {t(`users.roles.${r}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={item ? t('users.newPassword') : t('users.password')}
            hint={item ? t('users.newPasswordHint') : t('users.passwordHint')}
            required={!item}
            {...fieldError(errors, 'password')}
          >
            <Input
              data-testid="user-password"
              type="password"
              value={draft.password}
              onChange={(_, d) => setDraft((s) => ({ ...s, password: d.value }))}
            />
          </Field>
          {item && (
            <Switch
              data-testid="user-disabled"
              label={t('users.disable')}
              checked={draft.disabled}
              onChange={(_, d) => setDraft((s) => ({ ...s, disabled: d.checked }))}
            />
          )}
        </>
      )}
      create={({ name, email, role, password }) => call('createUser', { body: { name, email, role, password } })}
      update={(id, { password, ...rest }) =>
        call('updateUser', { params: { id }, body: { ...rest, ...(password ? { password } : {}) } })
      }
    />
  );
}
