import { classifySmtpError } from '../src/lib/smtp-errors';

describe('classifySmtpError', () => {
  it.each([
    [{ responseCode: 451, response: '451 4.3.0 try later' }, 'retry'],
    [{ responseCode: 421, response: '421 too busy' }, 'retry'],
    [{ responseCode: 550, response: '550 5.1.1 Mailbox does not exist' }, 'bounce'],
    [
      {
        responseCode: 550,
        message: "Can't send mail - all recipients were rejected: 550 5.1.10 user unknown",
      },
      'bounce',
    ],
    [{ responseCode: 554, response: '554 5.7.1 Message rejected' }, 'failed'],
    [{ responseCode: 552, response: '552 5.2.2 Mailbox full' }, 'failed'],
    [{ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:25' }, 'unreachable'],
    [{ code: 'ETIMEDOUT', message: 'Connection timeout' }, 'unreachable'],
    [new Error('connect ECONNREFUSED 127.0.0.1:2525'), 'unreachable'],
    [{ code: 'EMESSAGE', message: 'bad message' }, 'failed'],
    [undefined, 'failed'],
  ])('%j → %s', (error, outcome) => {
    expect(classifySmtpError(error).outcome).toBe(outcome);
  });
});
