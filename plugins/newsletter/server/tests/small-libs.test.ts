import { retryDelayMs } from '../src/lib/backoff';
import { escapeHtml, fillPlaceholders } from '../src/lib/html';

describe('escapeHtml / fillPlaceholders', () => {
  it('escapes markup and attribute quotes', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;'
    );
  });

  it('fills escaped values, leaves unknown placeholders, and fills raw text when asked', () => {
    expect(
      fillPlaceholders('<a href="%%url%%">%%name%%</a> %%other%%', {
        url: 'https://x/?a=1&b="2"',
        name: '<b>',
      })
    ).toBe('<a href="https://x/?a=1&amp;b=&quot;2&quot;">&lt;b&gt;</a> %%other%%');
    expect(fillPlaceholders('Hallo %%name%%', { name: '<b>' }, { escape: false })).toBe(
      'Hallo <b>'
    );
  });
});

describe('retryDelayMs', () => {
  it('doubles per attempt within ±20 % and is capped', () => {
    const mid = () => 0.5;
    expect(retryDelayMs(1, { jitter: mid })).toBe(60_000);
    expect(retryDelayMs(3, { jitter: mid })).toBe(240_000);
    expect(retryDelayMs(30, { jitter: mid })).toBe(3_600_000);
    expect(retryDelayMs(1, { jitter: () => 0 })).toBe(48_000);
    expect(retryDelayMs(1, { jitter: () => 1 })).toBe(72_000);
  });
});
