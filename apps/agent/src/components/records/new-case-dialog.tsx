import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Case, CasePriority, ConversationLinks } from '@switchboard/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateCase } from '../../hooks/use-records';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type Props = {
  conversationId: string;
  links: ConversationLinks;
  /** The case made, linked to the conversation: the caller opens it in a tab. */
  onCreated(c: Case): void;
};

/**
 * "New case" (AG9): title, priority, product and description, for the conversation's contact (or
 * its account); the server links it to the conversation as it creates it.
 */
export function NewCaseDialog({ conversationId, links, onCreated }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [priority, setPriority] = useState<CasePriority>('normal');
  const [product, setProduct] = useState('');
  const [description, setDescription] = useState('');
  const create = useCreateCase();
  const customer = links.contact?.name ?? links.account?.name ?? null;

  const reset = () => {
    setTitle('');
    setPriority('normal');
    setProduct('');
    setDescription('');
    create.reset();
  };
  const submit = () =>
    create.mutate(
      {
        title: title.trim(),
        priority,
        product: product.trim() || null,
        description: description.trim() || null,
        contactId: links.contact?.id ?? null,
        ...(links.contact ? {} : { accountId: links.account?.id ?? null }),
        conversationId,
      },
      {
        onSuccess(made) {
          setOpen(false);
          reset();
          onCreated(made);
        },
      },
    );

  return (
    <Dialog
      open={open}
      onOpenChange={(_e, d) => {
        setOpen(d.open);
        if (!d.open) reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" appearance="primary" data-testid="new-case">
          {t('records.newCase.open')}
        </Button>
      </DialogTrigger>
      <DialogSurface data-testid="new-case-dialog">
        <DialogBody>
          <DialogTitle>{t('records.newCase.title')}</DialogTitle>
          <DialogContent className={styles.form}>
            {customer ? (
              <Body1>{t('records.newCase.forWhom', { name: customer })}</Body1>
            ) : (
              <MessageBar intent="warning">
                <MessageBarBody>{t('records.newCase.noCustomer')}</MessageBarBody>
              </MessageBar>
            )}
            <Field label={t('records.newCase.titleField')} required>
              <Input value={title} data-testid="new-case-title" onChange={(_e, d) => setTitle(d.value)} />
            </Field>
            <Field label={t('records.newCase.priority')}>
              <Select
                value={priority}
                data-testid="new-case-priority"
                onChange={(_e, d) => setPriority(d.value as CasePriority)}
              >
                {(['low', 'normal', 'high'] as const).map((p) => (
                  <option key={p} value={p}>
                    {t(`records.priority.${p}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('records.newCase.product')}>
              <Input value={product} data-testid="new-case-product" onChange={(_e, d) => setProduct(d.value)} />
            </Field>
            <Field label={t('records.newCase.description')}>
              <Textarea
                value={description}
                resize="vertical"
                data-testid="new-case-description"
                onChange={(_e, d) => setDescription(d.value)}
              />
            </Field>
            {create.isError && (
              <MessageBar intent="error">
                <MessageBarBody>{t('records.failed', { message: create.error.message })}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('records.cancel')}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              data-testid="new-case-create"
              disabled={!customer || title.trim() === '' || create.isPending}
              onClick={submit}
            >
              {create.isPending ? t('records.newCase.creating') : t('records.newCase.create')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
