import type { IdentificationRule, PrechatAnswers } from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import { conflict } from '../domain/errors.js';
import { identificationLink, identificationLookup } from '../domain/records/identification.js';
import { checkPrechatAnswers } from '../domain/widgets/prechat-answers.js';
import { findOrCreateContact } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import { accountsMatching, contactsMatching } from '../store/records/identification.js';
import type { getWidget } from '../store/widgets.js';
import { availabilityOf, settingsOf } from './widget-settings.js';

type WidgetRow = NonNullable<Awaited<ReturnType<typeof getWidget>>>['widget'];

/**
 * What a widget's settings add to a chat's start (CH1): outside the widget's hours only a left
 * message starts one; the answers to its questions are checked and become context variables.
 */
export async function widgetStartPlan(
  db: Db,
  clock: Clock,
  widget: WidgetRow,
  prechat: PrechatAnswers,
  opts: { offline: boolean },
): Promise<{ context: Record<string, string | boolean>; identification: IdentificationRule[] }> {
  const settings = settingsOf(widget);
  if (!opts.offline) {
    const hours = await availabilityOf(db, widget.orgId, settings.operatingHoursId, clock.now());
    if (!hours.open) throw conflict('this chat is closed now: leave a message and we answer later');
  }
  return {
    context: opts.offline ? { offlineMessage: true } : checkPrechatAnswers(settings.prechat.questions, prechat.answers),
    identification: settings.prechat.identification,
  };
}

/**
 * The contact and account a new chat is linked to (CH5). With identification fields configured: the
 * records that every marked answer matches exactly one of, nothing on no or several matches. Without:
 * as before, the contact with the email, made when there is none.
 */
export async function identifyCustomer(
  tx: Db,
  orgId: string,
  rules: readonly IdentificationRule[],
  prechat: PrechatAnswers,
): Promise<{ contactId: string | null; accountId: string | null }> {
  if (rules.length === 0)
    return { contactId: await findOrCreateContact(tx, orgId, prechat.name, prechat.email), accountId: null };
  const lookup = identificationLookup(rules, { ...prechat.answers, name: prechat.name, email: prechat.email });
  const contacts = lookup.contact ? await contactsMatching(tx, orgId, lookup.contact) : null;
  const accounts = lookup.account ? await accountsMatching(tx, orgId, lookup.account) : null;
  return identificationLink({ contacts, accounts });
}
