import { SIMULATOR_ERRCODES } from './simulator-constants.js';
import { getorderView } from './simulator-getorder.js';
import {
  isRejection,
  reject,
  rejectionReply,
  wechatReply,
  type SimulatorRejection,
  type SimulatorReply,
} from './simulator-replies.js';
import type { SimulatorState } from './simulator-state.js';
import { secondsLeft, type IssuedToken } from './simulator-tokens.js';
import type { RecordedRequest } from './simulator-types.js';

/** A `/nontax/*` call that passed the token and body checks. */
interface AuthorizedCall {
  appid: string;
  body: Record<string, unknown>;
}

/** The part of a `/nontax/*` endpoint that runs once the call is allowed. */
type NontaxAction = (
  state: SimulatorState,
  call: AuthorizedCall,
  now: number,
) => SimulatorReply;

const E = SIMULATOR_ERRCODES;

/** Plays WeChat's answer to one request; faults are handled before this. */
export function handleRequest(
  state: SimulatorState,
  request: RecordedRequest,
  now: number,
): SimulatorReply {
  switch (request.path) {
    case '/cgi-bin/token':
      return classicToken(state, request, now);
    case '/cgi-bin/stable_token':
      return stableToken(state, request, now);
    case '/nontax/refund':
      return nontax(state, request, now, refund);
    case '/nontax/getorder':
      return nontax(state, request, now, getOrder);
    default:
      return { status: 404, json: wechatReply(E.NOT_FOUND, 'not found').json };
  }
}

function classicToken(
  state: SimulatorState,
  request: RecordedRequest,
  now: number,
): SimulatorReply {
  const { grant_type, appid, secret } = request.query;
  const refusal = checkCredentials(state, grant_type, appid, secret);
  if (refusal) return rejectionReply(refusal);
  return tokenReply(state.tokens.issueClassic(appid as string, now), now);
}

function stableToken(
  state: SimulatorState,
  request: RecordedRequest,
  now: number,
): SimulatorReply {
  if (request.method !== 'POST') return rejectionReply(reject(E.REQUIRE_POST));
  const body = jsonObject(request.body);
  if (isRejection(body)) return rejectionReply(body);
  const { grant_type, appid, secret, force_refresh } = body;
  const refusal = checkCredentials(state, grant_type, appid, secret);
  if (refusal) return rejectionReply(refusal);
  const forced = force_refresh === true;
  return tokenReply(
    state.tokens.issueStable(appid as string, forced, now),
    now,
  );
}

function checkCredentials(
  state: SimulatorState,
  grantType: unknown,
  appid: unknown,
  secret: unknown,
): SimulatorRejection | undefined {
  if (grantType !== 'client_credential') return reject(E.INVALID_GRANT_TYPE);
  if (typeof appid !== 'string' || !state.hasAccount(appid)) {
    return reject(E.INVALID_APPID);
  }
  if (!state.secretMatches(appid, secret)) return reject(E.INVALID_APPSECRET);
  return undefined;
}

/** WeChat's token answer has neither errcode nor errmsg. */
function tokenReply(issued: IssuedToken, now: number): SimulatorReply {
  return {
    status: 200,
    json: { access_token: issued.token, expires_in: secondsLeft(issued, now) },
  };
}

function nontax(
  state: SimulatorState,
  request: RecordedRequest,
  now: number,
  action: NontaxAction,
): SimulatorReply {
  const call = authorize(state, request, now);
  if (isRejection(call)) return rejectionReply(call);
  return action(state, call, now);
}

function authorize(
  state: SimulatorState,
  request: RecordedRequest,
  now: number,
): AuthorizedCall | SimulatorRejection {
  const token = request.query.access_token;
  if (!token) return reject(E.ACCESS_TOKEN_MISSING);
  const check = state.tokens.check(token, now);
  if (!check.ok) return reject(check.errcode);
  if (request.method !== 'POST') return reject(E.REQUIRE_POST);
  const body = jsonObject(request.body);
  if (isRejection(body)) return body;
  if (body.appid !== check.appid) return reject(E.INVALID_APPID);
  return { appid: check.appid, body };
}

function refund(
  state: SimulatorState,
  call: AuthorizedCall,
  now: number,
): SimulatorReply {
  const result = state.orders.refund(call.appid, call.body, now);
  if (isRejection(result)) return rejectionReply(result);
  return wechatReply(E.OK, 'ok', { refund_order_id: result.refund_order_id });
}

function getOrder(
  state: SimulatorState,
  call: AuthorizedCall,
  now: number,
): SimulatorReply {
  const orderId = call.body.order_id;
  if (typeof orderId !== 'string' || orderId === '') {
    return rejectionReply(reject(E.INVALID_ARGUMENT, 'invalid order_id'));
  }
  const order = state.orders.get(call.appid, orderId, now);
  if (!order) return rejectionReply(reject(E.ORDER_NOT_FOUND));
  return wechatReply(E.OK, 'ok', getorderView(order, state.getorderStyle));
}

/** A body must be a JSON object: absent is 44002, anything else 47001. */
function jsonObject(
  body: unknown,
): Record<string, unknown> | SimulatorRejection {
  if (body === undefined) return reject(E.EMPTY_BODY);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return reject(E.INVALID_JSON);
  }
  return body as Record<string, unknown>;
}
