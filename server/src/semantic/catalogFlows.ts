/**
 * Builders for the signal flows of the overlay (`catalogNotesComponents.ts`): how
 * telemetry enters a component (an export) and leaves it (an argument path).
 */
import type { Flow, Signal } from './catalogTypes';

/** Data the component produces itself, leaving through `output`. */
export function sourceFlow(signal: Signal, output = 'forward_to'): Flow {
  return { output, outSignal: signal };
}

/** Data entering through the `input` export and leaving through `output`, same signal. */
export function passFlow(signal: Signal, input = 'receiver', output = 'forward_to'): Flow {
  return { input, inSignal: signal, output, outSignal: signal };
}

/** Data entering as `inSignal` and leaving converted to `outSignal`. */
export function convertFlow(input: string, inSignal: Signal, output: string, outSignal: Signal): Flow {
  return { input, inSignal, output, outSignal };
}

/** otelcol processors: signal S entering `input` leaves via `output.S`. */
export function otelPassFlows(signals: readonly Signal[]): Flow[] {
  return signals.map((s) => passFlow(s, 'input', `output.${s}`));
}

/** otelcol receivers: signal S produced by the component leaves via `output.S`. */
export function otelSourceFlows(signals: readonly Signal[]): Flow[] {
  return signals.map((s) => sourceFlow(s, `output.${s}`));
}

/** The three signals otelcol components carry. */
export const ALL_OTEL: readonly Signal[] = ['metrics', 'logs', 'traces'];
