/** `contacts.*`: the local address book and its two-step import. */
import { z } from 'zod';

import type { Contact, ContactImportPreview } from '../contacts';
import { verb } from './define';

const contactId = z.string().min(1).max(64);
const contactInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  company: z.string().max(200).default(''),
  numbers: z
    .array(z.strictObject({ label: z.string().max(40), number: z.string().min(1).max(256) }))
    .min(1)
    .max(20),
  favourite: z.boolean().default(false),
});

export const contacts = {
  list: verb(z.strictObject({})).returns<Contact[]>(),
  add: verb(contactInput).returns<Contact>(),
  update: verb(z.strictObject({ id: contactId, contact: contactInput })).returns<Contact>(),
  remove: verb(z.strictObject({ id: contactId })).returns<null>(),
  previewImport: verb(
    z.strictObject({ fileName: z.string().max(260), content: z.string().max(5_000_000) }),
  ).returns<ContactImportPreview>(),
  commitImport: verb(z.strictObject({ previewId: z.string().min(1).max(64) })).returns<{
    imported: number;
  }>(),
};
