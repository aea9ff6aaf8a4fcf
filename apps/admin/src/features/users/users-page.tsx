import { Field, Input, Select, Switch } from '@fluentui/react-components';
import { Role, StaffAccountForm, type StaffAccount } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { CrudPage } from '../../components/crud-page';
import { fieldError } from '../../components/form';

type Draft = StaffAccountForm;

/** Staff accounts (AD1): add people, change their role, disable them, reset their password. */
export function UsersPage() {
  const { t } = useT();
  const call = useApi();
  const users = useList('listUsers');
  return (
    <CrudPage<StaffAccount, Draft>
      testId="user"
      title={t('users.title')}
      description={t('users.description')}
      newLabel={t('users.new')}
      emptyText={t('users.empty')}
      items={users.data}
      error={users.error}
      rowData={(u) => ({ 'data-name': u.name, 'data-disabled': String(u.disabled) })}
      columns={[
        { header: t('common.name'), cell: (u) => u.name },
        { header: t('users.email'), cell: (u) => u.email },
        { header: t('users.role'), cell: (u) => t(`users.roles.${u.role}`) },
        { header: t('users.status'), cell: (u) => (u.disabled ? t('users.disabled') : t('users.active')) },
      ]}
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
              {Role.options.map((r) => (
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
