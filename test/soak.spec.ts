import { describeSoak, runSoak } from './support/soak.js';

// `npm test` runs a short soak; `npm run soak` a long one
// (SOAK_REFUNDS, default 20000 there).
const REFUNDS = Number(process.env.SOAK_REFUNDS ?? 1500);

describe('a fault soak', () => {
  it(
    `keeps the ledger and the reports in agreement over ${REFUNDS} refunds`,
    async () => {
      const counts = await runSoak(REFUNDS, 40);
      console.log(describeSoak(counts));
      expect(counts.appliedTwice).toBe(0);
      expect(counts.lost).toBe(0);
      expect(counts.misreported).toBe(0);
      expect(counts.accepted + counts.rejected + counts.unknown).toBe(REFUNDS);
      expect(counts.reconciledRight).toBe(counts.unknown);
      expect(counts.unknown).toBeGreaterThan(0);
      expect(counts.rejected).toBeGreaterThan(0);
      expect(counts.socketsAfter).toBeLessThanOrEqual(counts.socketsBefore);
      expect(counts.heapAfterMb - counts.heapBeforeMb).toBeLessThan(40);
    },
    REFUNDS * 20 + 30_000,
  );
});
