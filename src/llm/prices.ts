/** US dollars per million tokens. */
export interface Price {
  input: number;
  output: number;
}

/**
 * List prices by model family, used to estimate cost. They are the published prices of the
 * 4.5 generation; later generations are assumed to cost the same until told otherwise
 * (override with PROVISION_LLM_PRICES='{"opus":{"input":5,"output":25}}').
 */
export const DEFAULT_PRICES: Record<string, Price> = {
  opus: { input: 5, output: 25 },
  sonnet: { input: 3, output: 15 },
  haiku: { input: 1, output: 5 },
};

/** Cache reads cost a tenth of input; cache writes a quarter more than input. */
const CACHE_READ = 0.1;
const CACHE_WRITE = 1.25;

export function priceFor(model: string, prices: Record<string, Price> = DEFAULT_PRICES): Price | undefined {
  const family = Object.keys(prices).find((f) => model.includes(f));
  return family ? prices[family] : undefined;
}

export function estimateCost(model: string, tokens: { input: number; output: number; cacheRead: number; cacheWrite: number }, prices?: Record<string, Price>): number {
  const p = priceFor(model, prices);
  if (!p) return 0;
  const usd = (tokens.input * p.input + tokens.output * p.output + tokens.cacheRead * p.input * CACHE_READ + tokens.cacheWrite * p.input * CACHE_WRITE) / 1_000_000;
  return Math.round(usd * 1e6) / 1e6;
}
