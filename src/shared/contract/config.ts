/** `config.*`: one phone's configuration parameters, export and transfer type. */
import { z } from 'zod';

import { CONFIG_EXPORT_TYPES, TRANSFER_TYPES } from '../domain';
import { configName, configNames, phoneId, uploadUrl } from '../value-rules';
import { action, verb } from './define';

export interface ConfigValue {
  value: string;
  source: string;
}

export const config = {
  get: verb(z.strictObject({ phoneId, names: configNames.max(500) })).returns<
    Record<string, ConfigValue | null>
  >(),
  set: action(
    z.strictObject({
      phoneId,
      values: z
        .record(configName, z.string().max(4096))
        .refine((values) => Object.keys(values).length >= 1, 'give at least one parameter')
        .refine((values) => Object.keys(values).length <= 200, 'give at most 200 parameters'),
    }),
  ),
  export: action(
    z.strictObject({
      phoneId,
      url: uploadUrl,
      type: z.enum(CONFIG_EXPORT_TYPES),
    }),
  ),
  getTransferType: verb(z.strictObject({ phoneId })).returns<{ type: string }>(),
  setTransferType: action(z.strictObject({ phoneId, type: z.enum(TRANSFER_TYPES) })),
};
