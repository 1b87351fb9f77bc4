import { SIMULATOR_ERRCODES } from './simulator-constants.js';
import { newAccessToken } from './simulator-replies.js';

/** Which of WeChat's two token families a token belongs to. */
export type TokenKind = 'classic' | 'stable';

/** A token handed out, with the moments it stops working. */
export interface IssuedToken {
  token: string;
  appid: string;
  kind: TokenKind;
  /** Past this (ms), calls get 42001. */
  expiresAt: number;
  /** Past this (ms), calls get 40001: a newer token replaced it. */
  supersededAt: number;
  revoked: boolean;
}

/** The outcome of checking a token on a business call. */
export type TokenCheck =
  { ok: true; appid: string } | { ok: false; errcode: number };

/**
 * Issues and checks access tokens. Lifetimes are timestamps compared on use,
 * never timers, so nothing keeps the process alive or needs cleaning up.
 */
export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly current = new Map<string, IssuedToken>();
  private readonly previousClassic = new Map<string, IssuedToken>();

  /**
   * @param ttlMs lifetime of a new token.
   * @param overlapMs how long the last classic token survives a new one.
   */
  constructor(
    private readonly ttlMs: number,
    private readonly overlapMs: number,
  ) {}

  /**
   * A new classic token. The one before it lives `overlapMs` more; any
   * older one, still inside its own overlap, dies now.
   */
  issueClassic(appid: string, now: number): IssuedToken {
    const older = this.previousClassic.get(appid);
    if (older) supersede(older, now);
    const last = this.current.get(key('classic', appid));
    if (last) {
      supersede(last, now + this.overlapMs);
      this.previousClassic.set(appid, last);
    }
    return this.issue('classic', appid, now);
  }

  /**
   * The stable token: the current one while it still works, else a new
   * one. `forceRefresh` always issues a new one and kills the old at once.
   */
  issueStable(appid: string, forceRefresh: boolean, now: number): IssuedToken {
    const last = this.current.get(key('stable', appid));
    if (last && !forceRefresh && this.check(last.token, now).ok) return last;
    if (last) supersede(last, now);
    return this.issue('stable', appid, now);
  }

  /** Whether `token` may be used now, and for which appid. */
  check(token: string, now: number): TokenCheck {
    const issued = this.tokens.get(token);
    if (!issued || issued.revoked || now >= issued.supersededAt) {
      return { ok: false, errcode: SIMULATOR_ERRCODES.INVALID_CREDENTIAL };
    }
    if (now >= issued.expiresAt) {
      return { ok: false, errcode: SIMULATOR_ERRCODES.ACCESS_TOKEN_EXPIRED };
    }
    return { ok: true, appid: issued.appid };
  }

  /** Expire every token issued so far. */
  expireAll(now: number): void {
    for (const issued of this.tokens.values()) {
      issued.expiresAt = Math.min(issued.expiresAt, now);
    }
  }

  /** Revoke one token; an unknown one is already refused, so ignore it. */
  revoke(token: string): void {
    const issued = this.tokens.get(token);
    if (issued) issued.revoked = true;
  }

  private issue(kind: TokenKind, appid: string, now: number): IssuedToken {
    const issued: IssuedToken = {
      token: newAccessToken(),
      appid,
      kind,
      expiresAt: now + this.ttlMs,
      supersededAt: Number.POSITIVE_INFINITY,
      revoked: false,
    };
    this.tokens.set(issued.token, issued);
    this.current.set(key(kind, appid), issued);
    return issued;
  }
}

/** Seconds left before `issued` expires, never below 1. */
export function secondsLeft(issued: IssuedToken, now: number): number {
  return Math.max(1, Math.ceil((issued.expiresAt - now) / 1000));
}

function supersede(issued: IssuedToken, at: number): void {
  issued.supersededAt = Math.min(issued.supersededAt, at);
}

function key(kind: TokenKind, appid: string): string {
  return `${kind}:${appid}`;
}
