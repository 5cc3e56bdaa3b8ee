/** Checks of one scenario: a name, whether it held, and what was measured. */
const createChecks = () => {
  const checks = [];
  return {
    checks,
    check(name, ok, measured) {
      checks.push({ name, ok: Boolean(ok), measured: String(measured) });
      return Boolean(ok);
    },
    get ok() {
      return checks.every((entry) => entry.ok);
    },
  };
};

/**
 * What the sink received for an audience: who got nothing, who got more than one message.
 * `expected` is the list of addresses that must receive exactly one.
 */
const compareWithSink = (sink, expected) => {
  const missing = [];
  const duplicated = [];
  for (const address of expected) {
    const n = sink.accepted.get(address.toLowerCase()) ?? 0;
    if (n === 0) missing.push(address);
    if (n > 1) duplicated.push(address);
  }
  const extraMessages = expected.reduce(
    (sum, address) => sum + Math.max(0, (sink.accepted.get(address.toLowerCase()) ?? 0) - 1),
    0
  );
  return { missing, duplicated, extraMessages };
};

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

module.exports = { createChecks, compareWithSink, seconds };
