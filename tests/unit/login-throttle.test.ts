import { delaySeconds } from "../../server/src/modules/auth/throttle.service";

describe("login throttling delays", () => {
  it("waits 1 s after the first failure beyond the free ones, doubling up to 60 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((over) => delaySeconds({ throttleDelaySeconds: 1 }, over))).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it("starts from a configured first delay and never waits less than it", () => {
    expect([1, 2, 3].map((over) => delaySeconds({ throttleDelaySeconds: 30 }, over))).toEqual([30, 60, 60]);
    expect([1, 2].map((over) => delaySeconds({ throttleDelaySeconds: 90 }, over))).toEqual([90, 90]);
  });
});
