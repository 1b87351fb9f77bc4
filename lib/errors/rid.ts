const RID_PATTERN = /\brid:\s*([0-9A-Za-z_-]+)/;

/**
 * The request id WeChat appends to errmsg (`... rid: 6566f1a2-...`), which
 * WeChat support asks for when a call went wrong.
 */
export function parseRid(errmsg: string | undefined): string | undefined {
  return errmsg ? RID_PATTERN.exec(errmsg)?.[1] : undefined;
}
