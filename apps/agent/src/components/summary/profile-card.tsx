import { Body1, Button, Text } from '@fluentui/react-components';
import type { CustomerSummary } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { Fields, Section } from './section';

type Props = {
  summary: CustomerSummary;
  onOpen(kind: 'contact' | 'account', id: string, title: string): void;
};

/** Who the customer is (AG6): the linked contact, else the linked account, else what the chat said. */
export function ProfileCard({ summary, onOpen }: Props) {
  const { t } = useTranslation();
  const { profile, links } = summary;
  const open = links.contact
    ? { kind: 'contact' as const, id: links.contact.id, title: links.contact.name }
    : links.account
      ? { kind: 'account' as const, id: links.account.id, title: links.account.name }
      : null;
  return (
    <Section
      title={t('records.profile.title')}
      testId="summary-profile"
      actions={
        open && (
          <Button size="small" data-testid="profile-open" onClick={() => onOpen(open.kind, open.id, open.title)}>
            {t('records.open')}
          </Button>
        )
      }
    >
      <Text weight="semibold" size={400} data-testid="profile-name" data-source={profile.source}>
        {profile.name}
      </Text>
      {profile.source === 'conversation' && <Body1>{t('records.profile.unknown')}</Body1>}
      <Fields
        rows={[
          { id: 'account', label: t('records.profile.account'), value: profile.accountName },
          { id: 'jobTitle', label: t('records.profile.jobTitle'), value: profile.jobTitle },
          {
            id: 'relationshipType',
            label: t('records.profile.relationshipType'),
            value: profile.relationshipType && t(`records.relationship.${profile.relationshipType}`),
          },
          { id: 'city', label: t('records.profile.city'), value: profile.city },
          { id: 'category', label: t('records.profile.category'), value: profile.category },
          {
            id: 'preferredContactMethod',
            label: t('records.profile.preferredContactMethod'),
            value: profile.preferredContactMethod && t(`records.contactMethod.${profile.preferredContactMethod}`),
          },
          { id: 'email', label: t('records.profile.email'), value: profile.email },
          { id: 'phone', label: t('records.profile.phone'), value: profile.phone },
        ]}
      />
    </Section>
  );
}
