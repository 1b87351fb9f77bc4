const CREDENTIAL_PARAM = /\b(access_token|secret)=[^&\s"'<>]*/gi;

/**
 * Removes credentials from text that came from upstream (an errmsg that
 * echoes the request URL, say): `access_token=` and `secret=` parameters,
 * and every exact occurrence of the given secrets.
 */
export function redactSecrets(
  text: string,
  secrets: readonly (string | undefined)[],
): string {
  let redacted = text.replace(CREDENTIAL_PARAM, '$1=***');
  for (const secret of secrets) {
    if (secret) redacted = redacted.split(secret).join('***');
  }
  return redacted;
}
