/**
 * Supplies access tokens to every call the module makes. The built-ins
 * (stable, classic, fixed) implement it; give your own class as the
 * `accessTokenStrategy` extra of `NontaxModule.forRoot[Async]()` when the
 * token comes from elsewhere (a central token service, say).
 */
export interface AccessTokenStrategy {
  /**
   * A token valid for `appid` now. Never resolves to an empty string.
   * @throws AccessTokenError when no token can be had
   */
  getAccessToken(appid: string): Promise<string>;

  /**
   * WeChat refused `token` (40001, 40014, 41001, 42001). Forget it, but
   * only if it is still the current one: a fresher token stored in the
   * meantime must stay.
   */
  invalidate(appid: string, token: string): Promise<void>;
}
