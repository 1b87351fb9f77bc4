import type { ConfigService } from '@nestjs/config';

/** Reads one setting; empty strings count as unset. */
export type ReadSetting = (name: string) => string | undefined;

/** Injection token of the sample's {@link ReadSetting}. */
export const SETTINGS = Symbol('SETTINGS');

/** Settings from `overrides` first, then the environment and `.env`. */
export function settingsFrom(
  overrides: Record<string, string>,
  config: ConfigService,
): ReadSetting {
  return (name) => (overrides[name] ?? config.get<string>(name)) || undefined;
}
