import { describe, expect, it } from 'vitest';
import { GetSnTicketRequest, GetSnTicketResponse, GetSnTicketSuccess } from './snTicket.js';

// Examples built from the field lists of D §4.3; the ticket has the observed 32-character shape (D §0.3).
const request = { sn: 'SN_0001-door', model_id: 'model-abc' };
const success = { errcode: 0, errmsg: 'ok', sn_ticket: 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6' };

describe('POST /wxa/getsnticket (D §4.3)', () => {
  it('parses the documented request and success', () => {
    expect(GetSnTicketRequest.parse(request)).toEqual(request);
    expect(GetSnTicketResponse.parse(success)).toEqual(success);
    expect(GetSnTicketSuccess.parse(success).sn_ticket).toHaveLength(32);
  });

  it('parses an error answer', () => {
    expect(GetSnTicketResponse.parse({ errcode: 9800002, errmsg: 'invalid sn' })).toEqual({ errcode: 9800002, errmsg: 'invalid sn' });
  });

  it.each([
    [{ ...request, sn: 'x'.repeat(129) }, 'sn', 'at most 128 bytes'],
    [{ ...request, sn: 'has space' }, 'sn', '[0-9A-Za-z_-]'],
    [{ ...request, sn: '' }, 'sn', 'must not be empty'],
    [{ sn: 'SN_0001' }, 'model_id', 'model_id is required'],
    [{ ...request, model_id: '' }, 'model_id', 'model_id must not be empty'],
  ])('rejects %j on %s', (body, path, message) => {
    const result = GetSnTicketRequest.safeParse(body);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [path], message: expect.stringContaining(message) }));
  });

  it('accepts an sn of exactly 128 bytes', () => {
    expect(GetSnTicketRequest.safeParse({ ...request, sn: 'x'.repeat(128) }).success).toBe(true);
  });

  it('rejects a success without its sn_ticket', () => {
    expect(GetSnTicketResponse.safeParse({ errcode: 0, errmsg: 'ok' }).success).toBe(false);
    expect(GetSnTicketSuccess.safeParse({ ...success, sn_ticket: '' }).error?.issues[0]?.path).toEqual(['sn_ticket']);
  });
});
