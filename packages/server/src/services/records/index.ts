import { accountUseCases } from './accounts.js';
import { caseUseCases } from './cases.js';
import { contactUseCases } from './contacts.js';
import { importUseCases } from './import.js';
import { recordsKit, type RecordsDeps } from './kit.js';
import { linkUseCases } from './links.js';
import { noteUseCases } from './notes.js';
import { summaryUseCases } from './summary.js';
import { timelineUseCases } from './timeline.js';

export { linkIdentifiedCustomer } from './links.js';

/**
 * Records (AG9), the timeline (CV4) and the customer summary (AG6): their own module beside the
 * conversations (docs/architecture.md), one file per group of use cases.
 */
export function createRecordsService(deps: RecordsDeps) {
  const kit = recordsKit(deps);
  return {
    ...contactUseCases(kit),
    ...accountUseCases(kit),
    ...caseUseCases(kit),
    ...noteUseCases(kit),
    ...linkUseCases(kit),
    ...timelineUseCases(kit),
    ...summaryUseCases(kit),
    ...importUseCases(kit),
  };
}

export type RecordsService = ReturnType<typeof createRecordsService>;
